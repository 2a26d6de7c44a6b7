// One stored indicator figure as [numerator, denominator, value, RAG], each figure to 2 decimal
// places (a denominator can be a population share or an FTE sum), or undefined when no row was
// written: what the fixture tests compare with their worked answers.
import { addMonths } from '../../src/core/dates.ts';
import { indicatorById } from '../../src/core/indicators/index.ts';
import type { PeriodType } from '../../src/core/periods.ts';
import { ragFor } from '../../src/core/rag.ts';
import type { Store } from '../../src/store/open.ts';

export async function storedFigure(store: Store, id: string, type: PeriodType, start: string) {
  const row = await store.db
    .selectFrom('indicator_value')
    .select(['numerator', 'denominator', 'value', 'rag'])
    .where('indicator_id', '=', id)
    .where('period_type', '=', type)
    .where('period_start', '=', start)
    .executeTakeFirst();
  if (!row) return undefined;
  const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
  return [round(row.numerator), round(row.denominator), round(row.value), row.rag];
}

/** [indicator, period_start, numerator, denominator, value] of a quarter's figure, as the engine stores it. */
export type QuarterFigure = [id: string, start: string, numerator: number | null, denominator: number | null, value: number];

/** Quarterly figures written straight into the store (rated as the engine would), for the readers of figures. */
export async function insertQuarterFigures(store: Store, figures: readonly QuarterFigure[]): Promise<void> {
  await store.db
    .insertInto('indicator_value')
    .values(
      figures.map(([id, start, numerator, denominator, value]) => ({
        indicator_id: id,
        period_type: 'quarter' as const,
        period_start: start,
        period_end: addMonths(start, 3),
        numerator,
        denominator,
        value,
        rag: ragFor(value, indicatorById(id)!),
      })),
    )
    .execute();
}
