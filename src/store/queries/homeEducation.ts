// Elective home education queries: the register by reason (from the indicator definitions, so the
// page matches the dashboard) and, case level, the children on the register whose family does not
// engage with the council and who are known to social care.
import { sql } from 'kysely';
import { daysBetween, type IsoDate } from '../../core/dates.ts';
import { EHE_REASONS, type EheReason, type SenProvision, type SocialCareStatus } from '../../core/homeEducation.ts';
import { onRegisterSql } from '../../core/indicators/homeEducation.ts';
import { ageSql } from '../../core/indicators/sql.ts';
import { periodOf } from '../../core/periods.ts';
import { indicatorBreakdown, type BreakdownRow } from '../indicators.ts';
import type { Store } from '../open.ts';

export interface ReasonRow {
  reason: EheReason;
  label: string;
  /** On the register on asOf. */
  now: BreakdownRow | null;
  /** Came on to the register in the financial year to asOf. */
  newThisYear: BreakdownRow | null;
}

/** Every reason with the children on the register now and the registrations this year. */
export async function eheByReason(store: Store, asOf: IsoDate): Promise<ReasonRow[]> {
  const [now, year] = await Promise.all([
    indicatorBreakdown(store, 'ehe_children', 'ehe_reason', 'month', periodOf(asOf, 'month').start, asOf),
    indicatorBreakdown(store, 'ehe_new_registrations', 'ehe_reason', 'year', periodOf(asOf, 'year').start, asOf),
  ]);
  return (Object.keys(EHE_REASONS) as EheReason[]).map((reason) => ({
    reason,
    label: EHE_REASONS[reason],
    now: now.find((r) => r.key === reason) ?? null,
    newThisYear: year.find((r) => r.key === reason) ?? null,
  }));
}

export interface SafeguardingChild {
  childId: string;
  age: number;
  onRegisterSince: IsoDate;
  daysOnRegister: number;
  reason: EheReason;
  reasonLabel: string;
  socialCare: SocialCareStatus;
  sen: SenProvision;
}

/**
 * Case level (officers only): children on the register on asOf whose family does not engage with
 * the EHE team and who are known to social care, most serious status first (looked after, child
 * protection, child in need), then longest on the register.
 */
export async function eheSafeguarding(store: Store, asOf: IsoDate): Promise<SafeguardingChild[]> {
  const { rows } = await sql<Omit<SafeguardingChild, 'reasonLabel' | 'daysOnRegister'>>`
    WITH params AS (SELECT ${asOf}::date AS on_date)
    SELECT e.child_id AS "childId", ${sql.raw(ageSql('e.dob', 'params.on_date'))} AS age, e.start_date AS "onRegisterSince",
           e.reason, e.social_care AS "socialCare", e.sen
      FROM ehe_registration e CROSS JOIN params
     WHERE ${sql.raw(onRegisterSql('e', 'params.on_date'))} AND NOT e.engaged AND e.social_care <> 'NONE'
     ORDER BY array_position(ARRAY['CLA', 'CP', 'CIN'], e.social_care), e.start_date, e.child_id`.execute(store.db);
  return rows.map((r) => ({
    ...r,
    reasonLabel: EHE_REASONS[r.reason] ?? r.reason,
    daysOnRegister: daysBetween(r.onRegisterSince, asOf),
  }));
}
