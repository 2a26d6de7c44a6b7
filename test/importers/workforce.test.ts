// The social care workforce file: months in three spellings, figures stored as given, a month
// re-imported replaces its figures; bad rows rejected with file, row, field and rule, and a run
// with any bad row stores nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { importFiles } from '../../src/importers/index.ts';
import type { ImportFile } from '../../src/importers/types.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { csv } from './helpers.ts';
import { expectRejected, type Where } from './rejection.ts';

const HEADER = 'Month,Team,EmployedFTE,AgencyFTE,VacantFTE,StartersFTE,LeaversFTE,Cases,CaseHoldingFTE,TrainingRequired,TrainingCompleted';
const FILE = 'hr/workforce.csv';

let store: Store;
before(async () => {
  store = await openTestStore();
});
after(() => store.close());

async function stored() {
  const { rows } = await sql<Record<string, unknown>>`SELECT to_char(month, 'YYYY-MM-DD') AS month, team, employed_fte, agency_fte,
      vacant_fte, starters_fte, leavers_fte, cases, case_holding_fte, training_required, training_completed
    FROM workforce_month ORDER BY month, team`.execute(store.db);
  return rows;
}

async function accepts(content: string) {
  const result = await importFiles(store, [{ name: FILE, content }], { user: 'tester' });
  assert.deepEqual(result.errors, []);
  assert.equal(result.status, 'accepted');
  assert.equal(result.files[0]?.table, 'Social care workforce');
  return result;
}

const rejects = (files: ImportFile[], expected: Where[], message?: RegExp) => expectRejected(store, stored, files, expected, message);

describe('workforce import', () => {
  test('stores each team and month; YYYY-MM, MM/YYYY and a date in the month are the same month', async () => {
    await accepts(
      csv(
        HEADER,
        '2025-04,Assessment,10.5,2,3,1,0.5,180,11.5,40,36',
        '05/2025,Assessment,10,2.5,3,0,1,175,11,40,38',
        '17/06/2025,Assessment,9.6,3,3.4,0,0.4,170,12,40,40',
        '2025-06,Disabled children,6,1,1,0,0,90,6,20,15',
      ),
    );
    const rows = await stored();
    assert.deepEqual(rows.map((r) => [r.month, r.team]), [
      ['2025-04-01', 'Assessment'], ['2025-05-01', 'Assessment'], ['2025-06-01', 'Assessment'], ['2025-06-01', 'Disabled children'],
    ]);
    assert.deepEqual(rows[0], {
      month: '2025-04-01', team: 'Assessment', employed_fte: 10.5, agency_fte: 2, vacant_fte: 3, starters_fte: 1, leavers_fte: 0.5,
      cases: 180, case_holding_fte: 11.5, training_required: 40, training_completed: 36,
    });
  });

  test('re-importing a month replaces its figures and adds nothing', async () => {
    await accepts(csv(HEADER, '2025-06,Disabled children,7,0,1,1,0,95,7,20,20'));
    const rows = await stored();
    assert.equal(rows.length, 4);
    assert.deepEqual(rows.find((r) => r.team === 'Disabled children' && r.month === '2025-06-01')?.employed_fte, 7);
  });

  test('a negative figure, a fractional count and a bad month are refused cell by cell', () =>
    rejects([{ name: FILE, content: csv(HEADER, '2025-07,Assessment,-1,0,0,0,0,10.5,1,4,4', '2025-13,Assessment,1,0,0,0,0,1,1,4,4') }], [
      [FILE, 2, 'EmployedFTE', 'negative'],
      [FILE, 2, 'Cases', 'whole-number'],
      [FILE, 3, 'Month', 'month'],
    ], /EmployedFTE must not be negative/));

  test('more case-holders than staff, training completed over required, cases with no case-holders', () =>
    rejects([{ name: FILE, content: csv(HEADER, '2025-07,Assessment,5,1,0,0,0,60,6.5,10,11', '2025-07,Child protection,5,0,0,0,0,12,0,10,10') }], [
      [FILE, 2, 'CaseHoldingFTE', 'case-holders'],
      [FILE, 2, 'TrainingCompleted', 'training-over'],
      [FILE, 3, 'CaseHoldingFTE', 'no-case-holders'],
    ]));

  test('blank and non-numeric cells, a month not begun, a team twice in a month', () =>
    rejects([{ name: FILE, content: csv(HEADER, '2099-01,Assessment,1,0,0,0,0,1,1,1,1', '2025-07,,1,0,0,0,0,1,1,1,1', '2025-07,Leaving care,x,0,0,0,0,1,1,1,1', '2025-08,Leaving care,1,0,0,0,0,1,1,1,1', '2025-08,Leaving care,2,0,0,0,0,1,1,1,1') }], [
      [FILE, 2, 'Month', 'future-date'],
      [FILE, 3, 'Team', 'required'],
      [FILE, 4, 'EmployedFTE', 'number'],
      [FILE, 6, 'Month', 'duplicate'],
    ]));

  test('one bad file rejects the whole run: the good file beside it is not stored', async () => {
    await rejects(
      [
        { name: 'good.csv', content: csv(HEADER, '2025-07,Assessment,10,2,3,0,0,180,11,40,36') },
        { name: 'bad.csv', content: csv(HEADER, '2025-07,Child protection,10,2,3,0,0,180,11,40,41') },
      ],
      [['bad.csv', 2, 'TrainingCompleted', 'training-over']],
    );
    const runs = await store.db.selectFrom('import_run').select('status').orderBy('id', 'desc').limit(1).execute();
    assert.equal(runs[0]?.status, 'rejected');
  });

  test('a header with a column missing names the table it looks like', async () => {
    const result = await importFiles(store, [{ name: FILE, content: csv(HEADER.replace(',TrainingCompleted', ''), '2025-07,A,1,0,0,0,0,1,1,1') }], { user: 'tester' });
    assert.equal(result.status, 'rejected');
    assert.match(result.errors[0]!.message, /looks like Social care workforce but is missing TrainingCompleted/);
  });
});
