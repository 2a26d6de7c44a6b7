// `csinsight indicators`: the current figure of every indicator for a period type, optionally
// recomputed first. Also the table/JSON/CSV printer the ehcp command shares.
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import type { IsoDate } from '../../core/dates.ts';
import { PERIOD_TYPES, type PeriodType } from '../../core/periods.ts';
import { refreshStaleFigures } from '../../store/fresh-figures.ts';
import { benchmarkSummary } from '../../store/benchmarks.ts';
import { computeIndicators, indicatorSummary, type IndicatorPoint } from '../../store/indicators.ts';
import { isoDate, oneOf, withStore } from '../options.ts';

export const OUTPUT_FORMATS = ['table', 'json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
type Cell = string | number | boolean | null;

/** Prints rows as an aligned text table, JSON or CSV (header row first). */
export function printRows(rows: Record<string, Cell>[], format: OutputFormat): void {
  if (format === 'json') {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  const headers = Object.keys(rows[0] ?? {});
  if (format === 'csv') {
    process.stdout.write(stringify(rows, { header: true, columns: headers, cast: { boolean: (b) => (b ? 'yes' : 'no') } }));
    return;
  }
  if (rows.length === 0) {
    console.log('Nothing to show.');
    return;
  }
  const text = (v: Cell) => (v === null ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));
  const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => text(r[h] ?? null).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  console.log(line(headers));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(headers.map((h) => text(r[h] ?? null))));
}

const round = (v: number | null | undefined, places = 1) => (v === null || v === undefined ? null : Number(v.toFixed(places)));
const valueOf = (p: IndicatorPoint | null) => round(p?.value);

interface IndicatorsCliOptions {
  period: PeriodType;
  format: OutputFormat;
  compute: boolean;
  asOf?: IsoDate;
}

export function registerIndicators(program: Command): void {
  program
    .command('indicators')
    .description('Show the latest value of every indicator, with RAG, direction of travel and England benchmark')
    .option('--period <type>', `period type: ${PERIOD_TYPES.join(' | ')}`, oneOf(PERIOD_TYPES), 'quarter')
    .option('--format <format>', `output: ${OUTPUT_FORMATS.join(' | ')}`, oneOf(OUTPUT_FORMATS), 'table')
    .option('--compute', 'recompute every indicator from the stored data first', false)
    .option('--as-of <date>', 'the date to report at (default: the latest computed period)', isoDate)
    .action(async (opts: IndicatorsCliOptions) => {
      await withStore(async (store) => {
        if (opts.compute) {
          const bar = new SingleBar({ format: 'Computing [{bar}] {value}/{total}', hideCursor: true, stream: process.stderr }, Presets.shades_classic);
          bar.start(1, 0);
          const result = await computeIndicators(store, { asOf: opts.asOf, full: true, onProgress: (done, total) => {
              bar.setTotal(total);
              bar.update(done);
            },
          });
          bar.stop();
          console.error(`Computed ${result.values} values in ${result.seconds.toFixed(1)} s`);
        } else {
          const computed = await refreshStaleFigures(store, opts.asOf);
          if (computed) console.error(`The figures lagged the imported data: recomputed ${computed.values} values in ${computed.seconds.toFixed(1)} s`);
        }
        const summary = await indicatorSummary(store, { periodType: opts.period, asOf: opts.asOf });
        if (summary.length === 0) console.error('No indicator values yet: import data, then run with --compute.');
        // Officers' tool on the database itself, so figures are exact (no small-number suppression).
        const rows = summary.map((s) => ({
          indicator: s.definition.id,
          title: s.definition.title,
          period: s.period.label,
          value: valueOf(s.current),
          unit: s.definition.unit,
          numerator: round(s.current?.numerator, 2),
          denominator: round(s.current?.denominator, 2),
          rag: s.current?.rag ?? null,
          previous: valueOf(s.previous),
          direction: s.direction,
          target: s.definition.target,
          // None for a count: it depends on the size of the area (definition.benchmarkable).
          benchmark_period: s.benchmarks.period,
          england: round(s.benchmarks.england),
          region: round(s.benchmarks.region),
          neighbours: round(s.benchmarks.neighbours),
          rank: s.benchmarks.rank,
          ranked: s.benchmarks.ranked,
          quartile: s.benchmarks.quartile,
        }));
        if (opts.format === 'json') {
          // Per indicator, the benchmarks as the JSON API gives them (null numbers carry a reason).
          const json = rows.map(({ benchmark_period: _p, england: _e, region: _r, neighbours: _n, rank: _k, ranked: _d, quartile: _q, ...row }, i) => ({
            ...row,
            benchmarks: benchmarkSummary(summary[i]!.benchmarks),
          }));
          console.log(JSON.stringify(json, null, 2));
          return;
        }
        printRows(
          rows,
          opts.format,
        );
      });
    });
}
