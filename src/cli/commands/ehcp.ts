// `csinsight ehcp tracker` (case level: open requests and their 20-week clocks) and
// `csinsight ehcp league` (advice timeliness per partner).
import type { Command } from 'commander';
import { addMonths, today, type IsoDate } from '../../core/dates.ts';
import { PARTNER_LABEL, PARTNERS, type EhcpStage, type Partner } from '../../core/ehcp.ts';
import { ehcpTracker, partnerLeague } from '../../store/queries/ehcp.ts';
import { isoDate, oneOf, withStore } from '../options.ts';
import { OUTPUT_FORMATS, printRows, type OutputFormat } from './indicators.ts';

const STAGES: readonly EhcpStage[] = ['decision', 'advice', 'drafting', 'consultation'];

interface TrackerCliOptions {
  asOf: IsoDate;
  atRisk?: boolean;
  breached?: boolean;
  stage?: EhcpStage;
  partner?: Partner;
  search?: string;
  limit: number;
  format: OutputFormat;
}

export function registerEhcp(program: Command): void {
  const ehcp = program.command('ehcp').description('EHC plan requests and their statutory clocks');
  const format = ['--format <format>', `output: ${OUTPUT_FORMATS.join(' | ')}`, oneOf(OUTPUT_FORMATS), 'table'] as const;

  ehcp
    .command('tracker')
    .description('Open EHCP requests (case level): weeks elapsed, due date, at risk, late partners')
    .option('--as-of <date>', 'the date to report at', isoDate, today())
    .option('--at-risk', 'only requests at risk of missing 20 weeks')
    .option('--breached', 'only requests already past 20 weeks')
    .option('--stage <stage>', `only one stage: ${STAGES.join(' | ')}`, oneOf(STAGES))
    .option('--partner <partner>', `only requests with late advice from: ${PARTNERS.join(' | ')}`, oneOf(PARTNERS))
    .option('--search <text>', 'part of a request or person id')
    .option('--limit <n>', 'at most this many rows', (v) => Number(v), 500)
    .option(...format)
    .action(async (opts: TrackerCliOptions) => {
      await withStore(async (store) => {
        const page = await ehcpTracker(store, { ...opts, limit: opts.limit, offset: 0 });
        console.error(`${page.total} open requests on ${page.asOf}: ${page.atRisk} at risk, ${page.breached} past 20 weeks.`);
        printRows(
          page.rows.map((r) => ({
            request: r.requestId,
            person: r.personId,
            received: r.received,
            stage: r.stageLabel,
            weeks: r.weeksElapsed,
            due: r.due,
            days_left: r.daysRemaining,
            status: r.breached ? 'Past 20 weeks' : r.atRisk ? 'At risk' : 'On track',
            late_partners: r.lateAdvice.map((l) => `${PARTNER_LABEL[l.partner]} ${l.daysLate}d${l.outstanding ? ' (outstanding)' : ''}`).join('; '),
            expected_final: r.expectedFinal,
          })),
          opts.format,
        );
      });
    });

  ehcp
    .command('league')
    .description('Advice returned within 6 weeks, per partner')
    .option('--from <date>', 'advice requested from (default: 12 months before --to)', isoDate)
    .option('--to <date>', 'advice requested up to, and the date it is judged at', isoDate, today())
    .option(...format)
    .action(async (opts: { from?: IsoDate; to: IsoDate; format: OutputFormat }) => {
      await withStore(async (store) => {
        const league = await partnerLeague(store, { from: opts.from ?? addMonths(opts.to, -12), to: opts.to });
        printRows(
          league.map((p) => ({
            partner: p.label,
            requested: p.requested,
            due: p.due,
            on_time: p.returnedOnTime,
            percent_on_time: p.percentOnTime === null ? null : Number(p.percentOnTime.toFixed(1)),
            mean_days_late: p.meanDaysLate === null ? null : Number(p.meanDaysLate.toFixed(1)),
            max_days_late: p.maxDaysLate,
            outstanding_overdue: p.outstandingOverdue,
          })),
          opts.format,
        );
      });
    });
}
