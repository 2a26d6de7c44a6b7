// Small hand-made data with answers worked out by hand (see the comments). Shared by the
// indicator and query tests; inserted with Kysely, not through the importers.
import type { Store } from '../../src/store/open.ts';
import type { NewRow } from '../../src/store/schema.ts';

/** Every fixture figure is computed as of this date. */
export const AS_OF = '2025-06-30';

type Request = NewRow<'ehcp_request'>;
const request = (r: Partial<Request> & Pick<Request, 'request_id' | 'received_date'>): Request => ({
  person_id: `P-${r.request_id}`,
  person_birth_date: '2015-09-01',
  sex: 'M',
  ...r,
});

// EHCP requests (day counts from received_date):
//   R0 issued 2025-03-01 after 120 days: within.                    -> March / Q4 2024-25: 1 of 1.
//   R1 issued 2025-05-26 after exactly 140 days: within.
//   R2 issued 2025-05-27 after 141 days: late.
//   R3 issued 2025-05-10 after 160 days, a Week20 exception: late, counted in incl only.
//     -> May: excl 1/2 = 50%, incl 1/3 = 33.3%, mean (140+141+160)/3/7 = 21 weeks.
//   Decisions: R1 after 42 days (2025-02-17), R2 after 43 (2025-02-18) -> February 1/2.
//   Open on 2025-06-30: R4 (advice stage, on track), R6 (no decision after 60 days: at risk,
//   projected to miss), R7 (received 2025-02-01, due 2025-06-21: breached, health advice outstanding).
export const EHCP_REQUESTS: Request[] = [
  request({ request_id: 'R0', received_date: '2024-11-01', request_outcome: 'Y', request_outcome_date: '2024-12-01', assessment_outcome: 'Y', assessment_outcome_date: '2025-02-01', start_date: '2025-03-01' }),
  request({ request_id: 'R1', received_date: '2025-01-06', request_outcome: 'Y', request_outcome_date: '2025-02-17', assessment_outcome: 'Y', assessment_outcome_date: '2025-04-20', start_date: '2025-05-26', sex: 'F' }),
  request({ request_id: 'R2', received_date: '2025-01-06', request_outcome: 'Y', request_outcome_date: '2025-02-18', assessment_outcome: 'Y', assessment_outcome_date: '2025-04-20', start_date: '2025-05-27' }),
  request({ request_id: 'R3', received_date: '2024-12-01', request_outcome: 'Y', request_outcome_date: '2025-01-05', assessment_outcome: 'Y', assessment_outcome_date: '2025-04-01', start_date: '2025-05-10', week20: true, exception_reason: 'MISSED_APPOINTMENT' }),
  request({ request_id: 'R4', received_date: '2025-05-12', request_outcome: 'Y', request_outcome_date: '2025-05-18' }),
  request({ request_id: 'R6', received_date: '2025-05-01', person_id: 'P-SMITH' }),
  request({ request_id: 'R7', received_date: '2025-02-01', request_outcome: 'Y', request_outcome_date: '2025-03-01' }),
];

// Advice (due = requested + 42 days). Health, due in April 2025:
//   R1 due 04-12 returned 04-12 (on time); R2 due 04-13 returned 04-14 (1 day late);
//   R3 due 04-14 returned 05-01 (17 days late); R7 due 04-14 still outstanding (77 days late on 06-30)
//   -> April 1/4 = 25%. R4 due 06-30 = as of, not yet overdue: left out, so June has no figure.
// Education: R1 and R7 returned well within 6 weeks -> April 2/2 = 100%.
export const EHCP_ADVICE: NewRow<'ehcp_advice'>[] = [
  { request_id: 'R1', partner: 'health', requested_date: '2025-03-01', received_date: '2025-04-12' },
  { request_id: 'R2', partner: 'health', requested_date: '2025-03-02', received_date: '2025-04-14' },
  { request_id: 'R3', partner: 'health', requested_date: '2025-03-03', received_date: '2025-05-01' },
  { request_id: 'R7', partner: 'health', requested_date: '2025-03-03', received_date: null },
  { request_id: 'R4', partner: 'health', requested_date: '2025-05-19', received_date: null },
  { request_id: 'R1', partner: 'education', requested_date: '2025-03-01', received_date: '2025-03-20' },
  { request_id: 'R7', partner: 'education', requested_date: '2025-03-03', received_date: '2025-03-30' },
];

type Child = NewRow<'child'>;
const child = (child_id: string, dob: string, sex = 1, ethnic = 'WBRI'): Child => ({ child_id, dob, sex, ethnic, upn: null });

// Care leavers. Ages on 2025-03-31: CL1 17, CL2 16 (17 on 2025-04-01), CL3 21 (22 on 2025-04-01),
// CL4 22 (21 until 2025-03-30).
//   Feb 2025 (2025-02-28): CL1 G5, CL3 F5, CL4 G6 -> 2/3 NEET; spells CL1 89 days, CL4 424 -> median 256.5.
//   Mar 2025 (2025-03-31): CL1 G5, CL3 F5 -> 1/2 NEET; spell CL1 120 days (crosses month ends) -> median 120.
//   Apr 2025 (2025-04-30): CL1 F2, CL2 G4 -> 1/2 NEET; spell CL2 119 days -> median 119.
// CL4's G6 then G4 with no gap is one spell from 2024-01-01.
export const CHILDREN: Child[] = [
  child('CL1', '2007-06-15'),
  child('CL2', '2008-04-01', 2),
  child('CL3', '2003-04-01'),
  child('CL4', '2003-03-31', 2, 'BAFR'),
  child('CL5', '2004-05-05'),
  child('M1', '2010-02-02', 2),
  child('M2', '2011-07-07'),
  child('M3', '2012-01-01'),
  child('M4', '2013-01-01'),
];

export const LEAVER_ACTIVITY: NewRow<'leaver_activity'>[] = [
  { child_id: 'CL1', start_date: '2024-12-01', end_date: '2025-04-10', activ: 'G5' },
  { child_id: 'CL1', start_date: '2025-04-11', end_date: null, activ: 'F2' },
  { child_id: 'CL2', start_date: '2025-01-01', end_date: null, activ: 'G4' },
  { child_id: 'CL3', start_date: '2024-06-01', end_date: null, activ: 'F5' },
  { child_id: 'CL4', start_date: '2024-01-01', end_date: '2024-06-30', activ: 'G6' },
  { child_id: 'CL4', start_date: '2024-07-01', end_date: null, activ: 'G4' },
];

// OC3 2024-25: 4 young people, 1 NEET -> 25%; in touch 2 of 3 (CL5 died, left out); suitable 2 of 3.
export const OC3: NewRow<'oc3'>[] = [
  { child_id: 'CL1', fy: 2024, in_touch: 'YES', activ: 'G5', accom: 'D1' },
  { child_id: 'CL3', fy: 2024, in_touch: 'YES', activ: 'F5', accom: 'U1' },
  { child_id: 'CL4', fy: 2024, in_touch: 'NO', activ: '0', accom: '0' },
  { child_id: 'CL5', fy: 2024, in_touch: 'DIED', activ: '0', accom: '0' },
];

// Looked after: M1 in foster care (U4) from 2024-01-01; M3 in a children's home (K2) 2025-02-01
// to 2025-03-31 (not looked after on 03-31 itself); M4 on short breaks (V3), never counted.
//   -> Feb 2025: 2, Mar 2025: 1.
export const LA_EPISODES: NewRow<'la_episode'>[] = [
  { child_id: 'M1', decom: '2024-01-01', rne: 'S', ls: 'C2', cin: 'N1', place: 'U4', place_provider: 'PR1', dec: null, rec: null, reason_place_change: null, home_post: null, pl_post: null, urn: null },
  { child_id: 'M3', decom: '2025-02-01', rne: 'S', ls: 'C2', cin: 'N1', place: 'K2', place_provider: 'PR4', dec: '2025-03-31', rec: 'E4A', reason_place_change: null, home_post: null, pl_post: null, urn: null },
  { child_id: 'M4', decom: '2024-06-01', rne: 'S', ls: 'V3', cin: 'N2', place: 'R1', place_provider: 'PR1', dec: null, rec: null, reason_place_change: null, home_post: null, pl_post: null, urn: null },
];

// Missing episodes (M1 looked after, in foster care; M2 missing from home):
//   M1 04-01 (Tue, 22:30, CSE) back 04-02, RHI offered 04-05 (day 3: in time), completed.
//   M1 04-10 (Thu, no time, CSE) back 04-11, offered 04-15 (day 4: late), declined.
//   M1 05-01 (Thu, 03:15, CCE) back 05-01, never offered (late once 05-04 passed).
//   M2 04-20 (Sun, 16:00) back 04-21, offered 04-22, completed.
//   M2 06-29 (Sun, no time) back 06-29, not offered yet: its 3 days run past 06-30, so left out.
// -> April: 3 episodes, 2 children, offered in time 2/3, completed 2/3.
//    May: 1 episode, offered 0/1 (a real 0%). June: offered has no figure; completed 0/1.
//    M1 has 3 episodes in 12 months from May: repeat missing April 0, May 1, June 1.
export const MISSING: NewRow<'missing_episode'>[] = [
  { child_id: 'M1', mis_start: '2025-04-01', missing: 'M', mis_end: '2025-04-02', looked_after: true, start_time: '22:30', rhi_offered: '2025-04-05', rhi_completed: '2025-04-06', rhi_declined: null, exploitation_risk: 'CSE', themes: ['PEERS'] },
  { child_id: 'M1', mis_start: '2025-04-10', missing: 'A', mis_end: '2025-04-11', looked_after: true, start_time: null, rhi_offered: '2025-04-15', rhi_completed: null, rhi_declined: '2025-04-15', exploitation_risk: 'CSE', themes: [] },
  { child_id: 'M1', mis_start: '2025-05-01', missing: 'M', mis_end: '2025-05-01', looked_after: true, start_time: '03:15', rhi_offered: null, rhi_completed: null, rhi_declined: null, exploitation_risk: 'CCE', themes: ['SUBSTANCES'] },
  { child_id: 'M2', mis_start: '2025-04-20', missing: 'M', mis_end: '2025-04-21', looked_after: false, start_time: '16:00', rhi_offered: '2025-04-22', rhi_completed: '2025-04-23', rhi_declined: null, exploitation_risk: 'NONE', themes: ['PUSH_HOME', 'PEERS'] },
  { child_id: 'M2', mis_start: '2025-06-29', missing: 'M', mis_end: '2025-06-29', looked_after: false, start_time: null, rhi_offered: null, rhi_completed: null, rhi_declined: null, exploitation_risk: 'NONE', themes: [] },
];

export async function loadFixtures(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.db.insertInto('child').values(CHILDREN).execute();
    await tx.db.insertInto('ehcp_request').values(EHCP_REQUESTS).execute();
    await tx.db.insertInto('ehcp_advice').values(EHCP_ADVICE).execute();
    await tx.db.insertInto('leaver_activity').values(LEAVER_ACTIVITY).execute();
    await tx.db.insertInto('oc3').values(OC3).execute();
    await tx.db.insertInto('la_episode').values(LA_EPISODES).execute();
    await tx.db.insertInto('missing_episode').values(MISSING).execute();
  });
}
