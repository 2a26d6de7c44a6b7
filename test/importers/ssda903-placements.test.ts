// SSDA903 placement rules that need more than one import: rule 392b (home and placement postcodes
// are due unless the child is on short breaks or is or was an unaccompanied asylum seeker) knows a
// former UASC from the UASC rows of this or last year's return, in the import or stored by an
// earlier one, as the rules test (one import per case) cannot show.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { importFiles } from '../../src/importers/index.ts';
import { runErrors } from '../../src/importers/report.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { EPISODES, HEADER } from '../../src/generate/layout.ts';
import { csv } from './helpers.ts';

const UASC = 'CHILD,SEX,DOB,DUC';
const header = (...children: string[]) => csv(HEADER.join(','), ...children.map((c) => `${c},F,01/01/2008,WBRI,UN2,0,`));
/** An open episode with the home postcode and no placement postcode. */
const noPlacementPostcode = (child: string) => `${child},01/05/2024,S,C2,N1,U4,PR1,,,,AB1 2CD,,`;

let store: Store;
before(async () => {
  store = await openTestStore();
});
after(() => store.close());

test('392b: a child in a stored UASC return of last year needs no postcodes; a child in none does', async () => {
  const stored = await importFiles(store, [
    { name: 'ssda903_2025/header.csv', content: header('U1') },
    { name: 'ssda903_2025/uasc.csv', content: csv(UASC, 'U1,F,01/01/2008,') },
  ], { user: 'tester' });
  assert.equal(stored.status, 'accepted', JSON.stringify(stored.errors));

  const checked = await importFiles(store, [
    { name: 'ssda903_2026/header.csv', content: header('U1', 'N1') },
    { name: 'ssda903_2026/episodes.csv', content: csv(EPISODES.join(','), noPlacementPostcode('U1'), noPlacementPostcode('N1')) },
  ], { user: 'tester', checkOnly: true });
  const errors = await runErrors(store, checked.runId);
  assert.deepEqual(errors.filter((e) => e.rule === '392b').map((e) => [e.child, e.field]), [['N1', 'PL_POST']]);
});
