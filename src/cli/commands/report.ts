// `csinsight report performance|actions|letters|exempt`: committee papers, family letters and the
// Part 2 (exempt) item on missing children at risk of exploitation, as HTML or PDF.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { today } from '../../core/dates.ts';
import { periodOf, PERIOD_TYPES, type PeriodType } from '../../core/periods.ts';
import { refreshStaleFigures } from '../../store/fresh-figures.ts';
import { openStore, storeOptionsFromEnv, type Store } from '../../store/open.ts';
import {
  actionPlanReport,
  closePdfRenderer,
  delayLetters,
  exemptMissingReport,
  lastFullQuarter,
  performanceReport,
  renderPdf,
  ReportInputError,
} from '../../reports/index.ts';
import { DEFAULT_COMMITTEE } from '../../reports/paper.ts';
import { isoDate, oneOf } from '../options.ts';

const KINDS = ['performance', 'actions', 'letters', 'exempt'] as const;
type Kind = (typeof KINDS)[number];

interface ReportCliOptions {
  period: PeriodType;
  start?: string;
  committee: string;
  meeting: string;
  previousMeeting?: string;
  audience: 'public' | 'officer';
  asOf: string;
  requests?: string[];
  from?: string;
  to?: string;
  format?: 'html' | 'pdf';
  out: string;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('Write a committee report (performance, actions), the EHCP delay letters, or the Part 2 (exempt) missing children report, as HTML or PDF')
    .argument('<kind>', KINDS.join(' | '), oneOf(KINDS))
    .option('--period <type>', 'performance: month | quarter | year', oneOf(PERIOD_TYPES), 'quarter' as PeriodType)
    .option('--start <date>', 'performance: first day of the period (default: the latest ended by the meeting)', isoDate)
    .option('--committee <name>', 'the committee the paper goes to', DEFAULT_COMMITTEE)
    .option('--meeting <date>', 'date of the meeting', isoDate, today())
    .option('--previous-meeting <date>', 'actions: measure RAG change from this meeting (default: the last on the register)', isoDate)
    .option('--audience <who>', 'performance: public (small numbers suppressed) | officer', oneOf(['public', 'officer'] as const), 'public' as const)
    .option('--as-of <date>', 'letters: date the EHCP clocks are read on; exempt: the default period is the quarter before it', isoDate, today())
    .option('--from <date>', 'exempt: first day of the period (default: the start of the quarter --to is in)', isoDate)
    .option('--to <date>', 'exempt: last day of the period (default: the end of the last full quarter before --as-of)', isoDate)
    .option('--requests <ids>', 'letters: only these request ids, comma-separated', (v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .option('--format <format>', 'html | pdf (default: from the --out file name)', oneOf(['html', 'pdf'] as const))
    .requiredOption('--out <file>', 'file to write')
    .action(async (kind: Kind, opts: ReportCliOptions, command: Command) => {
      const store = await openStore(storeOptionsFromEnv());
      let problem: string | null = null;
      try {
        await refreshStaleFigures(store); // a paper never shows figures that lag the data
        const html = await build(kind, opts, store);
        const format = opts.format ?? (opts.out.toLowerCase().endsWith('.pdf') ? 'pdf' : 'html');
        writeFileSync(opts.out, format === 'pdf' ? await renderPdf(html) : html);
        console.log(`Wrote ${opts.out}`);
      } catch (err) {
        if (!(err instanceof ReportInputError)) throw err;
        problem = err.message;
      } finally {
        await closePdfRenderer();
        await store.close();
      }
      // After the store is closed: commander's error ends the process.
      if (problem) command.error(`error: ${problem}`);
    });
}

async function build(kind: Kind, opts: ReportCliOptions, store: Store): Promise<string> {
  switch (kind) {
    case 'performance':
      return (await performanceReport(store, {
        periodType: opts.period,
        periodStart: opts.start,
        committee: opts.committee,
        meetingDate: opts.meeting,
        audience: opts.audience,
      })).html;
    case 'actions':
      return (await actionPlanReport(store, { meetingDate: opts.meeting, previousMeetingDate: opts.previousMeeting, committee: opts.committee })).html;
    case 'letters': {
      const { html, count } = await delayLetters(store, { asOf: opts.asOf, requestIds: opts.requests });
      console.log(`${count} letter${count === 1 ? '' : 's'}`);
      return html;
    }
    case 'exempt': {
      // By default the last full quarter before --as-of; with only --to, the quarter it falls in.
      const to = opts.to ?? lastFullQuarter(opts.asOf).to;
      const from = opts.from ?? periodOf(to, 'quarter').start;
      console.log('EXEMPT – NOT FOR PUBLICATION (Schedule 12A paragraphs 1 and 2): keep the file secure.');
      return (await exemptMissingReport(store, { from, to, committee: opts.committee, meetingDate: opts.meeting })).html;
    }
  }
}
