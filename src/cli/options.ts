// Option parsers and the store wrapper every command shares, so each rejects bad input the
// same way (commander prints the message and exits 1).
import { InvalidArgumentError } from 'commander';
import { parseDate, type IsoDate } from '../core/dates.ts';
import { openStore, storeOptionsFromEnv, type Store } from '../store/open.ts';

export function oneOf<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}`);
    return value as T;
  };
}

export function isoDate(value: string): IsoDate {
  const d = parseDate(value);
  if (!d) throw new InvalidArgumentError('expected a date, YYYY-MM-DD or DD/MM/YYYY');
  return d;
}

export function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('expected a whole number');
  return n;
}

/** Opens the store the environment names, runs `fn` and always closes it. */
export async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeOptionsFromEnv());
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
