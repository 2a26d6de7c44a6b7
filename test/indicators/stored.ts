// One stored indicator figure as [numerator, denominator, value, RAG], each figure to 2 decimal
// places (a denominator can be a population share or an FTE sum), or undefined when no row was
// written: what the fixture tests compare with their worked answers.
import type { PeriodType } from '../../src/core/periods.ts';
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
