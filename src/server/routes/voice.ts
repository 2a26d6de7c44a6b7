// Voice of the child: what children and young people told the council, by strategy priority and
// theme, over time, how they felt, and "you said, we did". Aggregates for every role: councillors
// see counts of 1-5 as "<6" and only quotes from groups of 6 or more (core/voice.ts QUOTE_MIN_VOICES).
// voicePanels also feeds the "What children and young people told us" panels of the action plan.
import type { FastifyInstance } from 'fastify';
import { seesSuppressedCounts, type Role } from '../../core/access.ts';
import { addMonths, type IsoDate } from '../../core/dates.ts';
import { periodOf, periodsTo } from '../../core/periods.ts';
import {
  emptyPriorityVoice,
  quoteThreshold,
  showPriorityVoice,
  showQuote,
  VOICE_MONTHS,
  voiceWindow,
  type ShownPriorityVoice,
  type VoiceCount,
} from '../../core/voice.ts';
import { cached } from '../../store/figure-cache.ts';
import { indicatorSummary } from '../../store/indicators.ts';
import type { Store } from '../../store/open.ts';
import { feedbackResponses, priorityVoices, voiceByQuarter, voiceOverview, type VoiceOverview, type VoiceWindow } from '../../store/voice.ts';
import { formatDate, jsonForScript } from '../format.ts';
import { CountTable, shownRate, type ShownCounts } from '../disclosure.ts';
import { chartCount, countFormatter, indicatorCard } from '../present.ts';

const VIEW = { config: { permission: 'view_aggregates' as const } };
/** Quarters in the charts over time. */
const QUARTERS = 8;
const QUOTES_PER_PRIORITY = 3;
/** Themes drawn in the chart over time (the most raised); the table lists them all. */
const CHART_THEMES = 6;
const RESPONSES_LISTED = 10;

const suppressedFor = (role: Role | undefined) => !role || seesSuppressedCounts(role);

const VOICE_TABLES = { priority: 'byPriority', theme: 'byTheme', sentiment: 'bySentiment', source: 'bySource' } as const;
type VoiceTable = keyof typeof VOICE_TABLES;

/**
 * The overview's counts as a role may see them: children and young people heard (`voices|...`)
 * and feedback items (`items|...`) by priority, feeling and source each add up to their total,
 * so they are protected together (feedback can have several themes: those do not add up).
 */
function voiceCounts(overview: VoiceOverview, role: Role | undefined): ShownCounts {
  const t = new CountTable(role).count('responded', overview.responded);
  for (const measure of ['voices', 'items'] as const) {
    t.count(measure, overview[measure]);
    for (const table of Object.keys(VOICE_TABLES) as VoiceTable[]) {
      const ids = overview[VOICE_TABLES[table]].map((g: VoiceCount) => (t.count(`${measure}|${table}|${g.key}`, g[measure]), `${measure}|${table}|${g.key}`));
      if (table !== 'theme') t.sum(measure, ids);
    }
  }
  return t.shown();
}

export interface VoicePanels {
  /** "the 12 months to 31 March 2025" */
  period: string;
  byPriority: Record<string, ShownPriorityVoice>;
}

/** Each priority's feedback over the last 12 months, as this role may see it. */
export async function voicePanels(store: Store, role: Role | undefined, asOf: IsoDate, priorityIds: readonly string[]): Promise<VoicePanels> {
  const suppressed = suppressedFor(role);
  const minCrowd = quoteThreshold(suppressed);
  // Feedback changes only by import, which moves the store version: cached per version.
  const voices = await cached(store, JSON.stringify(['priority-voices', asOf, minCrowd]), () =>
    priorityVoices(store, voiceWindow(asOf), { quotes: QUOTES_PER_PRIORITY, minCrowd }));
  const count = countFormatter(role);
  return {
    period: `the ${VOICE_MONTHS} months to ${formatDate(asOf)}`,
    byPriority: Object.fromEntries(priorityIds.map((id) => [id, showPriorityVoice(voices.get(id) ?? emptyPriorityVoice(id), count, suppressed)])),
  };
}

/** "You said, we did" entries (or one action's feedback) as this role may see them. */
export async function shownResponses(store: Store, role: Role | undefined, w: VoiceWindow, actionId?: string) {
  const suppressed = suppressedFor(role);
  const options = { minCrowd: quoteThreshold(suppressed), limit: RESPONSES_LISTED, ...(actionId === undefined ? {} : { actionId }) };
  const rows = await cached(store, JSON.stringify(['feedback-responses', w, options]), () => feedbackResponses(store, w, options));
  return rows.map((r) => ({
    ...showQuote(r, suppressed),
    priorityId: r.priorityId,
    priorityTitle: r.priorityTitle,
    responded: r.responseDate ? periodOf(r.responseDate, 'month').label : null,
  }));
}

export async function voiceRoutes(app: FastifyInstance): Promise<void> {
  async function voiceView(role: Role | undefined) {
    const asOf = app.asOf();
    const w = voiceWindow(asOf);
    const quarters = periodsTo('quarter', addMonths(asOf, -3 * (QUARTERS - 1)), asOf);
    const trendWindow = { from: quarters[0]!.start, to: asOf };
    const [overview, byPriorityQ, byThemeQ, summaries, responses] = await Promise.all([
      voiceOverview(app.store, w),
      voiceByQuarter(app.store, trendWindow, 'priority'),
      voiceByQuarter(app.store, trendWindow, 'theme'),
      indicatorSummary(app.store, { periodType: 'quarter', asOf: app.figuresAsOf }),
      shownResponses(app.store, role, w),
    ]);
    const panels = await voicePanels(app.store, role, asOf, overview.byPriority.map((p) => p.key!));
    const count = countFormatter(role);
    const chartValue = chartCount(role);

    // Voices per quarter for each group; a table of the same figures sits beside each chart.
    const overTime = (rows: { start: IsoDate; key: string; voices: number }[], groups: VoiceCount[], drawn = groups.length) => {
      const voices = (key: string | null, start: IsoDate) => rows.find((r) => r.key === key && r.start === start)?.voices ?? 0;
      return {
        chart: jsonForScript({
          kind: 'bars',
          stacked: true,
          labels: quarters.map((q) => q.label),
          partial: quarters.map((q) => Boolean(q.partTo)),
          series: groups.slice(0, drawn).map((g) => ({ name: g.label, values: quarters.map((q) => chartValue(voices(g.key, q.start))) })),
        }),
        headings: groups.map((g) => g.label),
        rows: quarters.map((q) => ({ label: q.label, cells: groups.map((g) => count(voices(g.key, q.start))) })),
      };
    };
    const shown = voiceCounts(overview, role);
    const rows = (table: VoiceTable) => overview[VOICE_TABLES[table]].map((g) => ({ label: g.label, count: shown.text(`voices|${table}|${g.key}`) }));
    return {
      title: 'Voice of the child',
      window: w,
      trendFrom: trendWindow.from,
      totals: {
        voices: shown.text('voices'),
        items: shown.text('items'),
        answered: shownRate(shown, 'responded', 'items'),
      },
      cards: summaries.filter((s) => s.definition.area === 'voice').map((s) => indicatorCard(s, role)),
      byPriorityOverTime: overTime(byPriorityQ, overview.byPriority),
      byThemeOverTime: overTime(byThemeQ, overview.byTheme, CHART_THEMES),
      sentimentChart: jsonForScript({
        kind: 'bars',
        labels: overview.bySentiment.map((s) => s.label),
        series: [{ name: 'Children and young people', values: overview.bySentiment.map((s) => shown.value(`voices|sentiment|${s.key}`)) }],
      }),
      tables: [
        { key: 'priority', caption: 'By strategy priority', heading: 'Priority', rows: rows('priority') },
        { key: 'theme', caption: 'By theme (feedback can have several)', heading: 'Theme', rows: rows('theme') },
        { key: 'sentiment', caption: 'How they felt', heading: 'Sentiment', rows: rows('sentiment') },
        { key: 'source', caption: 'How we heard', heading: 'Source', rows: rows('source') },
      ],
      priorities: overview.byPriority.map((p) => ({ id: p.key!, title: p.label, voice: panels.byPriority[p.key!]! })),
      voicePeriod: panels.period,
      responses,
      suppressed: suppressedFor(role),
    };
  }

  app.get('/voice', VIEW, async (request, reply) => reply.view('pages/voice.njk', await voiceView(request.user?.role)));

  app.get('/api/voice', VIEW, async (request) => {
    const role = request.user?.role;
    const asOf = app.asOf();
    const w = voiceWindow(asOf);
    const overview = await voiceOverview(app.store, w);
    const ids = overview.byPriority.map((p) => p.key!);
    const [panels, responses] = await Promise.all([voicePanels(app.store, role, asOf, ids), shownResponses(app.store, role, w)]);
    // Exact numbers for officers; "<6" strings where this role sees counts suppressed.
    const count = countFormatter(role);
    const n = suppressedFor(role) ? (x: number) => count(x) : (x: number) => x;
    const counts = voiceCounts(overview, role);
    const text = (id: string, exact: number) => (suppressedFor(role) ? counts.text(id) : exact);
    const shown = (table: VoiceTable) =>
      overview[VOICE_TABLES[table]].map((g) => ({ ...g, items: text(`items|${table}|${g.key}`, g.items), voices: text(`voices|${table}|${g.key}`, g.voices) }));
    return {
      ...w,
      items: text('items', overview.items),
      voices: text('voices', overview.voices),
      responded: n(overview.responded),
      byPriority: shown('priority'),
      byTheme: shown('theme'),
      bySentiment: shown('sentiment'),
      bySource: shown('source'),
      priorities: panels.byPriority,
      youSaidWeDid: responses,
    };
  });
}
