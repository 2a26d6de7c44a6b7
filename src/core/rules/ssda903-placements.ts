// Row rules of SSDA903 Episodes about the placement: its type, provider, postcodes, reason for change
// and how long a temporary placement lasted, each a rule of the register's placements module
// (ssda903-register-placements.ts), checked on one episode's own fields. episodeRules (ssda903.ts)
// adds these to the episode's other row rules.
import type { IsoDate } from '../dates.ts';
import { codesFor } from '../ssda903-years.ts';
import type { RuleIssue } from './issue.ts';
import { appliesIn, fail903, rule903 } from './ssda903-register.ts';
import type { EpisodeRow } from './ssda903.ts';

const TEMPORARY = ['T0', 'T1', 'T2', 'T3', 'T4'];
const SHORT_BREAKS = ['V3', 'V4'];
const FOSTER = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6'];
const ADOPTIVE = ['A3', 'A4', 'A5', 'A6'];

/** Placement types a provider code may not go with (527 to 531, 550 the other way round). */
const PROVIDER_NOT_FOR: readonly (readonly [code: string, provider: string, places: readonly string[]])[] = [
  ['527', 'PR1', ['P1', 'R2', 'R5']],
  ['528', 'PR2', ['P1', 'R2', 'R5']],
  ['529', 'PR3', [...ADOPTIVE, 'K1', 'K2', 'P1', ...FOSTER]],
  ['530', 'PR4', ['P1']],
  ['531', 'PR5', ['P1']],
];

/** The longest a temporary placement may last, in days after it began (375, 376, 379). */
const TEMPORARY_DAYS: readonly (readonly [code: string, place: string, days: number])[] = [
  ['375', 'T1', 42], // hospital: six weeks
  ['376', 'T3', 21], // holiday of the usual foster carers: three weeks
  ['379', 'T4', 7], // other temporary placement: seven days
];

/** Days from one date to a later one. */
function daysBetween(from: IsoDate, to: IsoDate): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

const postcodeKey = (p: string) => p.replaceAll(' ', '').toUpperCase();

export function placementRules(r: EpisodeRow, fy: number | null): RuleIssue[] {
  const list: RuleIssue[] = [];
  const add = (when: boolean, code: string, field?: string, detail?: string) => {
    if (when && appliesIn(rule903(code), fy)) list.push(fail903(code, field, detail));
  };
  const place = r.place ?? '';
  const temporary = TEMPORARY.includes(place);
  const shortBreaks = SHORT_BREAKS.includes(r.ls);

  add((place === 'A3' || place === 'A5') && r.decom !== null && r.decom >= '2015-04-01' && !['S', 'T', 'U'].includes(r.rne), '217', 'RNE');
  add(r.dec === null && r.reasonPlaceChange !== null, '233', 'REASON_PLACE_CHANGE');
  add(place === 'P1' && r.ls === 'V2', '378', 'LS');
  add(temporary && !['P', 'B'].includes(r.rne), '380', 'RNE');
  add(temporary && r.rec !== null && r.rec !== 'X1', '381', 'REC');
  add(temporary && shortBreaks, '382');
  add((place === 'U1' || place === 'U4') && shortBreaks, '384');
  add((r.rec === 'E11' || r.rec === 'E12') && !ADOPTIVE.includes(place), '390', 'REC', `(placement type ${place})`);
  add((place === 'A5' || place === 'A6') && r.ls !== 'E1', '408', 'LS');
  add((r.rec === 'E45' || r.rec === 'E46') && !FOSTER.includes(place), '516', 'REC', `(placement type ${place})`);
  add(r.place !== null && r.placeProvider === null && !codesFor(fy).PLACE_WITHOUT_PROVIDER.includes(place), '526', 'PLACE_PROVIDER', `(placement type ${place})`);
  for (const [code, provider, places] of PROVIDER_NOT_FOR) add(r.placeProvider === provider && places.includes(place), code, 'PLACE_PROVIDER');
  add(r.placeProvider === 'PR0' && r.place !== null && place !== 'P1', '550', 'PLACE_PROVIDER', `(placement type ${place})`);
  add(shortBreaks && (r.plPost !== null || r.urn !== null), '214', r.plPost !== null ? 'PL_POST' : 'URN');
  add(shortBreaks && (r.homePost !== null || r.plPost !== null), '398', r.homePost !== null ? 'HOME_POST' : 'PL_POST');
  add(place !== 'P1' && r.homePost !== null && r.plPost !== null && postcodeKey(r.homePost) === postcodeKey(r.plPost), '392d', 'PL_POST');
  if (r.decom !== null && r.dec !== null) {
    const days = daysBetween(r.decom, r.dec);
    for (const [code, p, most] of TEMPORARY_DAYS) add(place === p && days > most, code, 'DEC', `(${days} days)`);
  }
  return list;
}
