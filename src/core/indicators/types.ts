// What an indicator is, as data: the engine (src/store/indicators.ts) turns a definition into one
// set-based query per period type, so a new indicator is a new object and nothing else.
import type { PeriodType } from '../periods.ts';
import type { Polarity } from '../rag.ts';

export type IndicatorArea =
  | 'ehcp' | 'care_leavers' | 'missing' | 'looked_after'
  | 'front_door' | 'child_protection' | 'early_help' | 'workforce' | 'home_education' | 'voice';
/**
 * How a figure reads: percent, weeks, fte (full-time equivalent staff) and ratio (cases per social
 * worker, referrals per 10,000 children) to one decimal place; count and days as whole numbers.
 */
export type IndicatorUnit = 'percent' | 'count' | 'weeks' | 'days' | 'fte' | 'ratio';

/** Ways a figure can be broken down; each is a column of that name in the row source. */
export type Dimension = 'age_band' | 'sex' | 'ethnicity' | 'placement_type' | 'looked_after' | 'primary_need' | 'exploitation_risk'
  | 'team' | 'ehe_reason' | 'referral_source' | 'early_help_level';

/**
 * How the rows of a period become one figure.
 * - rate: 100 × sum(num) / sum(den); null when nothing is in the denominator.
 * - count: distinct unit_id among rows with num > 0; zero when there are none.
 * - mean / median: of val over the rows; null when there are none.
 * - sum: sum(num), e.g. full-time equivalent staff; null when there are no rows.
 * - ratio: sum(num) / sum(den) without the × 100, e.g. cases per social worker.
 */
export type Aggregate = 'rate' | 'count' | 'mean' | 'median' | 'sum' | 'ratio';

/**
 * The SQL behind an indicator: one row per unit counted (a request, an episode, a child) with
 * `unit_id`, `num`, `den` and `val` as the aggregate needs, plus one column per dimension.
 * Every source may read the one-row CTE `params(as_of)`: nothing after as_of is counted.
 *
 * - event: each row has a date `at`; it counts in the period containing `at` (the engine
 *   buckets it, so national volumes never meet a range join).
 * - snapshot: the SQL joins `periods p` itself (columns period_start, period_end exclusive,
 *   last_day, ref_date = the earlier of last_day and as_of) and outputs `period_start`: for
 *   figures "at period end" or over a window ending there. A row covering a span of dates
 *   (an episode, an activity) should reach its periods through periodsWithin (sql.ts), which
 *   scans the table once, rather than a range join that PostgreSQL runs once per period.
 */
export type RowSource =
  | {
      kind: 'event';
      sql: string;
      /**
       * Each row is a unit of its own (unit_id is its table's key, e.g. an episode), so a count is
       * a count of rows and adds up from months like a sum: the engine reads it once for every
       * period type. A test checks it on generated data.
       */
      unitPerRow?: true;
    }
  | {
      kind: 'snapshot';
      sql: string;
      /**
       * For sources whose rows exist only when something is counted: a query for the first
       * date with data, so a count series starts there (with zeros) rather than at its first non-zero.
       */
      since?: string;
      /**
       * The rows depend on the period only through p.ref_date, reached through periodsWithin
       * (never `periods p` itself, nor period_end or last_day): the engine then works the rows out
       * once per reference date for every period type, and a quarter or year takes the figure of
       * its reference date (that of its last month). A test checks the figures on generated data.
       */
      byRefDate?: true;
    };

export interface IndicatorDefinition {
  id: string;
  title: string;
  /** Plain English: what it measures, why councillors care, where the target comes from. */
  description: string;
  area: IndicatorArea;
  unit: IndicatorUnit;
  polarity: Polarity;
  /** null: a contextual measure with no target, so no RAG. */
  target: number | null;
  /** Width of the amber band, in the indicator's unit. */
  tolerance: number;
  periodTypes: readonly PeriodType[];
  /** Small counts (1-5) are withheld from councillors and the public. */
  suppress: boolean;
  /** Published England / statistical-neighbour figures exist for it. */
  benchmarkable: boolean;
  dimensions: readonly Dimension[];
  aggregate: Aggregate;
  source: RowSource;
}
