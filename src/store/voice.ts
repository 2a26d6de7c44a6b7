// Voice of the child queries: feedback by priority, theme, sentiment and source over a window;
// each priority's summary with its recent quotes; "You said, we did". Counts are exact here; pages
// and papers suppress them for the viewer (src/core/voice.ts decides which quotes may be shown).
import { sql, type RawBuilder } from 'kysely';
import type { IsoDate } from '../core/dates.ts';
import {
  emptyPriorityVoice,
  FEEDBACK_SOURCES,
  NOT_RECORDED,
  SENTIMENTS,
  VOICE_THEMES,
  type FeedbackSource,
  type PriorityVoice,
  type Sentiment,
  type VoiceCount,
  type VoiceQuote,
  type VoiceTheme,
} from '../core/voice.ts';
import type { Store } from './open.ts';

/** Feedback received from `from` to `to`, both inclusive. */
export interface VoiceWindow {
  from: IsoDate;
  to: IsoDate;
}

export interface VoiceOverview extends VoiceWindow {
  items: number;
  voices: number;
  /** Pieces of feedback with a "you said, we did" response recorded. */
  responded: number;
  /** Every priority, in plan order, with or without feedback. */
  byPriority: VoiceCount[];
  /** Themes raised, most voices first. */
  byTheme: VoiceCount[];
  /** Positive, mixed, negative, then not recorded. */
  bySentiment: VoiceCount[];
  bySource: VoiceCount[];
}

interface Grouped {
  dim: string | null;
  key: string | null;
  items: number;
  voices: number;
  responded: number;
}

const sentimentLabel = (k: string | null) => (k ? (SENTIMENTS[k as Sentiment] ?? k) : NOT_RECORDED);
const themeLabel = (k: string) => VOICE_THEMES[k as VoiceTheme] ?? k;

/**
 * The window's feedback with, for each row, the voices in its largest priority-and-theme group.
 * grp is MATERIALIZED: inlined, the grouping ran again for every row (80 ms for 300 rows).
 */
function withCrowd(w: VoiceWindow): RawBuilder<unknown> {
  return sql`f AS (SELECT * FROM voice_feedback WHERE received_date BETWEEN ${w.from}::date AND ${w.to}::date),
    grp AS MATERIALIZED (SELECT f.priority_id, t AS theme, sum(f.participants)::int AS voices FROM f CROSS JOIN unnest(f.themes) t GROUP BY 1, 2),
    fc AS (SELECT f.*, (SELECT max(g.voices) FROM unnest(f.themes) t JOIN grp g ON g.priority_id = f.priority_id AND g.theme = t)::int AS crowd
             FROM f)`;
}

export async function voiceOverview(store: Store, w: VoiceWindow): Promise<VoiceOverview> {
  // One scan for the totals and the single-valued groupings; themes (an array) need their own.
  const [grouped, themes, priorities] = await Promise.all([
    sql<Grouped>`
      WITH f AS (SELECT * FROM voice_feedback WHERE received_date BETWEEN ${w.from}::date AND ${w.to}::date)
      SELECT CASE WHEN GROUPING(priority_id) = 0 THEN 'priority' WHEN GROUPING(sentiment) = 0 THEN 'sentiment'
                  WHEN GROUPING(source) = 0 THEN 'source' END AS dim,
             coalesce(priority_id, sentiment, source) AS key,
             count(*)::int AS items, coalesce(sum(participants), 0)::int AS voices,
             count(you_said_we_did)::int AS responded
        FROM f GROUP BY GROUPING SETS ((priority_id), (sentiment), (source), ())`.execute(store.db),
    sql<{ key: string; items: number; voices: number }>`
      SELECT t AS key, count(*)::int AS items, sum(participants)::int AS voices
        FROM voice_feedback CROSS JOIN unnest(themes) t
       WHERE received_date BETWEEN ${w.from}::date AND ${w.to}::date
       GROUP BY t ORDER BY voices DESC, t`.execute(store.db),
    store.db.selectFrom('priority').select(['priority_id', 'title']).orderBy('sort_order').orderBy('priority_id').execute(),
  ]);
  const of = (dim: string) => new Map(grouped.rows.filter((r) => r.dim === dim).map((r) => [r.key, r]));
  const total = grouped.rows.find((r) => r.dim === null);
  const count = (key: string | null, label: string, r: Grouped | undefined): VoiceCount => ({ key, label, items: r?.items ?? 0, voices: r?.voices ?? 0 });
  const byPriority = of('priority');
  const bySentiment = of('sentiment');
  const bySource = of('source');
  return {
    ...w,
    items: total?.items ?? 0,
    voices: total?.voices ?? 0,
    responded: total?.responded ?? 0,
    byPriority: priorities.map((p) => count(p.priority_id, p.title, byPriority.get(p.priority_id))),
    byTheme: themes.rows.map((t) => ({ key: t.key, label: themeLabel(t.key), items: t.items, voices: t.voices })),
    bySentiment: [...Object.keys(SENTIMENTS), null].map((k) => count(k, sentimentLabel(k), bySentiment.get(k))),
    bySource: Object.entries(FEEDBACK_SOURCES).map(([k, label]) => count(k, label, bySource.get(k))),
  };
}

/** Voices per quarter (by its first day) and priority or theme, for the charts over time. */
export async function voiceByQuarter(store: Store, w: VoiceWindow, by: 'priority' | 'theme'): Promise<{ start: IsoDate; key: string; voices: number }[]> {
  // Calendar quarters start on the same days as financial ones (April, July, October, January).
  const key = by === 'priority' ? sql`priority_id` : sql`t`;
  const from = by === 'priority' ? sql`voice_feedback` : sql`voice_feedback CROSS JOIN unnest(themes) t`;
  const { rows } = await sql<{ start: IsoDate; key: string; voices: number }>`
    SELECT date_trunc('quarter', received_date)::date AS start, ${key} AS key, sum(participants)::int AS voices
      FROM ${from} WHERE received_date BETWEEN ${w.from}::date AND ${w.to}::date
     GROUP BY 1, 2 ORDER BY 1, 2`.execute(store.db);
  return rows;
}

interface QuoteRow {
  feedback_id: string;
  received_date: IsoDate;
  source: string;
  priority_id: string;
  themes: string[];
  sentiment: string | null;
  summary: string | null;
  you_said_we_did: string | null;
  response_date: IsoDate | null;
  action_id: string | null;
  action_title: string | null;
  crowd: number;
}

function toQuote(r: QuoteRow): VoiceQuote {
  return {
    feedbackId: r.feedback_id,
    date: r.received_date,
    source: r.source as FeedbackSource,
    priorityId: r.priority_id,
    themes: r.themes as VoiceTheme[],
    sentiment: r.sentiment as Sentiment | null,
    summary: r.summary,
    youSaidWeDid: r.you_said_we_did,
    responseDate: r.response_date,
    actionId: r.action_id,
    actionTitle: r.action_title,
    crowd: r.crowd,
  };
}

export interface QuoteOptions {
  /** Smallest priority-and-theme group a quote may come from (core/voice.ts quoteThreshold). */
  minCrowd: number;
}

/**
 * Each priority's feedback in the window: counts, themes, sentiments and its most recent quotes
 * from groups of at least `minCrowd`. Priorities with no feedback are absent (emptyPriorityVoice).
 */
export async function priorityVoices(store: Store, w: VoiceWindow, options: QuoteOptions & { quotes: number }): Promise<Map<string, PriorityVoice>> {
  const [totals, themes, sentiments, quotes] = await Promise.all([
    sql<{ priority_id: string; items: number; voices: number; responded: number }>`
      SELECT priority_id, count(*)::int AS items, sum(participants)::int AS voices, count(you_said_we_did)::int AS responded
        FROM voice_feedback WHERE received_date BETWEEN ${w.from}::date AND ${w.to}::date GROUP BY 1`.execute(store.db),
    sql<{ priority_id: string; key: string; items: number; voices: number }>`
      SELECT priority_id, t AS key, count(*)::int AS items, sum(participants)::int AS voices
        FROM voice_feedback CROSS JOIN unnest(themes) t WHERE received_date BETWEEN ${w.from}::date AND ${w.to}::date
       GROUP BY 1, 2 ORDER BY 1, voices DESC, 2`.execute(store.db),
    sql<{ priority_id: string; key: string | null; items: number; voices: number }>`
      SELECT priority_id, sentiment AS key, count(*)::int AS items, sum(participants)::int AS voices
        FROM voice_feedback WHERE received_date BETWEEN ${w.from}::date AND ${w.to}::date
       GROUP BY 1, 2 ORDER BY 1, array_position(ARRAY['positive', 'mixed', 'negative'], sentiment) NULLS LAST`.execute(store.db),
    sql<QuoteRow>`
      WITH ${withCrowd(w)},
      ranked AS (SELECT fc.*, row_number() OVER (PARTITION BY priority_id ORDER BY received_date DESC, feedback_id) AS n
                   FROM fc WHERE crowd >= ${options.minCrowd})
      SELECT r.feedback_id, r.received_date, r.source, r.priority_id, r.themes, r.sentiment, r.summary, r.you_said_we_did,
             r.response_date, r.action_id, a.title AS action_title, r.crowd
        FROM ranked r LEFT JOIN strategy_action a ON a.action_id = r.action_id
       WHERE n <= ${options.quotes} ORDER BY r.priority_id, n`.execute(store.db),
  ]);
  const out = new Map<string, PriorityVoice>();
  const get = (id: string) => {
    let v = out.get(id);
    if (!v) out.set(id, (v = emptyPriorityVoice(id)));
    return v;
  };
  for (const t of totals.rows) Object.assign(get(t.priority_id), { items: t.items, voices: t.voices, responded: t.responded });
  for (const t of themes.rows) get(t.priority_id).themes.push({ key: t.key, label: themeLabel(t.key), items: t.items, voices: t.voices });
  for (const s of sentiments.rows) get(s.priority_id).sentiments.push({ key: s.key, label: sentimentLabel(s.key), items: s.items, voices: s.voices });
  for (const q of quotes.rows) get(q.priority_id).quotes.push(toQuote(q));
  return out;
}

/**
 * Feedback with a "you said, we did" response (newest response first), or all feedback linked to
 * one action. The quote itself (summary) is null when its group is smaller than `minCrowd`.
 */
export async function feedbackResponses(
  store: Store,
  w: VoiceWindow,
  options: QuoteOptions & { limit: number; actionId?: string },
): Promise<(VoiceQuote & { priorityTitle: string })[]> {
  const filter = options.actionId === undefined ? sql`fc.you_said_we_did IS NOT NULL` : sql`fc.action_id = ${options.actionId}`;
  const { rows } = await sql<QuoteRow & { priority_title: string }>`
    WITH ${withCrowd(w)}
    SELECT fc.feedback_id, fc.received_date, fc.source, fc.priority_id, fc.themes, fc.sentiment,
           CASE WHEN fc.crowd >= ${options.minCrowd} THEN fc.summary END AS summary,
           fc.you_said_we_did, fc.response_date, fc.action_id, a.title AS action_title, fc.crowd, p.title AS priority_title
      FROM fc JOIN priority p ON p.priority_id = fc.priority_id LEFT JOIN strategy_action a ON a.action_id = fc.action_id
     WHERE ${filter}
     ORDER BY fc.response_date DESC NULLS LAST, fc.received_date DESC, fc.feedback_id
     LIMIT ${options.limit}`.execute(store.db);
  return rows.map((r) => ({ ...toQuote(r), priorityTitle: r.priority_title }));
}
