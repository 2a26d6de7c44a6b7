// Front-door queries: referrals by source and month (aggregate), the window's headline counts,
// and the children behind late assessments and repeat referrals (case level).
import { sql } from 'kysely';
import { REFERRAL_SOURCE_LABEL, workingDaysBetween } from '../../core/cin.ts';
import { addDays, addMonths, type IsoDate } from '../../core/dates.ts';
import { REFERRALS_WITH_PREVIOUS, reReferralSql, referralSourceGroupSql } from '../../core/indicators/frontDoor.ts';
import type { Store } from '../open.ts';

export interface SourceMonth {
  /** First day of the month. */
  month: IsoDate;
  source: string;
  count: number;
}

/** Referrals per month and source group (local sub-code where given), months from `from` to `to`. */
export async function referralsBySourceMonth(store: Store, options: { from: IsoDate; to: IsoDate }): Promise<SourceMonth[]> {
  const { rows } = await sql<SourceMonth>`
    SELECT to_char(date_trunc('month', r.referral_date), 'YYYY-MM-DD') AS month, ${sql.raw(referralSourceGroupSql('r'))} AS source,
           count(*)::int AS count
      FROM cin_referral r WHERE r.referral_date BETWEEN ${options.from}::date AND ${options.to}::date
     GROUP BY 1, 2 ORDER BY 1, 2`.execute(store.db);
  return rows;
}

export interface SourceChange {
  source: string;
  label: string;
  previous: number;
  latest: number;
}

/** Referrals by source in the 12 months to `asOf` and the 12 months before, most referrals first. */
export async function referralSourceChange(store: Store, options: { asOf: IsoDate }): Promise<SourceChange[]> {
  const yearAgo = addMonths(options.asOf, -12);
  const { rows } = await sql<{ source: string; previous: number; latest: number }>`
    SELECT ${sql.raw(referralSourceGroupSql('r'))} AS source,
           (count(*) FILTER (WHERE r.referral_date <= ${yearAgo}::date))::int AS previous,
           (count(*) FILTER (WHERE r.referral_date > ${yearAgo}::date))::int AS latest
      FROM cin_referral r
     WHERE r.referral_date > ${addMonths(options.asOf, -24)}::date AND r.referral_date <= ${options.asOf}::date
     GROUP BY 1 ORDER BY latest DESC, previous DESC, 1`.execute(store.db);
  return rows.map((r) => ({ ...r, label: REFERRAL_SOURCE_LABEL[r.source] ?? r.source }));
}

export interface FrontDoorTotals {
  from: IsoDate;
  to: IsoDate;
  referrals: number;
  children: number;
  reReferrals: number;
  nfa: number;
  assessmentsCompleted: number;
  assessmentsInTime: number;
  /** Open on `to`, and past their 45th working day. */
  assessmentsOpen: number;
  assessmentsOverdue: number;
}

/** Headline counts for referrals received and assessments completed from `from` to `to`. */
export async function frontDoorTotals(store: Store, options: { from: IsoDate; to: IsoDate }): Promise<FrontDoorTotals> {
  const { from, to } = options;
  const referrals = await sql<Pick<FrontDoorTotals, 'referrals' | 'children' | 'reReferrals' | 'nfa'>>`
    SELECT count(*)::int AS referrals, count(DISTINCT r.la_child_id)::int AS children,
           (count(*) FILTER (WHERE ${sql.raw(reReferralSql('r.previous_referral', 'r.referral_date'))}))::int AS "reReferrals",
           (count(*) FILTER (WHERE r.referral_nfa))::int AS nfa
      FROM ${sql.raw(REFERRALS_WITH_PREVIOUS)} r WHERE r.referral_date BETWEEN ${from}::date AND ${to}::date`.execute(store.db);
  const assessments = await sql<Pick<FrontDoorTotals, 'assessmentsCompleted' | 'assessmentsInTime' | 'assessmentsOpen' | 'assessmentsOverdue'>>`
    SELECT (count(*) FILTER (WHERE a.authorisation_date BETWEEN ${from}::date AND ${to}::date))::int AS "assessmentsCompleted",
           (count(*) FILTER (WHERE a.authorisation_date BETWEEN ${from}::date AND ${to}::date AND a.authorisation_date <= a.due_date))::int AS "assessmentsInTime",
           (count(*) FILTER (WHERE a.start_date <= ${to}::date AND (a.authorisation_date IS NULL OR a.authorisation_date > ${to}::date)))::int AS "assessmentsOpen",
           (count(*) FILTER (WHERE a.due_date < ${to}::date AND (a.authorisation_date IS NULL OR a.authorisation_date > ${to}::date)))::int AS "assessmentsOverdue"
      FROM cin_assessment a`.execute(store.db);
  return { from, to, ...referrals.rows[0]!, ...assessments.rows[0]! };
}

export interface OverdueAssessment {
  childId: string;
  referralDate: IsoDate;
  startDate: IsoDate;
  dueDate: IsoDate;
  /** Working days since the start, to asOf. */
  workingDays: number;
  source: string;
}

/** Case level (officers only): assessments open on asOf past their 45th working day, longest first. */
export async function overdueAssessments(store: Store, options: { asOf: IsoDate; limit?: number }): Promise<OverdueAssessment[]> {
  const { rows } = await sql<Omit<OverdueAssessment, 'workingDays'>>`
    SELECT a.la_child_id AS "childId", to_char(a.referral_date, 'YYYY-MM-DD') AS "referralDate",
           to_char(a.start_date, 'YYYY-MM-DD') AS "startDate", to_char(a.due_date, 'YYYY-MM-DD') AS "dueDate",
           ${sql.raw(referralSourceGroupSql('r'))} AS source
      FROM cin_assessment a JOIN cin_referral r ON r.la_child_id = a.la_child_id AND r.referral_date = a.referral_date
     WHERE a.due_date < ${options.asOf}::date AND a.start_date <= ${options.asOf}::date
       AND (a.authorisation_date IS NULL OR a.authorisation_date > ${options.asOf}::date)
     ORDER BY a.start_date, a.la_child_id LIMIT ${options.limit ?? 200}`.execute(store.db);
  return rows.map((r) => ({ ...r, source: REFERRAL_SOURCE_LABEL[r.source] ?? r.source, workingDays: workingDaysBetween(r.startDate, options.asOf) }));
}

export interface RepeatReferral {
  childId: string;
  referrals: number;
  firstReferral: IsoDate;
  lastReferral: IsoDate;
  lastSource: string;
  /** The latest referral is still open on asOf. */
  open: boolean;
}

/** Case level (officers only): children referred twice or more in the 12 months to asOf. */
export async function repeatReferrals(store: Store, options: { asOf: IsoDate; limit?: number }): Promise<RepeatReferral[]> {
  const from = addDays(addMonths(options.asOf, -12), 1);
  const { rows } = await sql<RepeatReferral & { lastSource: string }>`
    SELECT r.la_child_id AS "childId", count(*)::int AS referrals,
           to_char(min(r.referral_date), 'YYYY-MM-DD') AS "firstReferral", to_char(max(r.referral_date), 'YYYY-MM-DD') AS "lastReferral",
           (array_agg(${sql.raw(referralSourceGroupSql('r'))} ORDER BY r.referral_date DESC))[1] AS "lastSource",
           (array_agg(r.closure_date IS NULL OR r.closure_date > ${options.asOf}::date ORDER BY r.referral_date DESC))[1] AS open
      FROM cin_referral r WHERE r.referral_date BETWEEN ${from}::date AND ${options.asOf}::date
     GROUP BY r.la_child_id HAVING count(*) >= 2
     ORDER BY referrals DESC, "lastReferral" DESC, r.la_child_id LIMIT ${options.limit ?? 200}`.execute(store.db);
  return rows.map((r) => ({ ...r, lastSource: REFERRAL_SOURCE_LABEL[r.lastSource] ?? r.lastSource }));
}
