// EHCP requests as the core clock reads them, straight from the stored SEN2 items and advice.
import type { IsoDate } from '../core/dates.ts';
import type { EhcpRequest, ExceptionReason, Partner } from '../core/ehcp.ts';
import type { Store } from '../store/open.ts';

/** Requests received by `asOf` and still open (no final plan, not closed), or just the ones asked for. */
export async function loadOpenEhcpRequests(store: Store, asOf: IsoDate, requestIds?: readonly string[]): Promise<EhcpRequest[]> {
  if (requestIds && requestIds.length === 0) return [];
  let requests = store.db
    .selectFrom('ehcp_request')
    .selectAll()
    .where('received_date', '<=', asOf)
    .where('start_date', 'is', null)
    .where('request_outcome', 'not in', ['N', 'W'])
    .where((eb) => eb.or([eb('assessment_outcome', 'is', null), eb('assessment_outcome', 'not in', ['N', 'W'])]))
    .orderBy('received_date')
    .orderBy('request_id');
  if (requestIds) requests = requests.where('request_id', 'in', [...requestIds]);
  const rows = await requests.execute();
  if (rows.length === 0) return [];
  const advice = await store.db
    .selectFrom('ehcp_advice')
    .selectAll()
    .where('request_id', 'in', rows.map((r) => r.request_id))
    .orderBy('partner')
    .execute();
  return rows.map((r) => ({
    requestId: r.request_id,
    received: r.received_date,
    decisionDate: r.request_outcome_date,
    requestOutcome: r.request_outcome,
    assessmentOutcome: r.assessment_outcome,
    draftPlanDate: r.draft_plan_date,
    finalPlanDate: r.start_date,
    week20: r.week20,
    exceptionReason: r.exception_reason as ExceptionReason | null,
    advice: advice
      .filter((a) => a.request_id === r.request_id)
      .map((a) => ({ partner: a.partner as Partner, requested: a.requested_date, received: a.received_date })),
  }));
}
