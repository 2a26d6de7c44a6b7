// Synthetic data for the report tests: no real child, invented references only.
import type { Store } from '../../src/store/open.ts';
import type { NewRow } from '../../src/store/schema.ts';

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
