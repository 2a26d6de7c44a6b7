// Early help: how many children are helped now, by whom and at what level; new episodes over
// time (new requests and step-downs from social care); how help ended, including step-ups to
// social care. Aggregates for everyone (counts of 1-5 suppressed for councillors); the children
// referred to social care soon after help ended well for officers only.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Role } from '../../core/access.ts';
import { addDays, addMonths } from '../../core/dates.ts';
import { EARLY_HELP_LEVEL, EARLY_HELP_OUTCOME, EARLY_HELP_SOURCE, GOOD_ENDINGS, RETURN_MONTHS } from '../../core/earlyHelp.ts';
import { periodOf, periodsBetween } from '../../core/periods.ts';
import { indicatorSummary } from '../../store/indicators.ts';
import { earlyHelpPicture, newEpisodesByMonth, returnsAfterEarlyHelp, type ReturnedChild } from '../../store/queries/earlyHelp.ts';
import type { PatternCount } from '../../store/queries/missing.ts';
import { recordsShown } from '../auth/audit-trail.ts';
import { jsonForScript } from '../format.ts';
import { chartCount, countFormatter, indicatorCard, showRate } from '../present.ts';

const CHART_MONTHS = 24;

/** Each row names a child and their early help episode. */
function returnsShown(request: FastifyRequest, rows: ReturnedChild[]): ReturnedChild[] {
  recordsShown(request, 'early_help_episode', rows, (r) => r.episodeId);
  return recordsShown(request, 'child', rows, (r) => r.childId);
}

export async function earlyHelpRoutes(app: FastifyInstance): Promise<void> {
  const seesCases = (request: FastifyRequest) => Boolean(request.user && can(request.user.role, 'view_child_records'));

  async function aggregates(role: Role | undefined) {
    const asOf = app.asOf();
    const months = periodsBetween('month', periodOf(addMonths(asOf, -(CHART_MONTHS - 1)), 'month').start, asOf);
    const [picture, byMonth, quarter] = await Promise.all([
      earlyHelpPicture(app.store, { asOf }),
      newEpisodesByMonth(app.store, { from: months[0]!.start, to: asOf }),
      indicatorSummary(app.store, { periodType: 'quarter', asOf: app.figuresAsOf }),
    ]);
    const count = countFormatter(role);
    const value = chartCount(role);
    const shown = (rows: PatternCount[]) => rows.map((r) => ({ label: r.label, count: count(r.count) }));
    const ended = picture.endedByOutcome.filter((r) => r.key !== 'MOVED_AWAY');
    const endedCount = ended.reduce((n, r) => n + r.count, 0);
    const of = (keys: readonly string[]) => ended.filter((r) => keys.includes(r.key)).reduce((n, r) => n + r.count, 0);
    const rate = (n: number) => showRate({ count: n, of: endedCount, percent: endedCount ? (100 * n) / endedCount : null }, role);
    const cell = (source: string, month: string) => byMonth.find((r) => r.source === source && r.month === month)?.count ?? 0;
    return {
      asOf,
      from: picture.from,
      totals: {
        open: count(picture.openChildren),
        started: count(picture.started),
        stepDowns: count(picture.startedBySource.find((r) => r.key === 'STEP_DOWN')?.count ?? 0),
        needsMet: rate(of(GOOD_ENDINGS)),
        stepUp: rate(of(['STEP_UP'])),
      },
      cards: quarter.filter((s) => s.definition.area === 'early_help').map((s) => indicatorCard(s, role)),
      tables: [
        { key: 'level', caption: 'Episodes open now by level', heading: 'Level', countHeading: 'Episodes', rows: shown(picture.openByLevel) },
        { key: 'agency', caption: 'Episodes open now by lead professional’s agency', heading: 'Lead agency', countHeading: 'Episodes', rows: shown(picture.openByAgency) },
        { key: 'source', caption: 'Episodes started in the last 12 months, by how they began', heading: 'Began as', countHeading: 'Episodes', rows: shown(picture.startedBySource) },
        { key: 'outcome', caption: 'Episodes ended in the last 12 months, by how they ended', heading: 'Ended', countHeading: 'Episodes', rows: shown(picture.endedByOutcome) },
      ],
      monthly: {
        kind: 'bars',
        stacked: true,
        labels: months.map((m) => m.label),
        series: Object.entries(EARLY_HELP_SOURCE).map(([key, name]) => ({ name, values: months.map((m) => value(cell(key, m.start))) })),
      },
      monthlyTable: months.map((m) => ({ label: m.label, counts: Object.keys(EARLY_HELP_SOURCE).map((k) => count(cell(k, m.start))) })),
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
