// Missing episodes and return home interviews. Episodes start mostly in the evening and at
// weekends, never overlap, never cross the end of a collection year (903 rule 571), and follow
// a child-specific rate, so a minority go missing again and again.
import { EXPLOITATION, MISSING_HOUR, THEMES } from './distributions.ts';
import { fyEnd, fyOfDay, weekday, YEAR_DAYS } from './days.ts';
import type { Random } from './random.ts';

export interface MissingEpisode {
  start: number;
  end: number | null;
  type: 'M' | 'A';
  startTime: string;
  rhiOffered: number | null;
  rhiCompleted: number | null;
  rhiDeclined: number | null;
  exploitation: string;
  themes: string;
}

/** Episodes a year for one child: most go missing once or twice, a few many times. */
export function missingRate(r: Random): number {
  const u = r.next();
  if (u < 0.45) return 0.8;
  if (u < 0.8) return 3;
  return 8 + r.exponential(10);
}

function duration(r: Random): number {
  const u = r.next();
  if (u < 0.55) return 0;
  if (u < 0.85) return 1;
  if (u < 0.97) return r.int(2, 7);
  return r.int(8, 30);
}

/**
 * Episodes between `from` and `to` (inclusive) at `perYear` on average. `awayShare` is the share
 * recorded as "away from placement" (A) rather than missing (M); 0 for children at home.
 */
export function missingEpisodes(
  r: Random, from: number, to: number, perYear: number, awayShare: number, asOf: number,
): MissingEpisode[] {
  const out: MissingEpisode[] = [];
  const meanGap = YEAR_DAYS / perYear;
  let day = from + Math.floor(r.exponential(meanGap));
  while (day <= to) {
    // Fridays and Saturdays are twice as likely as the rest of the week.
    const wd = weekday(day);
    if (wd === 5 || wd === 6 || r.chance(0.5)) {
      const e = missingEpisode(r, day, to, awayShare, asOf);
      out.push(e);
      if (e.end === null) break;
      day = e.end + 1;
    }
    day += 1 + Math.floor(r.exponential(meanGap));
  }
  return out;
}

/** One episode starting on `day`, ending by `to` and the end of its collection year; open if it would end after asOf. */
export function missingEpisode(r: Random, day: number, to: number, awayShare: number, asOf: number): MissingEpisode {
  let end: number | null = Math.min(day + duration(r), fyEnd(fyOfDay(day)), Math.max(to, day));
  if (end > asOf) end = null;
  const hour = Number(r.weighted(MISSING_HOUR));
  return {
    start: day, end, type: r.chance(awayShare) ? 'A' : 'M',
    startTime: `${String(hour).padStart(2, '0')}:${String(r.int(0, 11) * 5).padStart(2, '0')}`,
    rhiOffered: null, rhiCompleted: null, rhiDeclined: null, exploitation: 'NONE', themes: '',
  };
}

/** Three or more episodes starting within any 365 days. */
export function isRepeat(episodes: readonly MissingEpisode[]): boolean {
  for (let i = 2; i < episodes.length; i++) {
    if ((episodes[i] as MissingEpisode).start - (episodes[i - 2] as MissingEpisode).start < 365) return true;
  }
  return false;
}

/**
 * Fills in the return home interview: offered within 72 hours about three times in four,
 * completed about 60%, declined about 15%. Nothing is dated after asOf; an interview still to
 * come stays blank. Exploitation is flagged for about 10% of repeat-missing children.
 */
export function addInterviews(r: Random, episodes: MissingEpisode[], asOf: number, pushFrom: 'PUSH_HOME' | 'PUSH_PLACEMENT'): void {
  const exploitation = isRepeat(episodes) && r.chance(0.1) ? r.weighted(EXPLOITATION) : 'NONE';
  const within = (d: number): number | null => (d <= asOf ? d : null);
  for (const e of episodes) {
    const themes: string[] = r.some(THEMES, r.int(1, 3));
    if (exploitation !== 'NONE') themes.push('EXPLOITATION');
    else if (r.chance(0.3)) themes.push(pushFrom);
    e.themes = [...new Set(themes)].join(';');
    e.exploitation = exploitation;
    if (e.end === null) continue;
    if (r.chance(0.04)) continue; // never offered
    const offered = within(e.end + (r.chance(0.78) ? r.int(0, 3) : r.int(4, 14)));
    e.rhiOffered = offered;
    if (offered === null) continue;
    const u = r.next();
    if (u < 0.62) e.rhiCompleted = within(offered + r.int(0, 5));
    else if (u < 0.78) e.rhiDeclined = within(offered + r.int(0, 3));
  }
}
