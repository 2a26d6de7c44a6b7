import { openStore, testStoreOptions, type Store } from '../src/store/open.ts';

/** A fresh, migrated store: PGlite in memory, or its own schema on DATABASE_URL's server. */
export function openTestStore(): Promise<Store> {
  return openStore(testStoreOptions());
}
