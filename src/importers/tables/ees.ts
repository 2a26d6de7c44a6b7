// Explore Education Statistics data files, imported exactly as the DfE publishes them: recognised
// by their geography columns, then read through the mapping for their measure columns
// (src/core/ees/mappings.ts). Each row becomes the figures its mapping picks out, a number or a
// published symbol (c, x, z, low, :) with no number: a symbol is never stored as 0.
import * as z from 'zod';
import { parseEesCell } from '../../core/ees/benchmark.ts';
import { filterColumns, GEOGRAPHY_COLUMNS, isEesHeader, mappingColumns, mappingFor, measureColumns, type EesMapping } from '../../core/ees/mappings.ts';
import { script, upsertSql, type TableSpec } from '../spec.ts';

interface EesFigure {
  indicator: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  symbol: string | null;
}

interface EesRow {
  mapping: string;
  timePeriod: number;
  timeIdentifier: string;
  level: string;
  areaCode: string;
  oldLaCode: string | null;
  areaName: string;
  regionCode: string | null;
  regionName: string | null;
  /** The row's filter values (a breakdown, a status): with the geography, its key. */
  filters: string;
  figures: EesFigure[];
}

/** The geographic levels whose rows are benchmarks; rows of other levels are read but not stored. */
const AREA_CODE: Record<string, (r: Record<string, string>) => string> = {
  national: (r) => r.country_code!,
  regional: (r) => r.region_code!,
  'local authority': (r) => r.new_la_code || r.old_la_code!,
};

const issue = (ctx: z.RefinementCtx, rule: string, message: string, path: string) => ctx.addIssue({ code: 'custom', message, params: { rule }, path: [path] });

function rowSchema(mapping: EesMapping) {
  const columns = [...GEOGRAPHY_COLUMNS, ...mappingColumns(mapping)];
  const filters = filterColumns(mapping);
  return z.object(Object.fromEntries(columns.map((c) => [c, z.string()]))).transform((raw: Record<string, string>, ctx): EesRow => {
    const r = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.trim()]));
    if (!/^\d{4}(\d{2})?$/.test(r.time_period!)) issue(ctx, 'time-period', `"${r.time_period}" is not a time period (2024, or 202324 for a year across two).`, 'time_period');
    if (!r.time_identifier) issue(ctx, 'required', 'This must not be blank.', 'time_identifier');
    const level = r.geographic_level!.toLowerCase();
    const code = AREA_CODE[level]?.(r) ?? '';
    if (AREA_CODE[level] && !code) {
      const column = level === 'national' ? 'country_code' : level === 'regional' ? 'region_code' : 'new_la_code';
      issue(ctx, 'required', `A ${r.geographic_level} row needs its ${column}.`, column);
    }
    const figures: EesFigure[] = [];
    const cell = (column: string | undefined) => {
      if (!column) return { value: null, symbol: null };
      const parsed = parseEesCell(r[column.toLowerCase()]!);
      if ('error' in parsed) {
        issue(ctx, 'ees-value', parsed.error, column.toLowerCase());
        return { value: null, symbol: null };
      }
      return parsed;
    };
    if (AREA_CODE[level]) {
      for (const m of mapping.measures) {
        const picked = Object.entries(m.where ?? {}).every(([k, v]) => r[k.toLowerCase()]!.toLowerCase() === v.toLowerCase());
        if (!picked) continue;
        const value = cell(m.value);
        figures.push({ indicator: m.indicator, value: value.value, symbol: value.symbol, numerator: cell(m.numerator).value, denominator: cell(m.denominator).value });
      }
    }
    const name = level === 'national' ? r.country_name! : level === 'regional' ? r.region_name! : r.la_name!;
    return {
      mapping: mapping.id,
      timePeriod: Number(r.time_period),
      timeIdentifier: r.time_identifier!,
      level: r.geographic_level!,
      areaCode: code || `${r.geographic_level}: ${name}`,
      oldLaCode: r.old_la_code || null,
      areaName: name,
      regionCode: r.region_code || null,
      regionName: r.region_name || null,
      filters: filters.map((f) => r[f]).join(' | '),
      figures,
    };
  });
}

const FIGURE_COLUMNS = [
  'indicator_id', 'mapping_id', 'time_period', 'time_identifier', 'geographic_level', 'area_code', 'old_la_code', 'area_name',
  'region_code', 'region_name', 'value', 'numerator', 'denominator', 'symbol',
];

export const eesFigures: TableSpec<EesRow> = {
  id: 'ees',
  label: 'Explore Education Statistics figures',
  columns: GEOGRAPHY_COLUMNS,
  recognise: isEesHeader,
  headerProblem: (header) => (mappingFor(header) ? null : `no mapping for these columns: ${measureColumns(header).join(', ')}.`),
  schema: (ctx) => {
    const mapping = mappingFor(ctx.header ?? []);
    if (!mapping) throw new Error('An EES file reached its schema without a mapping.');
    return rowSchema(mapping);
  },
  stage: [
    ['mapping_id', 'text'], ['time_period', 'integer'], ['time_identifier', 'text'], ['geographic_level', 'text'], ['area_code', 'text'],
    ['old_la_code', 'text'], ['area_name', 'text'], ['region_code', 'text'], ['region_name', 'text'], ['filters', 'text'], ['figures', 'jsonb'],
  ],
  toStage: (r) => [r.mapping, r.timePeriod, r.timeIdentifier, r.level, r.areaCode, r.oldLaCode, r.areaName, r.regionCode, r.regionName, r.filters, JSON.stringify(r.figures)],
  key: ['time_period', 'time_identifier', 'geographic_level', 'area_code', 'filters'],
  keyFields: ['time_period', 'time_identifier', 'geographic_level', 'area code', 'breakdown'],
  checks: [
    // A file whose rows hold none of the figures its mapping reads (say a renamed breakdown) would
    // otherwise import as nothing.
    `SELECT f, min(r) AS r, 'breakdown' AS field, 'ees-no-figures' AS rule,
       'No row of this file is one the mapping reads (' || min(mapping_id) || '): check the breakdown or filter values against src/core/ees/mappings.ts.' AS message
     FROM s_ees GROUP BY f HAVING bool_and(jsonb_array_length(figures) = 0)`,
  ],
  upsert: script(
    upsertSql(
      'ees_figure',
      `s_ees s CROSS JOIN LATERAL jsonb_to_recordset(s.figures) AS x(indicator text, value float8, numerator float8, denominator float8, symbol text)`,
      FIGURE_COLUMNS,
      ['indicator_id', 'time_period', 'time_identifier', 'geographic_level', 'area_code'],
      `x.indicator, s.mapping_id, s.time_period, s.time_identifier, s.geographic_level, s.area_code, s.old_la_code, s.area_name,
       s.region_code, s.region_name, x.value, x.numerator, x.denominator, x.symbol`,
    ),
  ),
};
