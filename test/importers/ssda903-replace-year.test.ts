// An SSDA903 return replaces its collection year (src/importers/annual.ts): re-importing a year
// removes that year's stored rows the new files lack, changes and adds the rest, leaves the other
// year's rows alone, and reports the counts per table; a rejected run removes nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { importFiles } from '../../src/importers/index.ts';
import type { ImportFile } from '../../src/importers/types.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { csv, fixture, snapshot } from './helpers.ts';

let store: Store;
before(async () => {
  store = await openTestStore();
});
after(() => store.close());

const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
const C001_FIRST = 'C001,01/04/2024,S,C2,N1,U4,PR1,15/09/2024,X1,CARPL,AB1 2CD,AB3 4EF,SC123456';
const C001_SECOND = 'C001,15/09/2024,P,C2,N1,K2,PR4,,,,AB1 2CD,AB9 9ZZ,SC654321';
/** C002's episode as each year's return has it: open at the end of 2023-24, ceased in 2024-25 (after her baby's birth). */
const C002_2024 = 'C002,10/06/2023,S,V2,N4,U4,PR4,,,,AB1 2CD,AB5 6GH,';
const C002_2025 = 'C002,10/06/2023,S,V2,N4,U4,PR4,30/06/2024,E13,,AB1 2CD,AB5 6GH,';
const C003 = (decom: string, place = 'U6') => `C003,${decom},S,C1,N5,${place},PR5,,,,AB1 2CD,AB3 4EF,`;

/** The 2024-25 return of the fixtures, its Episodes file replaced by these rows. */
function return2025(...episodes: string[]): ImportFile[] {
  const files = ['header.csv', 'missing.csv', 'oc3.csv'].map((f) => fixture(`ssda903_2025/${f}`));
  // A care leaver not looked after in the year has MOTHER blank (628).
  if (!episodes.some((e) => e.startsWith('C002,'))) files[0] = { ...files[0]!, content: String(files[0]!.content).replace('UN2,1,01/03/2024', 'UN2,,') };
  return [...files, { name: 'ssda903_2025/episodes.csv', content: csv(EPISODES, ...episodes) }];
}

/** The 2023-24 return: C002 (whose episode is in both years' returns) and C004. */
const RETURN_2024: ImportFile[] = [
  { name: 'ssda903_2024/header.csv', content: csv('CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB', 'C002,2,02/11/2007,MWBC,UN2,1,01/03/2024', 'C004,1,01/01/2012,WBRI,UN2,,') },
  { name: 'ssda903_2024/episodes.csv', content: csv(EPISODES, C002_2024, 'C004,01/05/2023,S,C2,N1,U4,PR1,,,,AB1 2CD,AB3 4EF,') },
];

async function episodes(): Promise<string[]> {
  const { rows } = await sql<{ e: string }>`SELECT child_id || ' ' || decom::text || ' ' || coalesce(home_post, '-') || ' ' || array_to_string(returns, '+') AS e FROM la_episode ORDER BY 1`.execute(store.db);
  return rows.map((r) => r.e);
}

const counts = (changes: { label: string; added: number; changed: number; removed: number }[] | undefined) =>
  Object.fromEntries((changes ?? []).map((c) => [c.label, [c.added, c.changed, c.removed]]));

test('a year imported again removes its rows the file lacks, and the other year keeps its rows', async () => {
  const first = await importFiles(store, return2025(C001_FIRST, C001_SECOND, C002_2025, C003('01/05/2024')), { user: 'officer' });
  assert.equal(first.status, 'accepted', JSON.stringify(first.errors));
  assert.deepEqual(counts(first.changes), {
    'SSDA903 Header': [3, 0, 0], 'SSDA903 Episodes': [4, 0, 0], 'SSDA903 Missing': [3, 0, 0], 'SSDA903 OC3': [1, 0, 0],
  });
  const last = await importFiles(store, RETURN_2024, { user: 'officer' });
  assert.equal(last.status, 'accepted', JSON.stringify(last.errors));
  // C002's header and episode are stored already (the 2024-25 version, which stays).
  assert.deepEqual(counts(last.changes), { 'SSDA903 Header': [1, 0, 0], 'SSDA903 Episodes': [1, 0, 0] });
  assert.deepEqual(await episodes(), [
    'C001 2024-04-01 AB1 2CD 2024', 'C001 2024-09-15 AB1 2CD 2024', 'C002 2023-06-10 AB1 2CD 2023+2024', 'C003 2024-05-01 AB1 2CD 2024', 'C004 2023-05-01 AB1 2CD 2023',
  ]);

  // 2024-25 again: C001's first episode changed, C003's replaced by a later one, C002's 2023 episode left out.
  const again = await importFiles(store, return2025(C001_FIRST.replace('AB1 2CD', 'ZZ1 1ZZ'), C001_SECOND, C003('01/06/2024')), { user: 'officer' });
  assert.equal(again.status, 'accepted', JSON.stringify(again.errors));
  assert.deepEqual(counts(again.changes), {
    'SSDA903 Header': [0, 1, 0], 'SSDA903 Episodes': [1, 1, 1], 'SSDA903 Missing': [0, 0, 0], 'SSDA903 OC3': [0, 0, 0],
  });
  // C002's Header row changed (MOTHER blank: not looked after this year). C002's episode is still in the 2023-24 return, so it stays; C004 (2023-24 only) is untouched.
  assert.deepEqual(await episodes(), [
    'C001 2024-04-01 ZZ1 2CD 2024', 'C001 2024-09-15 AB1 2CD 2024', 'C002 2023-06-10 AB1 2CD 2023', 'C003 2024-06-01 AB1 2CD 2024', 'C004 2023-05-01 AB1 2CD 2023',
  ].map((e) => e.replace('ZZ1 2CD', 'ZZ1 1ZZ')));
  const run = await store.db.selectFrom('import_run').select('changes').where('id', '=', again.runId).executeTakeFirstOrThrow();
  assert.deepEqual(counts(run.changes as never), counts(again.changes), 'the counts are stored with the run');

  // A rejected run of the same year removes nothing.
  const before = await snapshot(store);
  const bad = await importFiles(store, return2025(C001_SECOND, C003('01/06/2024', 'XX')), { user: 'officer' });
  assert.equal(bad.status, 'rejected');
  assert.equal(bad.changes, undefined);
  assert.deepEqual(await snapshot(store), before);
  assert.equal((await episodes()).length, 5);
});
