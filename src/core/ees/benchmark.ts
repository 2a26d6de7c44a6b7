// The rules for setting a council beside other areas with the DfE's published figures: what the
// EES symbols mean, which of our periods an EES time period matches, rank and quartile among
// authorities (as the DfE's LA Interactive Tool gave them), and matching authorities' names.
import type { Polarity } from '../rag.ts';

/**
 * The symbols EES files use instead of a number. None is zero: each is kept as it is and shown
 * in words. (`low` rounds to 0 but is not 0; `:` is the older files' "not available".)
 */
export const EES_SYMBOLS: Readonly<Record<string, string>> = {
  c: 'suppressed to protect confidentiality',
  x: 'not available',
  z: 'not applicable',
  low: 'rounds to 0',
  ':': 'not available',
  u: 'low reliability',
  k: 'less than 0.5%',
  '': 'blank in the published file',
};

export type EesCell = { value: number; symbol: null } | { value: null; symbol: string };

/** A published cell: a number, or one of EES_SYMBOLS; null (with a message) for anything else. */
export function parseEesCell(raw: string): EesCell | { error: string } {
  const s = raw.trim();
  if (s in EES_SYMBOLS) return { value: null, symbol: s };
  if (!/^-?\d+(\.\d+)?$/.test(s.replaceAll(',', ''))) {
    return { error: `"${s}" is neither a number nor one of the published symbols (${Object.keys(EES_SYMBOLS).join(', ')}).` };
  }
  return { value: Number(s.replaceAll(',', '')), symbol: null };
}

/** Why a published figure is missing, in words: "not published (c: suppressed ...)". */
export function symbolReason(symbol: string | null): string {
  if (!symbol) return 'not published';
  return `not published (${symbol}: ${EES_SYMBOLS[symbol] ?? 'unknown symbol'})`;
}

/**
 * An EES time period as the span it covers, so it is set against the same span of the council's
 * data and never silently against a financial year. `fy` is set when the span is a financial year.
 */
export interface EesPeriod {
  kind: 'calendar' | 'financial' | 'academic' | 'other';
  /** First day and the day after the last (exclusive), ISO dates. */
  start: string;
  end: string;
  label: string;
  fy: number | null;
}

export function eesPeriod(timePeriod: number, timeIdentifier: string): EesPeriod {
  const id = timeIdentifier.trim().toLowerCase();
  const six = timePeriod >= 100000;
  const first = six ? Math.floor(timePeriod / 100) : timePeriod;
  if (id === 'calendar year') return { kind: 'calendar', start: `${first}-01-01`, end: `${first + 1}-01-01`, label: `calendar year ${first}`, fy: null };
  // "Reporting year" in the children looked after publication: the year ending 31 March.
  if (id === 'reporting year' || id === 'financial year' || id === 'year ending march') {
    const fy = six ? first : first - 1;
    return { kind: 'financial', start: `${fy}-04-01`, end: `${fy + 1}-04-01`, label: `year ending 31 March ${fy + 1}`, fy };
  }
  if (id === 'academic year') {
    return { kind: 'academic', start: `${first}-09-01`, end: `${first + 1}-09-01`, label: `academic year ${first}/${String((first + 1) % 100).padStart(2, '0')}`, fy: null };
  }
  return { kind: 'other', start: `${first}-01-01`, end: `${first + 1}-01-01`, label: `${timeIdentifier} ${timePeriod}`, fy: null };
}

/** Quartile bands, A = the best quarter of authorities. */
export const QUARTILES = ['A', 'B', 'C', 'D'] as const;
export type Quartile = (typeof QUARTILES)[number];

/**
 * Rank of `value` among `values` (every authority with a figure, itself included): 1 = best by
 * the polarity, ties share the better rank (1, 2, 2, 4). Null for a neutral measure.
 */
export function rankAmong(value: number, values: readonly number[], polarity: Polarity): number | null {
  if (polarity === 'neutral') return null;
  const better = values.filter((v) => (polarity === 'higher' ? v > value : v < value)).length;
  return better + 1;
}

/** The quartile band of a rank among `ranked` authorities: ranks 1 to n/4 are A, and so on. */
export function quartileOf(rank: number, ranked: number): Quartile {
  return QUARTILES[Math.min(3, Math.max(0, Math.ceil((4 * rank) / ranked) - 1))]!;
}

/**
 * An authority's name reduced for matching lists that spell names differently: case, full
 * stops, "&", "City of" and "County of" suffixes, a leading "County" and a trailing "Borough"
 * ("St. Helens" = "St Helens", "Bristol, City of" = "Bristol", "Durham" = "County Durham",
 * "Bedford Borough" = "Bedford").
 */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('&', ' and ')
    .replaceAll('.', '')
    .replace(/,\s*(city|county) of$/, '')
    .replace(/^county\s+/, '')
    .replace(/\s+borough$/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A difference smaller than this is the DfE's rounding to one decimal place, not a difference. */
export const ROUNDING_TOLERANCE = 0.05;
