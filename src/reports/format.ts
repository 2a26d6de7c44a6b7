// How dates and figures read in printed council papers: "10 December 2026", "62.5%".
import type { IsoDate } from '../core/dates.ts';
import { RAG_LABEL, type Rag } from '../core/rag.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function longDate(date: IsoDate | null | undefined): string {
  if (!date) return '';
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** "30 Sep 2026", for table cells. */
export function shortDate(date: IsoDate | null | undefined): string {
  return date ? longDate(date).replace(/ (\w{3})\w* /, ' $1 ') : '';
}

export function ragWord(rag: Rag | null | undefined): string {
  return rag ? RAG_LABEL[rag] : 'Not rated';
}

/** `1 child`, `3 children`: units that read naturally after a number. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a, b and c", as a list reads in a sentence. */
export function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
