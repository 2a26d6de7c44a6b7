// Published comparator figures (England, region, statistical neighbours) per indicator and year.
import * as z from 'zod';
import { financialYear, number, text } from '../fields.ts';
import { upsertInto } from '../bulk.ts';
import { type TableSpec } from '../spec.ts';

interface BenchmarkRow {
  indicator: string;
  area: string;
  year: number;
  value: number;
}

export const benchmarks: TableSpec<BenchmarkRow> = {
  id: 'benchmark',
  label: 'Benchmarks',
  columns: ['Indicator', 'Area', 'Year', 'Value'],
  schema: () => z.object({ indicator: text({ required: true, max: 80 }), area: text({ required: true }), year: financialYear(), value: number() }),
  stage: [['indicator_id', 'text'], ['area', 'text'], ['fy', 'smallint'], ['value', 'double precision']],
  toStage: (r) => [r.indicator, r.area, r.year, r.value],
  key: ['indicator_id', 'area', 'fy'],
  keyFields: ['Indicator', 'Area', 'Year'],
  upsert: upsertInto('benchmark', 's_benchmark', ['indicator_id', 'area', 'fy', 'value'], ['indicator_id', 'area', 'fy']),
};
