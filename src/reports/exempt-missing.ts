// The Part 2 (exempt) item on children missing from home or care who are at risk of exploitation.
// It lists children by case reference with their risks, so it is exempt from publication under the
// Local Government Act 1972, Schedule 12A paragraphs 1 and 2 (information relating to an individual,
// or likely to reveal who they are) and is taken with the press and public excluded. The public
// performance report only says that this item exists. Every printed page carries the marking:
// renderPdf puts the `report-marking` meta in each page's header.
import { sql } from 'kysely';
import { addDays, type IsoDate } from '../core/dates.ts';
import { periodOf, previousPeriod } from '../core/periods.ts';
import { THEME_LABEL } from '../core/indicators/dimensions.ts';
import { EXPLOITATION_RISKS, REPEAT_EPISODES, type ExploitationRisk } from '../core/missing.ts';
import type { Store } from '../store/open.ts';
import { exploitationRiskChildren, missingPatterns, repeatMissing, rhiFollowUp, type MissingChild } from '../store/queries/missing.ts';
import { ReportInputError } from './errors.ts';
import { longDate, plural, shortDate } from './format.ts';
import { DEFAULT_AUTHOR, paperContext } from './paper.ts';
import { renderTemplate } from './render.ts';

export const EXEMPT_MARKING = 'EXEMPT – NOT FOR PUBLICATION – Schedule 12A paragraphs 1 and 2';
export const EXEMPT_ITEM_TITLE = 'Missing children: exploitation risk (Part 2, exempt)';

export interface ExemptMissingReportOptions {
  /** Episodes starting (or, for interviews not done, ending) from this day to `to`, inclusive. */
  from: IsoDate;
  to: IsoDate;
  committee: string;
  meetingDate: IsoDate;
  author?: string;
}

/** The default window: the last full quarter before the one `asOf` falls in. */
export function lastFullQuarter(asOf: IsoDate): { from: IsoDate; to: IsoDate } {
  const q = previousPeriod(periodOf(asOf, 'quarter'));
  return { from: q.start, to: addDays(q.end, -1) };
}

/** The themes recorded in each child's return home interviews for episodes starting in the window. */
async function themesByChild(store: Store, from: IsoDate, to: IsoDate, childIds: readonly string[]): Promise<Map<string, string[]>> {
  if (childIds.length === 0) return new Map();
  const { rows } = await sql<{ childId: string; themes: string[] }>`
    SELECT m.child_id AS "childId", array_agg(DISTINCT t ORDER BY t) AS themes
      FROM missing_episode m CROSS JOIN unnest(m.themes) AS t
     WHERE m.mis_start BETWEEN ${from}::date AND ${to}::date AND m.child_id = ANY(${[...childIds]}::text[])
     GROUP BY m.child_id`.execute(store.db);
  return new Map(rows.map((r) => [r.childId, r.themes]));
}

const status = (c: { lookedAfter: boolean }) => (c.lookedAfter ? 'Looked after' : 'Living at home');
const risks = (list: readonly string[]) => list.map((r) => EXPLOITATION_RISKS[r as ExploitationRisk] ?? r).join('; ') || 'None recorded';
const themes = (list: readonly string[]) => list.map((t) => THEME_LABEL[t] ?? t).join('; ') || 'None recorded';

/** "2 completed, 1 not done (1 declined)": a declined interview is one not done, so it is not counted twice. */
function interviews(c: Pick<MissingChild, 'interviewsCompleted' | 'declined' | 'withoutInterview'>): string {
  const notDone = c.withoutInterview || c.declined ? `, ${c.withoutInterview} not done${c.declined ? ` (${c.declined} declined)` : ''}` : '';
  return `${c.interviewsCompleted} completed${notDone}`;
}

/** The paper, its title and the children it names. */
export async function exemptMissingReport(store: Store, options: ExemptMissingReportOptions): Promise<{ html: string; title: string; childIds: string[] }> {
  const { from, to } = options;
  if (from > to) throw new ReportInputError(`The period starts (${from}) after it ends (${to}).`);
  const [atRisk, repeat, followUp, patterns] = await Promise.all([
    exploitationRiskChildren(store, { from, to }),
    repeatMissing(store, { asOf: to }),
    rhiFollowUp(store, { from, to }),
    missingPatterns(store, { from, to }),
  ]);
  const repeatEpisodes = new Map(repeat.map((c) => [c.childId, c.episodes]));
  const themesOf = await themesByChild(store, from, to, atRisk.map((c) => c.childId));

  const title = `Children missing from home or care: exploitation risk, ${longDate(from)} to ${longDate(to)}`;
  const paper = { ...paperContext(title, options.committee, options.meetingDate, options.author ?? DEFAULT_AUTHOR, true), marking: EXEMPT_MARKING };
  const html = renderTemplate('exempt-missing.njk', {
    ...paper,
    paper,
    subject: EXEMPT_ITEM_TITLE,
    window: { from: longDate(from), to: longDate(to) },
    repeatEpisodes: REPEAT_EPISODES,
    tally: {
      children: plural(patterns.children, 'child', 'children'),
      episodes: plural(patterns.episodes, 'episode'),
      atRisk: plural(atRisk.length, 'child', 'children'),
      repeat: plural(repeat.length, 'child', 'children'),
      followUp: plural(followUp.length, 'child', 'children'),
    },
    atRisk: atRisk.map((c) => ({
      id: c.childId,
      age: c.age,
      status: status(c),
      episodes: c.episodes,
      lastStart: shortDate(c.lastStart),
      risks: risks(c.exploitationRisks),
      themes: themes(themesOf.get(c.childId) ?? []),
      interviews: interviews(c),
      repeat: repeatEpisodes.has(c.childId) ? `Yes (${repeatEpisodes.get(c.childId)} in 12 months)` : 'No',
    })),
    repeat: repeat.map((c) => ({
      id: c.childId,
      age: c.age,
      status: status(c),
      episodes: c.episodes,
      first: shortDate(c.firstStart),
      last: shortDate(c.lastStart),
      risks: risks(c.exploitationRisks),
      interviews: interviews(c),
    })),
    followUp: followUp.map((c) => ({ id: c.childId, age: c.age, status: status(c), episodes: c.episodes, interviews: interviews(c), risks: risks(c.exploitationRisks) })),
    byRisk: patterns.byExploitation,
    topThemes: patterns.topThemes,
  });
  const childIds = [...new Set([...atRisk, ...repeat, ...followUp].map((c) => c.childId))];
  return { html, title, childIds };
}
