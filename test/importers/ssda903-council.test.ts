// SSDA903 rule 633 and the council's identity: the authority of a previous permanence order must be
// an English authority's code (or WAL, SCO, NIR, NUK); the council's own old LA code (csinsight
// council) is accepted too, should the council be newer than csinsight's list of codes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { importFiles } from '../../src/importers/index.ts';
import { runErrors } from '../../src/importers/report.ts';
import { setCouncilIdentity } from '../../src/store/benchmarks.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';

/** A new authority's code, not (yet) in the DfE's list. */
const NEW_AUTHORITY = '950';
const files = [
  { name: 'ssda903_2026/header.csv', content: 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nP1,F,01/01/2010,WBRI,UN1,0,\n' },
  { name: 'ssda903_2026/prev_perm.csv', content: `CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nP1,01/01/2010,P1,${NEW_AUTHORITY},01/01/2015\n` },
];

let store: Store;
before(async () => {
  store = await openTestStore();
});
after(() => store.close());

const rule633 = async () => {
  const result = await importFiles(store, files, { user: 'tester', checkOnly: true });
  return (await runErrors(store, result.runId)).filter((e) => e.rule === '633').map((e) => e.child);
};

test("633: an authority code not in the list is reported until it is the council's own", async () => {
  assert.deepEqual(await rule633(), ['P1']);
  await setCouncilIdentity(store, { oldLaCode: NEW_AUTHORITY, newLaCode: 'E06000999', name: 'New Council' }, 'tester');
  assert.deepEqual(await rule633(), []);
});
