// A small synthetic authority for the web tests, written with Kysely inserts and run through the
// real indicator engine. Every id and date is made up.
import { addDays } from '../../src/core/dates.ts';
import { PARTNERS } from '../../src/core/ehcp.ts';
import { computeIndicators } from '../../src/store/indicators.ts';
import type { Store } from '../../src/store/open.ts';
import type { NewRow } from '../../src/store/schema.ts';

export const AS_OF = '2025-03-15';

function ehcpRows() {
  const requests: NewRow<'ehcp_request'>[] = [];
  const advice: NewRow<'ehcp_advice'>[] = [];
  for (let i = 0; i < 30; i++) {
    const id = `R${String(i + 1).padStart(3, '0')}`;
    const received = addDays('2024-04-01', i * 11);
    const decision = addDays(received, 35);
    const decided = decision <= AS_OF;
    const issued = received < '2024-10-01';
    // Every third issued plan took 23 weeks; the rest 18.
    const start = issued ? addDays(received, i % 3 === 0 ? 161 : 126) : null;
    requests.push({
      request_id: id,
      person_id: `P${String(i + 1).padStart(3, '0')}`,
      person_birth_date: '2015-01-01',
      sex: i % 2 ? 'M' : 'F',
      received_date: received,
      request_outcome: decided ? 'Y' : 'A',
      request_outcome_date: decided ? decision : null,
      assessment_outcome: start ? 'Y' : null,
      assessment_outcome_date: start ? addDays(start, -20) : null,
      draft_plan_date: start ? addDays(start, -21) : null,
      start_date: start,
      sen_type: 'ASD',
    });
    if (!decided) continue;
    for (const partner of PARTNERS) {
      // Health is late on even-numbered requests: 60 days, or still outstanding.
      const late = partner === 'health' && i % 2 === 0;
      const back = addDays(decision, late ? 60 : 30);
      advice.push({ request_id: id, partner, requested_date: decision, received_date: back <= AS_OF ? back : null });
    }
  }
  return { requests, advice };
}

function missingRows() {
  const children: NewRow<'child'>[] = [];
  const episodes: NewRow<'missing_episode'>[] = [];
  for (let c = 0; c < 10; c++) {
    const childId = `M${String(c + 1).padStart(2, '0')}`;
    children.push({ child_id: childId, sex: (c % 2) + 1, dob: `201${c % 3}-05-0${(c % 9) + 1}`, ethnic: 'WBRI' });
    const count = c === 0 ? 4 : c === 1 ? 3 : 1 + (c % 2);
    for (let e = 0; e < count; e++) {
      const start = addDays('2024-06-03', c * 13 + e * 47);
      const end = addDays(start, 1);
      const declined = c === 2;
      episodes.push({
        child_id: childId,
        mis_start: start,
        mis_end: end,
        missing: 'M',
        looked_after: c < 4,
        start_time: `${String((c * 5 + e * 7) % 24).padStart(2, '0')}:30`,
        rhi_offered: addDays(end, c === 3 ? 5 : 2),
        rhi_completed: declined || c === 3 ? null : addDays(end, 3),
        rhi_declined: declined ? addDays(end, 3) : null,
        exploitation_risk: c === 0 ? 'CSE' : c === 1 ? 'CCE' : 'NONE',
      });
    }
  }
  return { children, episodes };
}

function careLeaverRows() {
  const children: NewRow<'child'>[] = [];
  const activity: NewRow<'leaver_activity'>[] = [];
  const oc3: NewRow<'oc3'>[] = [];
  for (let c = 0; c < 12; c++) {
    const childId = `L${String(c + 1).padStart(2, '0')}`;
    children.push({ child_id: childId, sex: (c % 2) + 1, dob: addDays('2005-06-01', c * 30), ethnic: 'WBRI' });
    const neet = c < 7;
    activity.push({ child_id: childId, start_date: addDays('2024-01-15', c * 40), end_date: null, activ: neet ? 'G4' : 'F2' });
    oc3.push({ child_id: childId, fy: 2024, in_touch: c === 11 ? 'NO' : 'YES', activ: neet ? 'G4' : 'F2', accom: c < 10 ? 'B1' : 'B2' });
  }
  return { children, activity, oc3 };
}

/** Seeds the authority and computes the indicators as at AS_OF. */
export async function seedWebData(store: Store): Promise<void> {
  const ehcp = ehcpRows();
  const missing = missingRows();
  const leavers = careLeaverRows();
  await store.transaction(async (tx) => {
    const db = tx.db;
    await db.insertInto('child').values([...missing.children, ...leavers.children]).execute();
    await db.insertInto('missing_episode').values(missing.episodes).execute();
    await db.insertInto('leaver_activity').values(leavers.activity).execute();
    await db.insertInto('oc3').values(leavers.oc3).execute();
    await db.insertInto('ehcp_request').values(ehcp.requests).execute();
    await db.insertInto('ehcp_advice').values(ehcp.advice).execute();
    await db
      .insertInto('benchmark')
      .values([
        { indicator_id: 'ehcp_20wk_excl', area: 'England', fy: 2024, value: 46.4 },
        { indicator_id: 'ehcp_20wk_excl', area: 'Statistical neighbours', fy: 2024, value: 52.1 },
        { indicator_id: 'care_leavers_neet', area: 'England', fy: 2024, value: 38 },
      ])
      .execute();
    await db
      .insertInto('priority')
      .values([
        { priority_id: 'P1', title: 'Plans on time for children with SEND', sort_order: 1 },
        { priority_id: 'P2', title: 'Keeping children safe when they go missing', sort_order: 2 },
      ])
      .execute();
    await db
      .insertInto('strategy_action')
      .values([
        { action_id: 'A1', priority_id: 'P1', title: 'Agree a 6-week advice standard with the health trust', owner: 'Head of SEND', due_date: '2025-01-31', status: 'in_progress', rag: 'amber' },
        { action_id: 'A2', priority_id: 'P1', title: 'Recruit two educational psychologists', owner: 'Principal EP', due_date: '2025-06-30', status: 'not_started', rag: 'green' },
        { action_id: 'A3', priority_id: 'P2', title: 'Commission an independent return home interview service', owner: 'Head of Safeguarding', due_date: '2024-12-01', status: 'complete', rag: 'green' },
      ])
      .execute();
    await db
      .insertInto('committee_action')
      .values([
        { committee_action_id: 'C1', meeting_date: '2025-01-20', committee: 'Children and Young People Overview and Scrutiny', item: 'EHCP performance', action: 'Report on delays in health advice', responsible: 'Director of Education', due_date: '2025-03-01', status: 'open' },
        { committee_action_id: 'C2', meeting_date: '2024-11-11', committee: 'Children and Young People Overview and Scrutiny', item: 'Care leavers', action: 'Circulate the NEET action plan', responsible: 'Head of Leaving Care', due_date: '2024-12-15', status: 'done', response: 'Circulated on 10 December.' },
      ])
      .execute();
  });
  await computeIndicators(store, { asOf: AS_OF });
}
