// Children missing from home or care: episodes over time, return home interviews, patterns by
// day, time, placement and exploitation risk for everyone (counts suppressed for councillors);
// the children to follow up and repeat-missing children for officers only.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { can } from '../../core/access.ts';
import { addDays, addMonths } from '../../core/dates.ts';
import { EXPLOITATION_RISKS } from '../../core/missing.ts';
import { indicatorHistory, indicatorSummary } from '../../store/indicators.ts';
import { missingPatterns, repeatMissing, rhiFollowUp, type MissingChild, type MissingPatterns, type PatternCount } from '../../store/queries/missing.ts';
import { paginate } from '../paginate.ts';
import { parse } from '../validate.ts';
import { jsonForScript } from '../format.ts';
import { chartCount, countFormatter, indicatorCard, showPoint } from '../present.ts';
import { indicatorById } from '../../core/indicators/index.ts';

const PATTERNS: { key: keyof MissingPatterns; caption: string; heading: string }[] = [
  { key: 'byDayOfWeek', caption: 'Episodes by day of the week they started', heading: 'Day' },
  { key: 'byHourBand', caption: 'Episodes by time of day reported missing', heading: 'Time of day' },
  { key: 'byPlacement', caption: 'Episodes by where the child was living', heading: 'Placement' },
  { key: 'byLookedAfter', caption: 'Episodes by looked-after status', heading: 'Status' },
  { key: 'byExploitation', caption: 'Episodes by exploitation risk recorded', heading: 'Exploitation risk' },
  { key: 'topThemes', caption: 'Themes from return home interviews (most frequent first)', heading: 'Theme' },
];

const REASONS = ['repeat', 'interview', 'exploitation'] as const;
type Reason = (typeof REASONS)[number];
const REASON_LABEL: Record<Reason | 'all', string> = {
  all: 'All children listed',
  repeat: 'Missing 3 or more times',
  interview: 'Interview declined, avoided or not done',
  exploitation: 'Exploitation risk recorded',
};
/** Why a child is listed, as the short note under the child's id. */
const REASON_NOTE: Record<Reason, string> = { repeat: 'Repeat missing', interview: 'Interview not done', exploitation: 'Exploitation risk' };
const childrenQuery = z.object({
  reason: z.enum(['all', ...REASONS]).default('all'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

/** The repeat-missing children and those whose interviews need following up, each child once with why. */
function childrenToFollowUp(followUp: readonly MissingChild[], repeat: readonly MissingChild[]) {
  const children = new Map<string, MissingChild & { reasons: Reason[] }>();
  for (const c of repeat) children.set(c.childId, { ...c, reasons: ['repeat'] });
  for (const c of followUp) {
    const known = children.get(c.childId);
    if (known) known.reasons.push('interview');
    else children.set(c.childId, { ...c, reasons: ['interview'] });
  }
  const listed = [...children.values()];
  for (const c of listed) if (c.exploitationRisks.some((r) => r !== 'NONE')) c.reasons.push('exploitation');
  // Most reasons first, then the most recent to go missing.
  return listed.sort((a, b) => b.reasons.length - a.reasons.length || b.lastStart.localeCompare(a.lastStart) || a.childId.localeCompare(b.childId));
}

export async function missingRoutes(app: FastifyInstance): Promise<void> {
  const window = () => ({ from: addDays(addMonths(app.asOf(), -12), 1), to: app.asOf() });

  app.get('/missing', { config: { permission: 'view_aggregates' } }, async (request, reply) => {
    const role = request.user?.role;
    const count = countFormatter(role);
    const w = window();
    const episodesDef = indicatorById('missing_episodes');
    const [patterns, summaries, history] = await Promise.all([
      missingPatterns(app.store, w),
      indicatorSummary(app.store, { periodType: 'quarter', asOf: app.figuresAsOf }),
      episodesDef ? indicatorHistory(app.store, episodesDef.id, 'month') : Promise.resolve([]),
    ]);
    const monthly = episodesDef ? history.slice(-24).map((p) => showPoint(episodesDef, p, role)) : [];
    const tables = PATTERNS.map((p) => ({
      ...p,
      rows: (patterns[p.key] as PatternCount[]).map((r) => ({ label: r.label, count: count(r.count) })),
    }));
    const byDay = patterns.byDayOfWeek;
    const view: Record<string, unknown> = {
      title: 'Children missing from home or care',
      window: w,
      totals: { episodes: count(patterns.episodes), children: count(patterns.children) },
      cards: summaries.filter((s) => s.definition.area === 'missing').map((s) => indicatorCard(s, role)),
      monthly,
      monthlyChart: jsonForScript({ kind: 'bars', labels: monthly.map((m) => m.label), series: [{ name: 'Missing episodes', values: monthly.map((m) => m.value) }] }),
      // Counts that would be suppressed are left out of the chart; the table shows "<6".
      dayChart: jsonForScript({
        kind: 'bars',
        labels: byDay.map((d) => d.label),
        series: [{ name: 'Episodes', values: byDay.map((d) => chartCount(role)(d.count)) }],
      }),
      tables,
      exploitationLabel: EXPLOITATION_RISKS,
    };
    if (role && can(role, 'view_child_records')) {
      const q = parse(childrenQuery, request.query);
      const [followUp, repeat] = await Promise.all([rhiFollowUp(app.store, w), repeatMissing(app.store, { asOf: app.asOf() })]);
      const children = childrenToFollowUp(followUp, repeat).filter((c) => q.reason === 'all' || c.reasons.includes(q.reason));
      Object.assign(view, { children: paginate(children, q.page, '/missing', { reason: q.reason }), reason: q.reason, reasonLabel: REASON_LABEL, reasonNote: REASON_NOTE });
    }
    return reply.view('pages/missing.njk', view);
  });

  app.get('/api/missing/patterns', { config: { permission: 'view_aggregates' } }, async (request) => {
    const patterns = await missingPatterns(app.store, window());
    if (request.user && can(request.user.role, 'view_child_records')) return patterns;
    const count = countFormatter(request.user?.role);
    const shown = (rows: PatternCount[]) => rows.map((r) => ({ ...r, count: count(r.count) }));
    return {
      ...patterns,
      episodes: count(patterns.episodes),
      children: count(patterns.children),
      ...Object.fromEntries(PATTERNS.map((p) => [p.key, shown(patterns[p.key] as PatternCount[])])),
    };
  });

  app.get('/api/missing/follow-up', { config: { permission: 'view_child_records' } }, async () => rhiFollowUp(app.store, window()));
  app.get('/api/missing/repeat', { config: { permission: 'view_child_records' } }, async () => repeatMissing(app.store, { asOf: app.asOf() }));
}
