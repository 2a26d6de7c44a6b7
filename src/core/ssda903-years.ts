// The SSDA903 code lists of each collection year, as data: the 2023-24 lists, then what each later
// year adds and drops (as the DfE's yearly guidance and the open 903 validator's yearly rule sets,
// lac2023_24 to lac2026_27, do). A return is checked against the lists of its own year; a test
// (test/core/ssda903-years.test.ts) shows the differences between years.
import { PLACE, SEX, type CodeList } from './codes.ts';

/** The first and last collection years csinsight knows (financial year start: 2023 = 2023-24). */
export const FIRST_903_YEAR = 2023;
export const LAST_903_YEAR = 2026;

/** The lists that change between years. */
export interface YearCodes {
  /** Rule 101. */
  SEX: CodeList;
  /** Rule 146. */
  PLACE: CodeList;
  /** Placements that take no provider (rules 178, 213) nor a placement change reason (226). */
  PLACE_WITHOUT_PROVIDER: readonly string[];
  /** Sex codes meaning male and female, and the one meaning not known (rule 232). */
  MALE: string;
  FEMALE: string;
}

/** SEX from 2024-25 (the validator's lac2024_25 rule 101): letters, with U for not known. */
export const SEX_LETTERS = { M: 'Male', F: 'Female', U: 'Not known or indeterminate' } as const;

type Change = { from: number; list: 'SEX' | 'PLACE'; add?: CodeList; drop?: readonly string[]; replace?: CodeList };

const pick = (codes: readonly string[]): CodeList => Object.fromEntries(codes.map((c) => [c, PLACE[c as keyof typeof PLACE]]));

/** What changed, year by year. */
export const CHANGES: readonly Change[] = [
  { from: 2024, list: 'SEX', replace: SEX_LETTERS },
  { from: 2024, list: 'PLACE', add: pick(['K3']) },
  { from: 2025, list: 'PLACE', add: pick(['Z11', 'Z12', 'Z13', 'Z14']), drop: ['H5', 'P2', 'Z1'] },
];

const BASE = {
  SEX: SEX as CodeList,
  PLACE: pick(Object.keys(PLACE).filter((c) => !['K3', 'Z11', 'Z12', 'Z13', 'Z14'].includes(c))),
};

const TEMPORARY = ['T0', 'T1', 'T2', 'T3', 'T4'];

const cache = new Map<number, YearCodes>();

/** The code lists of a collection year; years outside the known range take the nearest year's. */
export function codesFor(fy: number | null): YearCodes {
  const year = Math.min(LAST_903_YEAR, Math.max(FIRST_903_YEAR, fy ?? LAST_903_YEAR));
  const known = cache.get(year);
  if (known) return known;
  const lists: Record<'SEX' | 'PLACE', CodeList> = { ...BASE };
  for (const c of CHANGES.filter((ch) => ch.from <= year)) {
    const next: Record<string, string> = c.replace ? { ...c.replace } : { ...lists[c.list], ...c.add };
    for (const d of c.drop ?? []) delete next[d];
    lists[c.list] = Object.freeze(next);
  }
  const letters = 'M' in lists.SEX;
  const codes: YearCodes = {
    ...lists,
    PLACE_WITHOUT_PROVIDER: [...TEMPORARY, ...Object.keys(lists.PLACE).filter((p) => p.startsWith('Z'))],
    MALE: letters ? 'M' : '1',
    FEMALE: letters ? 'F' : '2',
  };
  cache.set(year, codes);
  return codes;
}

/** The stored sex (1 male, 2 female, null not known) of a year's SEX code. */
export function storedSex(code: string | null): number | null {
  if (code === '1' || code === 'M') return 1;
  if (code === '2' || code === 'F') return 2;
  return null;
}

/** What a retired placement code became (503D allows H5 to K3 across years). */
const SUCCESSOR: Readonly<Record<string, string>> = { H5: 'K3', P2: 'K3', Z1: 'Z14' };

/** A placement code as a return of year `fy` writes it: a code that year no longer has, as its successor. */
export function placeIn(fy: number, place: string): string {
  return place in codesFor(fy).PLACE ? place : (SUCCESSOR[place] ?? place);
}

/** The SEX code of year `fy` for a stored sex (1 male, 2 female). */
export function sexCodeIn(fy: number, sex: 1 | 2): string {
  const codes = codesFor(fy);
  return sex === 1 ? codes.MALE : codes.FEMALE;
}
