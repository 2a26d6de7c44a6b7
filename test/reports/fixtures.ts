// Synthetic data for the report tests: no real child, invented references only.
import type { Store } from '../../src/store/open.ts';
import type { NewRow } from '../../src/store/schema.ts';
import { insertQuarterFigures } from '../indicators/stored.ts';

export const AS_OF = '2026-11-25';

type Request = Pick<NewRow<'ehcp_request'>, 'request_id' | 'received_date'> & Partial<NewRow<'ehcp_request'>>;

export async function insertEhcp(store: Store, requests: Request[], advice: NewRow<'ehcp_advice'>[]): Promise<void> {
  await store.db
    .insertInto('ehcp_request')
    .values(requests.map((r, i) => ({ person_id: `P${i + 1}`, person_birth_date: '2016-05-01', sex: 'F' as const, ...r })))
    .execute();
  if (advice.length > 0) await store.db.insertInto('ehcp_advice').values(advice).execute();
}

/** Five requests on AS_OF: two missed or will miss 20 weeks for late advice, one with an exception, two fine. */
export async function insertDelayedRequests(store: Store): Promise<void> {
  await insertEhcp(
    store,
    [
      // Past 20 weeks (due 19 Oct 2026); health advice asked for on 6 July, still not in.
      { request_id: 'REQ-0001', received_date: '2026-06-01', request_outcome: 'Y', request_outcome_date: '2026-07-06' },
      // Inside 20 weeks (due 19 Jan 2027) but social care advice is 9 days late, so it will miss.
      { request_id: 'REQ-0002', received_date: '2026-09-01', request_outcome: 'Y', request_outcome_date: '2026-10-05' },
      // Recent and on track.
      { request_id: 'REQ-0003', received_date: '2026-11-01' },
      // Issued on time: no letter.
      { request_id: 'REQ-0004', received_date: '2026-01-05', request_outcome: 'Y', request_outcome_date: '2026-02-09', assessment_outcome: 'Y', assessment_outcome_date: '2026-05-01', start_date: '2026-05-18' },
      // Past 20 weeks with a regulation 10(4) exception; the draft is with the family.
      { request_id: 'REQ-0005', received_date: '2026-03-02', request_outcome: 'Y', request_outcome_date: '2026-04-06', week20: true, exception_reason: 'PERSONAL_CIRCUMSTANCES', draft_plan_date: '2026-11-16' },
    ],
    [
      { request_id: 'REQ-0001', partner: 'health', requested_date: '2026-07-06', received_date: null },
      { request_id: 'REQ-0001', partner: 'educational_psychology', requested_date: '2026-07-06', received_date: '2026-08-10' },
      { request_id: 'REQ-0002', partner: 'social_care', requested_date: '2026-10-05', received_date: null },
      { request_id: 'REQ-0005', partner: 'health', requested_date: '2026-04-06', received_date: '2026-05-01' },
    ],
  );
}

export const COMMITTEE = "Children's Services Overview and Scrutiny Committee";
export const MEETING = '2026-12-10';
export const LAST_MEETING = '2026-09-15';

/** Strategy actions with RAG history around the September meeting, and the committee's register. */
export async function insertActions(store: Store): Promise<void> {
  await store.db
    .insertInto('priority')
    .values([
      { priority_id: 'P1', title: 'Timely Education, Health and Care plans', sort_order: 1 },
      { priority_id: 'P2', title: 'Care leavers in education, employment or training', sort_order: 2 },
    ])
    .execute();
  const action = (action_id: string, priority_id: string, title: string, due_date: string, status: string, rag: 'red' | 'amber' | 'green') =>
    ({ action_id, priority_id, title, owner: 'Head of SEND', due_date, status, rag });
  await store.db
    .insertInto('strategy_action')
    .values([
      action('A1', 'P1', 'Agree a health advice protocol with the ICB', '2026-09-30', 'in_progress', 'red'),
      action('A2', 'P1', 'Recruit two educational psychologists', '2027-03-31', 'in_progress', 'green'),
      action('A3', 'P2', 'Launch the care leaver apprenticeship offer', '2026-10-31', 'complete', 'green'),
      action('A4', 'P2', 'Review personal adviser caseloads', '2027-01-31', 'not_started', 'amber'),
      action('A5', 'P2', 'Extend the local offer for care leavers', '2027-06-30', 'in_progress', 'red'),
    ])
    .execute();
  const update = (action_id: string, at: string, rag: 'red' | 'amber' | 'green', comment = '') =>
    ({ action_id, at: `${at} 10:00:00+00`, by_user: 'officer1', rag, status: 'in_progress', comment });
  await store.db
    .insertInto('action_update')
    .values([
      update('A1', '2026-08-01', 'amber'),
      update('A1', '2026-11-20', 'red', 'The ICB has not yet signed the protocol.'),
      update('A2', '2026-07-01', 'red'),
      update('A2', '2026-10-01', 'green', 'Both posts filled.'),
      update('A3', '2026-06-01', 'green'),
      update('A5', '2026-09-01', 'green'),
      update('A5', '2026-12-20', 'red', 'After the meeting.'),
    ])
    .execute();
  const item = (id: string, meeting_date: string, committee: string, status: string, updated_at: string, due_date: string) => ({
    committee_action_id: id,
    meeting_date,
    committee,
    item: 'Performance indicators',
    action: `Action ${id}: report back on EHCP timeliness`,
    responsible: 'Head of SEND',
    due_date,
    status,
    response: status === 'done' ? 'Reported in the briefing note.' : '',
    updated_at: `${updated_at} 09:00:00+00`,
  });
  await store.db
    .insertInto('committee_action')
    .values([
      item('CA1', LAST_MEETING, COMMITTEE, 'open', '2026-09-16', '2026-11-30'),
      item('CA2', LAST_MEETING, COMMITTEE, 'done', '2026-10-01', '2026-10-31'),
      item('CA3', '2026-06-10', COMMITTEE, 'done', '2026-07-01', '2026-07-31'),
      item('CA4', '2026-11-01', 'Corporate Overview and Scrutiny Committee', 'open', '2026-11-01', '2027-01-31'),
    ])
    .execute();
}

/** Quarterly indicator values for 2026-27 Q2 (the period reported) and the quarters before it. */
export const REPORT_QUARTER = '2026-07-01';

export async function insertIndicatorValues(store: Store): Promise<void> {
  await insertQuarterFigures(store, [
    ['ehcp_20wk_excl', '2026-01-01', 20, 40, 50],
    ['ehcp_20wk_excl', '2026-04-01', 25, 40, 62.5],
    ['ehcp_20wk_excl', '2026-07-01', 18, 40, 45], // Red and worsening
    ['rhi_offered_72h', '2026-04-01', 30, 40, 75],
    ['rhi_offered_72h', '2026-07-01', 40, 50, 80], // Red, improving
    ['care_leavers_neet', '2026-04-01', 18, 50, 36],
    ['care_leavers_neet', '2026-07-01', 19, 50, 38], // Amber, worsening (lower is better)
    ['ehcp_advice_6wk_health', '2026-04-01', 10, 10, 100],
    ['ehcp_advice_6wk_health', '2026-07-01', 5, 6, 500 / 6], // Amber, worsening, built from a small number
    ['missing_children', '2026-04-01', 12, null, 12],
    ['missing_children', '2026-07-01', 3, null, 3], // a count of 3: "<6" in public
    ['ehcp_mean_weeks', '2026-04-01', 420, 20, 21],
    ['ehcp_mean_weeks', '2026-07-01', 360, 20, 18], // Green, improving
    ['ehcp_mean_weeks', '2026-10-01', 190, 10, 19], // Q3 has not ended by the meeting
    ['ehe_children', '2026-04-01', 228, null, 228],
    ['ehe_children', '2026-07-01', 255, null, 255], // contextual: "Up", not "Worsening"
    ['repeat_missing_children', '2026-04-01', 4, null, 4], // withheld from the public...
    ['repeat_missing_children', '2026-07-01', 9, null, 9], // ...so 9 has no published direction
  ]);
  await store.db
    .insertInto('benchmark')
    .values([
      { indicator_id: 'ehcp_20wk_excl', area: 'England', fy: 2025, value: 46.4 },
      { indicator_id: 'ehcp_20wk_excl', area: 'Statistical neighbours', fy: 2025, value: 52.1 },
      { indicator_id: 'ehcp_20wk_excl', area: 'England', fy: 2027, value: 99 }, // a later year is not used
      { indicator_id: 'missing_children', area: 'England', fy: 2025, value: 16790 }, // a national count: not comparable
    ])
    .execute();
  await store.db
    .insertInto('narrative')
    .values({
      indicator_id: 'ehcp_20wk_excl',
      period_type: 'quarter',
      period_start: REPORT_QUARTER,
      body: 'Health advice has been the main cause of delay this quarter.\n\nA protocol with the <ICB> is being agreed.',
      updated_by: 'officer1',
    })
    .execute();
}
