// EHCP queries for the tracker, the partner league and delay letters. Rows are loaded in SQL and
// the statutory clock is worked out by src/core/ehcp.ts, so pages and letters agree with it.
import { sql } from 'kysely';
import type { IsoDate } from '../../core/dates.ts';
import {
  EXCEPTION_REASONS,
  PARTNER_LABEL,
  PARTNERS,
  STAGE_LABEL,
  ehcpClock,
  type AdviceRequest,
  type EhcpClock,
  type EhcpRequest,
  type EhcpStage,
  type ExceptionReason,
  type Partner,
  type Sen2Outcome,
} from '../../core/ehcp.ts';
import { ADVICE_DAYS } from '../../core/indicators/sql.ts';
import type { Store } from '../open.ts';

/** The tracker shows at most this many rows at a time: a national open caseload runs to 100k. */
export const TRACKER_PAGE_SIZE = 500;

export interface TrackerOptions {
  asOf: IsoDate;
  stage?: EhcpStage;
  /** Only requests where this partner's advice is (or was) late. */
  partner?: Partner;
  atRisk?: boolean;
  breached?: boolean;
  /** Part of the request id or person id. */
  search?: string;
  limit?: number;
  offset?: number;
}

export interface TrackerRow extends EhcpClock {
  requestId: string;
  personId: string;
  received: IsoDate;
  stageLabel: string;
  senType: string | null;
}

export interface TrackerPage {
  asOf: IsoDate;
  /** Open requests matching the filters, before paging. */
  total: number;
  atRisk: number;
  breached: number;
  rows: TrackerRow[];
}

interface RequestRow {
  request_id: string;
  person_id: string;
  received_date: IsoDate;
  request_outcome: Sen2Outcome;
  request_outcome_date: IsoDate | null;
  assessment_outcome: Sen2Outcome | null;
  assessment_outcome_date: IsoDate | null;
  week20: boolean;
  exception_reason: string | null;
  draft_plan_date: IsoDate | null;
  sen_type: string | null;
  advice: { partner: Partner; requested: IsoDate; received: IsoDate | null }[];
}

const upTo = (date: IsoDate | null, asOf: IsoDate): IsoDate | null => (date !== null && date <= asOf ? date : null);

/** The request as it stood on asOf: anything recorded later has not happened yet. */
function asAt(r: RequestRow, asOf: IsoDate): EhcpRequest {
  const decisionDate = upTo(r.request_outcome_date, asOf);
  const assessed = upTo(r.assessment_outcome_date, asOf);
  const advice: AdviceRequest[] = r.advice.map((a) => ({ partner: a.partner, requested: a.requested, received: upTo(a.received, asOf) }));
  return {
    requestId: r.request_id,
    received: r.received_date,
    decisionDate,
    requestOutcome: decisionDate ? r.request_outcome : 'A',
    assessmentOutcome: assessed ? r.assessment_outcome : r.assessment_outcome ? 'A' : null,
    draftPlanDate: upTo(r.draft_plan_date, asOf),
    finalPlanDate: null,
    week20: r.week20,
    exceptionReason: r.exception_reason && r.exception_reason in EXCEPTION_REASONS ? (r.exception_reason as ExceptionReason) : null,
    advice,
  };
}

/** Case level: requests open on asOf (received, no final plan, not refused or withdrawn by then). */
async function openRequests(store: Store, asOf: IsoDate, search?: string): Promise<TrackerRow[]> {
  const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const result = await sql<RequestRow>`
    SELECT r.request_id, r.person_id, r.received_date, r.request_outcome, r.request_outcome_date, r.assessment_outcome,
           r.assessment_outcome_date, r.week20, r.exception_reason, r.draft_plan_date, r.sen_type,
           coalesce((SELECT json_agg(json_build_object('partner', a.partner, 'requested', a.requested_date, 'received', a.received_date)
                                     ORDER BY a.partner)
                       FROM ehcp_advice a WHERE a.request_id = r.request_id AND a.requested_date <= ${asOf}::date), '[]'::json) AS advice
      FROM ehcp_request r
     WHERE r.received_date <= ${asOf}::date
       AND (r.start_date IS NULL OR r.start_date > ${asOf}::date)
       AND r.request_outcome <> 'H'
       AND NOT (r.request_outcome IN ('N', 'W') AND coalesce(r.request_outcome_date, r.received_date) <= ${asOf}::date)
       AND NOT (coalesce(r.assessment_outcome, 'A') IN ('N', 'W') AND coalesce(r.assessment_outcome_date, r.received_date) <= ${asOf}::date)
       AND (${pattern}::text IS NULL OR r.request_id ILIKE ${pattern} OR r.person_id ILIKE ${pattern})
     ORDER BY r.received_date, r.request_id`.execute(store.db);
  return result.rows.map((r) => {
    const clock = ehcpClock(asAt(r, asOf), asOf);
    return { requestId: r.request_id, personId: r.person_id, received: r.received_date, stageLabel: STAGE_LABEL[clock.stage], senType: r.sen_type, ...clock };
  });
}

/**
 * Case level (officers only): every EHCP request open on asOf with its statutory clock, oldest
 * first, filtered and paged.
 */
export async function ehcpTracker(store: Store, options: TrackerOptions): Promise<TrackerPage> {
  const rows = (await openRequests(store, options.asOf, options.search)).filter(
    (r) =>
      (options.stage === undefined || r.stage === options.stage) &&
      (options.partner === undefined || r.lateAdvice.some((l) => l.partner === options.partner)) &&
      (options.atRisk === undefined || r.atRisk === options.atRisk) &&
      (options.breached === undefined || r.breached === options.breached),
  );
  const offset = options.offset ?? 0;
  return {
    asOf: options.asOf,
    total: rows.length,
    atRisk: rows.filter((r) => r.atRisk).length,
    breached: rows.filter((r) => r.breached).length,
    rows: rows.slice(offset, offset + (options.limit ?? TRACKER_PAGE_SIZE)),
  };
}

/**
 * Case level (officers only): open requests that have missed 20 weeks or are projected to miss
 * it, with the plain-English reasons for the family's letter.
 */
export async function ehcpDelayCases(store: Store, options: { asOf: IsoDate }): Promise<TrackerRow[]> {
  return (await openRequests(store, options.asOf)).filter((r) => r.breached || r.expectedFinal > r.due);
}

export interface PartnerLeagueRow {
  partner: Partner;
  label: string;
  requested: number;
  returnedOnTime: number;
  /** Advice returned, or already overdue, by `to`: what percentOnTime is out of. */
  due: number;
  /** Of advice returned or already overdue by `to`; null when none is yet due. */
  percentOnTime: number | null;
  /** Advice returned late or overdue and still awaited: what the lateness figures are over. */
  lateCount: number;
  meanDaysLate: number | null;
  maxDaysLate: number | null;
  outstandingOverdue: number;
}

/**
 * Per partner, advice requested between from and to (inclusive), as it stood on `to`: late
 * advice counts days past the 6-week due date to its return, or to `to` while outstanding.
 */
export async function partnerLeague(store: Store, options: { from: IsoDate; to: IsoDate }): Promise<PartnerLeagueRow[]> {
  const { from, to } = options;
  const result = await sql<Omit<PartnerLeagueRow, 'label'>>`
    WITH a AS (
      SELECT partner, requested_date + ${ADVICE_DAYS}::int AS due,
             CASE WHEN received_date <= ${to}::date THEN received_date END AS received
        FROM ehcp_advice WHERE requested_date BETWEEN ${from}::date AND ${to}::date
    ), late AS (
      SELECT *, coalesce(received, ${to}::date) - due AS days_late FROM a
    )
    SELECT partner, count(*)::int AS "requested",
           (count(*) FILTER (WHERE received <= due))::int AS "returnedOnTime",
           (count(*) FILTER (WHERE received IS NOT NULL OR due < ${to}::date))::int AS "due",
           100.0 * count(*) FILTER (WHERE received <= due) / nullif(count(*) FILTER (WHERE received IS NOT NULL OR due < ${to}::date), 0) AS "percentOnTime",
           (count(*) FILTER (WHERE days_late > 0))::int AS "lateCount",
           (avg(days_late) FILTER (WHERE days_late > 0))::float AS "meanDaysLate",
           max(days_late) FILTER (WHERE days_late > 0) AS "maxDaysLate",
           (count(*) FILTER (WHERE received IS NULL AND due < ${to}::date))::int AS "outstandingOverdue"
      FROM late GROUP BY partner`.execute(store.db);
  const byPartner = new Map(result.rows.map((r) => [r.partner, r]));
  const none = { requested: 0, returnedOnTime: 0, due: 0, percentOnTime: null, lateCount: 0, meanDaysLate: null, maxDaysLate: null, outstandingOverdue: 0 };
  return PARTNERS.map((partner) => ({ ...none, ...byPartner.get(partner), partner, label: PARTNER_LABEL[partner] }));
}
