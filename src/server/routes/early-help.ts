// Early help: how many children are helped now, by whom and at what level; new episodes over
// time (new requests and step-downs from social care); how help ended, including step-ups to
// social care. Aggregates for everyone (counts of 1-5 suppressed for councillors); the children
// referred to social care soon after help ended well for officers only.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Role } from '../../core/access.ts';
import { addDays, addMonths, type IsoDate } from '../../core/dates.ts';
import { EARLY_HELP_LEVEL, EARLY_HELP_OUTCOME, EARLY_HELP_SOURCE, GOOD_ENDINGS, RETURN_MONTHS, type EarlyHelpOutcome } from '../../core/earlyHelp.ts';
import { periodOf, periodsTo, type Period } from '../../core/periods.ts';
import { indicatorHistory, indicatorSummary, type IndicatorPoint } from '../../store/indicators.ts';
import {
  earlyHelpPicture, newEpisodesByMonth, returnsAfterEarlyHelp, type EarlyHelpPicture, type SourceMonthCount,
} from '../../store/queries/earlyHelp.ts';
import type { PatternCount } from '../../store/queries/missing.ts';
import { CountTable, shownRate, wholeMonthsTo, type ShownCounts } from '../disclosure.ts';
import { recordsShown } from '../auth/audit-trail.ts';
import type { ReturnedChild } from '../../store/queries/earlyHelp.ts';
import { jsonForScript } from '../format.ts';
import { countFormatter, indicatorCard } from '../present.ts';

const CHART_MONTHS = 24;

/** Each row names a child and their early help episode. */
function returnsShown(request: FastifyRequest, rows: ReturnedChild[]): ReturnedChild[] {
  recordsShown(request, 'early_help_episode', rows, (r) => r.episodeId);
  return recordsShown(request, 'child', rows, (r) => r.childId);
}

/**
 * The page's counts as a role may see them, protected together: episodes by level and by agency
 * (both adding up to the episodes open), started by source (to those started in 12 months),
 * ended by outcome (to those ended, and the good endings to theirs), new episodes by month and
 * source (each month to its figure on the indicator pages, step-downs to theirs) and, when the
 * 12 months are whole months, the months to the 12-month figures.
 */
function earlyHelpCounts(
  picture: EarlyHelpPicture,
  months: Period[],
  byMonth: SourceMonthCount[],
  figures: Record<'newEpisodes' | 'stepDowns' | 'needsMet' | 'stepUp', IndicatorPoint[]>,
  asOf: IsoDate,
  role: Role | undefined,
): ShownCounts {
  const t = new CountTable(role);
  const table = (name: string, list: PatternCount[]) => list.map((r) => (t.count(`${name}|${r.key}`, r.count), `${name}|${r.key}`));
  const open = [...picture.openByLevel].reduce((n, r) => n + r.count, 0);
  t.hidden('open', open).sum('open', table('level', picture.openByLevel)).sum('open', table('agency', picture.openByAgency));
  t.count('started', picture.started).sum('started', table('source', picture.startedBySource));
  const outcomes = table('outcome', picture.endedByOutcome);
  const counted = picture.endedByOutcome.filter((r) => r.key !== 'MOVED_AWAY');
  const good = picture.endedByOutcome.filter((r) => GOOD_ENDINGS.includes(r.key as EarlyHelpOutcome));
  t.count('ended', counted.reduce((n, r) => n + r.count, 0)).sum('ended', counted.map((r) => `outcome|${r.key}`));
  t.count('good', good.reduce((n, r) => n + r.count, 0)).sum('good', good.map((r) => `outcome|${r.key}`));
  t.hidden('all-ended', picture.ended).sum('all-ended', outcomes);
  const figure = (list: IndicatorPoint[], start: IsoDate) => list.find((p) => p.period.start === start);
  for (const m of months) {
    const cells = Object.keys(EARLY_HELP_SOURCE).map((k) => `cell|${k}|${m.start}`);
    Object.keys(EARLY_HELP_SOURCE).forEach((k, i) => t.count(cells[i]!, byMonth.find((r) => r.source === k && r.month === m.start)?.count ?? 0));
    const all = figure(figures.newEpisodes, m.start);
    if (all) t.figure(`new|${m.start}`, all).sum(`new|${m.start}`, cells);
    const down = figure(figures.stepDowns, m.start);
    if (down) t.figure(`down|${m.start}`, down).sum(`down|${m.start}`, [`cell|STEP_DOWN|${m.start}`]);
  }
  const whole = wholeMonthsTo(asOf, 12);
  if (whole) {
    for (const k of Object.keys(EARLY_HELP_SOURCE)) t.sum(`source|${k}`, whole.map((m) => `cell|${k}|${m}`));
    t.sum('started', whole.flatMap((m) => Object.keys(EARLY_HELP_SOURCE).map((k) => `cell|${k}|${m}`)));
    // Episodes ended by month (the rates' denominators and numerators) add up to the 12 months' too.
    const months12 = (list: IndicatorPoint[], quantity: 'numerator' | 'denominator', name: string) =>
      whole.map((m) => figure(list, m)).filter((p): p is IndicatorPoint => p !== undefined).map((p) => (t.figure(`${name}|${p.period.start}`, p, quantity), `${name}|${p.period.start}`));
    t.sum('ended', months12(figures.needsMet, 'denominator', 'ended-month'));
    t.sum('good', months12(figures.needsMet, 'numerator', 'good-month'));
    t.sum('outcome|STEP_UP', months12(figures.stepUp, 'numerator', 'step-up-month'));
  }
  return t.shown();
}

export async function earlyHelpRoutes(app: FastifyInstance): Promise<void> {
  const seesCases = (request: FastifyRequest) => Boolean(request.user && can(request.user.role, 'view_child_records'));

  async function aggregates(role: Role | undefined) {
    const asOf = app.asOf();
    const months = periodsTo('month', periodOf(addMonths(asOf, -(CHART_MONTHS - 1)), 'month').start, asOf);
    const [picture, byMonth, quarter, newEpisodes, stepDowns, needsMet, stepUp] = await Promise.all([
      earlyHelpPicture(app.store, { asOf }),
      newEpisodesByMonth(app.store, { from: months[0]!.start, to: asOf }),
      indicatorSummary(app.store, { periodType: 'quarter', asOf: app.figuresAsOf }),
      indicatorHistory(app.store, 'early_help_new', 'month'),
      indicatorHistory(app.store, 'early_help_step_downs', 'month'),
      indicatorHistory(app.store, 'early_help_needs_met', 'month'),
      indicatorHistory(app.store, 'early_help_step_up', 'month'),
    ]);
    const count = countFormatter(role);
    const shown = earlyHelpCounts(picture, months, byMonth, { newEpisodes, stepDowns, needsMet, stepUp }, asOf, role);
    const rows = (table: string, list: PatternCount[]) => list.map((r) => ({ label: r.label, count: shown.text(`${table}|${r.key}`) }));
    return {
      asOf,
      from: picture.from,
      totals: {
        open: count(picture.openChildren),
        started: shown.text('started'),
        stepDowns: shown.text('source|STEP_DOWN'),
        needsMet: shownRate(shown, 'good', 'ended'),
        // The good endings as the table of endings below shows them, adding up to needsMet's count.
        endedWell: GOOD_ENDINGS.map((k) => `${EARLY_HELP_OUTCOME[k].toLowerCase()} (${shown.text(`outcome|${k}`)})`).join(' or '),
        stepUp: shownRate(shown, 'outcome|STEP_UP', 'ended'),
      },
      cards: quarter.filter((s) => s.definition.area === 'early_help').map((s) => indicatorCard(s, role)),
      tables: [
        { key: 'level', caption: 'Episodes open now by level', heading: 'Level', countHeading: 'Episodes', rows: rows('level', picture.openByLevel) },
        { key: 'agency', caption: 'Episodes open now by lead professional’s agency', heading: 'Lead agency', countHeading: 'Episodes', rows: rows('agency', picture.openByAgency) },
        { key: 'source', caption: 'Episodes started in the last 12 months, by how they began', heading: 'Began as', countHeading: 'Episodes', rows: rows('source', picture.startedBySource) },
        { key: 'outcome', caption: 'Episodes ended in the last 12 months, by how they ended', heading: 'Ended', countHeading: 'Episodes', rows: rows('outcome', picture.endedByOutcome) },
      ],
      monthly: {
        kind: 'bars',
        stacked: true,
        labels: months.map((m) => m.label),
        partial: months.map((m) => Boolean(m.partTo)),
        series: Object.entries(EARLY_HELP_SOURCE).map(([key, name]) => ({ name, values: months.map((m) => shown.value(`cell|${key}|${m.start}`)) })),
      },
      monthlyTable: months.map((m) => ({ label: m.label, counts: Object.keys(EARLY_HELP_SOURCE).map((k) => shown.text(`cell|${k}|${m.start}`)) })),
      sourceNames: Object.values(EARLY_HELP_SOURCE),
    };
  }

  app.get('/early-help', { config: { permission: 'view_aggregates', caseLevel: true } }, async (request, reply) => {
    const v = await aggregates(request.user?.role);
    const view: Record<string, unknown> = { title: 'Early help', ...v, monthlyJson: jsonForScript(v.monthly), returnMonths: RETURN_MONTHS };
    if (seesCases(request)) {
      const returns = returnsShown(request, await returnsAfterEarlyHelp(app.store, { from: v.from, to: v.asOf }));
      Object.assign(view, {
        returns: returns.map((r) => ({ ...r, levelLabel: EARLY_HELP_LEVEL[r.level as keyof typeof EARLY_HELP_LEVEL] ?? r.level, outcomeLabel: EARLY_HELP_OUTCOME[r.outcome as keyof typeof EARLY_HELP_OUTCOME] ?? r.outcome })),
      });
    }
    return reply.view('pages/early-help.njk', view);
  });

  app.get('/api/early-help', { config: { permission: 'view_aggregates' } }, async (request) => aggregates(request.user?.role));
  app.get('/api/early-help/returns', { config: { permission: 'view_child_records' } }, async (request) =>
    returnsShown(request, await returnsAfterEarlyHelp(app.store, { from: addDays(addMonths(app.asOf(), -12), 1), to: app.asOf() })),
  );
}
