// Care-leaver queries: how long young people have been NEET, and the headline summary. Figures
// come from the same SQL as the indicators (src/core/indicators), so the pages cannot disagree.
import { sql } from 'kysely';
import type { IsoDate } from '../../core/dates.ts';
import { NEET_SPELLS, careLeaverAgeSql } from '../../core/indicators/sql.ts';
import { financialYear, periodOf } from '../../core/periods.ts';
import { indicatorForPeriod } from '../indicators.ts';
import type { Store } from '../open.ts';

export const NEET_SPELL_BANDS = ['Under 3 months', '3 to 6 months', '6 to 12 months', '12 months or more'] as const;
export type NeetSpellBand = (typeof NEET_SPELL_BANDS)[number];

export interface NeetSpellDistribution {
  asOf: IsoDate;
  /** Care leavers aged 17 to 21 NEET on asOf. */
  total: number;
  bands: { band: NeetSpellBand; count: number }[];
  /** Median days the current spells have lasted so far; null when nobody is NEET. */
  medianDays: number | null;
}

/** Current NEET spells on asOf (care leavers aged 17 to 21) in bands of length so far. */
export async function neetSpells(store: Store, options: { asOf: IsoDate }): Promise<NeetSpellDistribution> {
  const asOf = options.asOf;
  const result = await sql<{ band: NeetSpellBand | null; n: number; median: number | null }>`
    WITH s AS (
      SELECT ${asOf}::date - s.spell_start AS days,
             CASE WHEN s.spell_start > (${asOf}::date - interval '3 months')::date THEN ${NEET_SPELL_BANDS[0]}
                  WHEN s.spell_start > (${asOf}::date - interval '6 months')::date THEN ${NEET_SPELL_BANDS[1]}
                  WHEN s.spell_start > (${asOf}::date - interval '12 months')::date THEN ${NEET_SPELL_BANDS[2]}
                  ELSE ${NEET_SPELL_BANDS[3]} END AS band
        FROM (SELECT ${asOf}::date AS on_date) p
        JOIN ${sql.raw(NEET_SPELLS)} s ON s.spell_start <= p.on_date AND (s.spell_end IS NULL OR s.spell_end >= p.on_date)
        JOIN child c ON c.child_id = s.child_id
       WHERE ${sql.raw(careLeaverAgeSql('c.dob', 'p.on_date'))}
    )
    SELECT band, count(*)::int AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median
      FROM s GROUP BY GROUPING SETS ((band), ())`.execute(store.db);
  const total = result.rows.find((r) => r.band === null);
  return {
    asOf,
    total: total?.n ?? 0,
    bands: NEET_SPELL_BANDS.map((band) => ({ band, count: result.rows.find((r) => r.band === band)?.n ?? 0 })),
    medianDays: total?.median ?? null,
  };
}

export interface Rate {
  count: number | null;
  of: number | null;
  percent: number | null;
}

export interface CareLeaverSummary {
  asOf: IsoDate;
  /** From dated activity: care leavers aged 17 to 21 NEET on asOf. */
  neet: Rate;
  /** From the latest OC3 return up to asOf's financial year (null year when none). */
  oc3Year: number | null;
  inTouch: Rate | null;
  suitableAccommodation: Rate | null;
  neetOc3: Rate | null;
}

async function rate(store: Store, id: string, type: 'month' | 'year', start: IsoDate, asOf: IsoDate): Promise<Rate> {
  const f = await indicatorForPeriod(store, id, type, start, asOf);
  return { count: f.numerator, of: f.denominator, percent: f.value };
}

/** Care leavers in touch, in suitable accommodation and NEET, as of a date (aggregate). */
export async function careLeaverSummary(store: Store, options: { asOf: IsoDate }): Promise<CareLeaverSummary> {
  const asOf = options.asOf;
  const latest = await store.db
    .selectFrom('oc3')
    .select((eb) => eb.fn.max('fy').as('fy'))
    .where('fy', '<=', financialYear(asOf))
    .executeTakeFirst();
  const fy = latest?.fy ?? null;
  const neet = await rate(store, 'care_leavers_neet', 'month', periodOf(asOf, 'month').start, asOf);
  if (fy === null) return { asOf, neet, oc3Year: null, inTouch: null, suitableAccommodation: null, neetOc3: null };
  const year = `${fy}-04-01`;
  return {
    asOf,
    neet,
    oc3Year: fy,
    inTouch: await rate(store, 'care_leavers_in_touch', 'year', year, asOf),
    suitableAccommodation: await rate(store, 'care_leavers_suitable_accom', 'year', year, asOf),
    neetOc3: await rate(store, 'care_leavers_neet_oc3', 'year', year, asOf),
  };
}
