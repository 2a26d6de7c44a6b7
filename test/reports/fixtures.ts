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
