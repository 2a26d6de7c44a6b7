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
import { ageSql, RHI_DAYS } from '../core/indicators/sql.ts';
import { EXPLOITATION_RISKS, REPEAT_EPISODES, type ExploitationRisk } from '../core/missing.ts';
import type { Store } from '../store/open.ts';
import { missingPatterns, repeatMissing, rhiFollowUp, type MissingChild } from '../store/queries/missing.ts';
import { ReportInputError } from './errors.ts';
import { longDate, plural, shortDate } from './format.ts';
import { DEFAULT_AUTHOR, paperContext } from './paper.ts';
import { renderTemplate } from './render.ts';

export const EXEMPT_MARKING = 'EXEMPT – NOT FOR PUBLICATION – Schedule 12A paragraphs 1 and 2';
export const EXEMPT_ITEM_TITLE = 'Missing children: exploitation risk (Part 2, exempt)';
/** The return home interview theme that records exploitation, alongside the EXPLOITATION_RISK field. */
const EXPLOITATION_THEME = 'EXPLOITATION';

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

interface AtRiskChild extends Omit<MissingChild, 'exploitationRisks' | 'firstStart'> {
  exploitationRisks: ExploitationRisk[];
  themes: string[];
}

/**
 * Children with an episode starting in the window whose return home interview recorded an
 * exploitation risk or the exploitation theme, with all their episodes in the window counted.
 */
async function childrenAtRisk(store: Store, from: IsoDate, to: IsoDate): Promise<AtRiskChild[]> {
  const { rows } = await sql<AtRiskChild>`
    WITH params AS (SELECT ${from}::date AS from_date, ${to}::date AS on_date),
    e AS (SELECT m.* FROM missing_episode m CROSS JOIN params WHERE m.mis_start BETWEEN params.from_date AND params.on_date),
    t AS (SELECT e.child_id, array_agg(DISTINCT th ORDER BY th) AS themes FROM e CROSS JOIN unnest(e.themes) AS th GROUP BY e.child_id)
    SELECT e.child_id AS "childId", ${sql.raw(ageSql('c.dob', 'params.on_date'))} AS age,
           (array_agg(e.looked_after ORDER BY e.mis_start DESC))[1] AS "lookedAfter",
           count(*)::int AS episodes,
           (count(*) FILTER (WHERE e.rhi_completed IS NULL AND e.mis_end + ${RHI_DAYS}::int < params.on_date))::int AS "withoutInterview",
           (count(*) FILTER (WHERE e.rhi_declined IS NOT NULL))::int AS declined,
           (count(*) FILTER (WHERE e.rhi_completed IS NOT NULL))::int AS "interviewsCompleted",
           max(e.mis_start) AS "lastStart",
           coalesce(array_agg(DISTINCT e.exploitation_risk) FILTER (WHERE e.exploitation_risk <> 'NONE'), '{}') AS "exploitationRisks",
           coalesce(t.themes, '{}') AS themes
      FROM e JOIN child c ON c.child_id = e.child_id CROSS JOIN params LEFT JOIN t ON t.child_id = e.child_id
     GROUP BY e.child_id, c.dob, params.on_date, t.themes
    HAVING bool_or(e.exploitation_risk <> 'NONE' OR ${EXPLOITATION_THEME}::text = ANY(e.themes))
     ORDER BY episodes DESC, e.child_id`.execute(store.db);
  return rows;
}

const status = (c: { lookedAfter: boolean }) => (c.lookedAfter ? 'Looked after' : 'Living at home');
const risks = (list: readonly string[]) => list.map((r) => EXPLOITATION_RISKS[r as ExploitationRisk] ?? r).join('; ') || 'None recorded';
const themes = (list: readonly string[]) => list.map((t) => THEME_LABEL[t] ?? t).join('; ') || 'None recorded';

/** "2 completed, 1 not done (1 declined)": a declined interview is one not done, so it is not counted twice. */
function interviews(c: Pick<MissingChild, 'interviewsCompleted' | 'declined' | 'withoutInterview'>): string {
  const notDone = c.withoutInterview || c.declined ? `, ${c.withoutInterview} not done${c.declined ? ` (${c.declined} declined)` : ''}` : '';
  return `${c.interviewsCompleted} completed${notDone}`;
}

export async function exemptMissingReport(store: Store, options: ExemptMissingReportOptions): Promise<{ html: string; title: string }> {
  const { from, to } = options;
  if (from > to) throw new ReportInputError(`The period starts (${from}) after it ends (${to}).`);
  const [atRisk, repeat, followUp, patterns] = await Promise.all([
    childrenAtRisk(store, from, to),
    repeatMissing(store, { asOf: to }),
    rhiFollowUp(store, { from, to }),
    missingPatterns(store, { from, to }),
  ]);
  const repeatEpisodes = new Map(repeat.map((c) => [c.childId, c.episodes]));

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
      themes: themes(c.themes),
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
  return { html, title };
}
