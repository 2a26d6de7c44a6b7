// Children missing from home or care: episodes over time, return home interviews, patterns by
// day, time, placement and exploitation risk for everyone (counts suppressed for councillors);
// the children to follow up and repeat-missing children for officers only.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can, type Role } from '../../core/access.ts';
import { addDays, addMonths, type IsoDate } from '../../core/dates.ts';
import { EXPLOITATION_RISKS } from '../../core/missing.ts';
import { indicatorHistory, indicatorSummary, type IndicatorPoint } from '../../store/indicators.ts';
import { missingPatterns, repeatMissing, rhiFollowUp, type MissingChild, type MissingPatterns, type PatternCount } from '../../store/queries/missing.ts';
import { recordsShown } from '../auth/audit-trail.ts';
import { CountTable, wholeMonthsTo, type ShownCounts } from '../disclosure.ts';
import { paginate } from '../paginate.ts';
import { parse } from '../validate.ts';
import { jsonForScript } from '../format.ts';
import { countFormatter, indicatorCard, showPoint } from '../present.ts';
import { indicatorById } from '../../core/indicators/index.ts';

const PATTERNS: { key: keyof MissingPatterns; caption: string; heading: string }[] = [
  { key: 'byDayOfWeek', caption: 'Episodes by day of the week they started', heading: 'Day' },
  { key: 'byHourBand', caption: 'Episodes by time of day reported missing', heading: 'Time of day' },
  { key: 'byPlacement', caption: 'Episodes by where the child was living', heading: 'Placement' },
  { key: 'byLookedAfter', caption: 'Episodes by looked-after status', heading: 'Status' },
  { key: 'byExploitation', caption: 'Episodes by exploitation risk recorded', heading: 'Exploitation risk' },
  { key: 'topThemes', caption: 'Themes from return home interviews (most frequent first)', heading: 'Theme' },
];

const childrenShown = (request: FastifyRequest, rows: MissingChild[]) => recordsShown(request, 'child', rows, (r) => r.childId);

/**
 * The patterns' counts as a role may see them: each table adds up to the episodes in the window,
 * and so do the window's months on the monthly chart when the window is whole months.
 */
function patternCounts(patterns: MissingPatterns, months: IndicatorPoint[], asOf: IsoDate, role: Role | undefined): ShownCounts {
  const t = new CountTable(role).count('episodes', patterns.episodes);
  for (const p of PATTERNS.filter((p) => p.key !== 'topThemes')) {
    const rows = patterns[p.key] as PatternCount[];
    for (const r of rows) t.count(`${p.key}|${r.key}`, r.count);
    t.sum('episodes', rows.map((r) => `${p.key}|${r.key}`));
  }
  for (const r of patterns.topThemes) t.count(`topThemes|${r.key}`, r.count);
  const whole = wholeMonthsTo(asOf, 12);
  const inWindow = months.filter((m) => whole?.includes(m.period.start));
  if (whole && inWindow.length > 0) {
    for (const m of inWindow) t.figure(`month|${m.period.start}`, m);
    t.sum('episodes', inWindow.map((m) => `month|${m.period.start}`));
  }
  return t.shown();
}

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

  app.get('/missing', { config: { permission: 'view_aggregates', caseLevel: true } }, async (request, reply) => {
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
    const shown = patternCounts(patterns, history, app.asOf(), role);
    const tables = PATTERNS.map((p) => ({
      ...p,
      rows: (patterns[p.key] as PatternCount[]).map((r) => ({ label: r.label, count: shown.text(`${p.key}|${r.key}`) })),
    }));
    const byDay = patterns.byDayOfWeek;
    const view: Record<string, unknown> = {
      title: 'Children missing from home or care',
      window: w,
      totals: { episodes: shown.text('episodes'), children: count(patterns.children) },
      cards: summaries.filter((s) => s.definition.area === 'missing').map((s) => indicatorCard(s, role)),
      monthly,
      monthlyChart: jsonForScript({ kind: 'bars', labels: monthly.map((m) => m.label), partial: monthly.map((m) => m.partial), series: [{ name: 'Missing episodes', values: monthly.map((m) => m.value) }] }),
      // Counts that would be suppressed are left out of the chart; the table shows "<6".
      dayChart: jsonForScript({
        kind: 'bars',
        labels: byDay.map((d) => d.label),
        series: [{ name: 'Episodes', values: byDay.map((d) => shown.value(`byDayOfWeek|${d.key}`)) }],
      }),
      tables,
      exploitationLabel: EXPLOITATION_RISKS,
    };
    if (role && can(role, 'view_child_records')) {
      const q = parse(childrenQuery, request.query);
      const [followUp, repeat] = await Promise.all([rhiFollowUp(app.store, w), repeatMissing(app.store, { asOf: app.asOf() })]);
      const children = childrenToFollowUp(followUp, repeat).filter((c) => q.reason === 'all' || c.reasons.includes(q.reason));
      const page = paginate(children, q.page, '/missing', { reason: q.reason });
      childrenShown(request, page.rows);
      Object.assign(view, { children: page, reason: q.reason, reasonLabel: REASON_LABEL, reasonNote: REASON_NOTE });
    }
    return reply.view('pages/missing.njk', view);
  });

  app.get('/api/missing/patterns', { config: { permission: 'view_aggregates' } }, async (request) => {
    const patterns = await missingPatterns(app.store, window());
    if (request.user && can(request.user.role, 'view_child_records')) return patterns;
    const role = request.user?.role;
    const count = countFormatter(role);
    const shown = patternCounts(patterns, await indicatorHistory(app.store, 'missing_episodes', 'month'), app.asOf(), role);
    const rows = (key: keyof MissingPatterns) => (patterns[key] as PatternCount[]).map((r) => ({ ...r, count: shown.text(`${key}|${r.key}`) }));
    return {
      ...patterns,
      episodes: shown.text('episodes'),
      children: count(patterns.children),
      ...Object.fromEntries(PATTERNS.map((p) => [p.key, rows(p.key)])),
    };
  });

  app.get('/api/missing/follow-up', { config: { permission: 'view_child_records' } }, async (request) => childrenShown(request, await rhiFollowUp(app.store, window())));
  app.get('/api/missing/repeat', { config: { permission: 'view_child_records' } }, async (request) =>
    childrenShown(request, await repeatMissing(app.store, { asOf: app.asOf() })),
  );
}
