// Children missing from home: not looked after, so outside the 903, but the same guidance
// applies (return home interview within 72 hours). Each child has a spell of months in which
// they go missing, once or many times.
import { birthday, YEAR_DAYS } from './days.ts';
import { addInterviews, missingEpisode, missingEpisodes, missingRate, type MissingEpisode } from './missing.ts';
import type { Random } from './random.ts';
import type { Window } from './scales.ts';

export interface ChildMissingFromHome {
  id: string;
  sex: 1 | 2;
  dob: number;
  missing: MissingEpisode[];
}

export function childMissingFromHome(r: Random, serial: number, win: Window): ChildMissingFromHome {
  const from = r.dayBetween(win.start, win.asOf);
  const to = Math.min(win.asOf, from + r.int(60, 540));
  const dob = from - Math.round((10 + r.next() * 7.5) * YEAR_DAYS);
  const missing = missingEpisodes(r, from, Math.min(to, birthday(dob, 18) - 1), missingRate(r), 0, win.asOf);
  // Every child in this file went missing at least once.
  if (missing.length === 0) missing.push(missingEpisode(r, from, to, 0, win.asOf));
  addInterviews(r, missing, win.asOf, 'PUSH_HOME');
  return { id: `F${String(serial).padStart(6, '0')}`, sex: r.chance(0.5) ? 1 : 2, dob, missing };
}
