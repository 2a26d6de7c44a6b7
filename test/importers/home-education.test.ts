// The elective home education register: spells stored with their codes and defaults; bad rows,
// overlapping spells and a child with two birth dates are rejected by file, row, field and rule,
// and a rejected run stores nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { importFiles } from '../../src/importers/index.ts';
import type { ImportFile } from '../../src/importers/types.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { csv } from './helpers.ts';
import { expectRejected, type Where } from './rejection.ts';

const HEADER = 'ChildID,DOB,Sex,StartDate,EndDate,EndReason,ReasonCode,Engaged,SocialCareStatus,SENProvision';
const FILE = 'education/ehe_register.csv';

let store: Store;
before(async () => {
  store = await openTestStore();
});
after(() => store.close());

async function stored() {
  const { rows } = await sql<Record<string, unknown>>`SELECT child_id, to_char(start_date, 'YYYY-MM-DD') AS start_date,
      to_char(dob, 'YYYY-MM-DD') AS dob, sex, to_char(end_date, 'YYYY-MM-DD') AS end_date, end_reason, reason, engaged, social_care, sen
    FROM ehe_registration ORDER BY child_id, start_date`.execute(store.db);
  return rows;
}

const rejects = (files: ImportFile[], expected: Where[], message?: RegExp) => expectRejected(store, stored, files, expected, message);

describe('elective home education import', () => {
  test('stores each spell; blank status and SEN mean none; a child can return to the register', async () => {
    const result = await importFiles(store, [{
      name: FILE,
      content: csv(
        HEADER,
        'E1,01/03/2012,F,10/09/2024,,,PHILOSOPHICAL,Y,,',
        'E2,05/05/2010,M,15/01/2025,20/04/2025,SCHOOL,mental_health,Y,CIN,K',
        'E2,05/05/2010,M,2025-06-01,,,BULLYING,N,CIN,K',
      ),
    }], { user: 'tester' });
    assert.deepEqual(result.errors, []);
    assert.equal(result.files[0]?.table, 'Elective home education register');
    assert.deepEqual(await stored(), [
      { child_id: 'E1', start_date: '2024-09-10', dob: '2012-03-01', sex: 'F', end_date: null, end_reason: null, reason: 'PHILOSOPHICAL', engaged: true, social_care: 'NONE', sen: 'N' },
      { child_id: 'E2', start_date: '2025-01-15', dob: '2010-05-05', sex: 'M', end_date: '2025-04-20', end_reason: 'SCHOOL', reason: 'MENTAL_HEALTH', engaged: true, social_care: 'CIN', sen: 'K' },
      { child_id: 'E2', start_date: '2025-06-01', dob: '2010-05-05', sex: 'M', end_date: null, end_reason: null, reason: 'BULLYING', engaged: false, social_care: 'CIN', sen: 'K' },
    ]);
  });

  test('codes outside the lists and a blank reason are refused, naming the field (a blank required code breaks the code rule)', () =>
    rejects([{ name: FILE, content: csv(HEADER, 'E9,01/01/2012,X,01/02/2025,,,HOLIDAY,Y,CP,E', 'E8,01/01/2012,F,01/02/2025,,,,maybe,,Z') }], [
      [FILE, 2, 'Sex', 'code'],
      [FILE, 2, 'ReasonCode', 'code'],
      [FILE, 3, 'ReasonCode', 'code'],
      [FILE, 3, 'Engaged', 'yes-no'],
      [FILE, 3, 'SENProvision', 'code'],
    ], /"X" is not a valid code/));

  test('an end before the start, an end without a reason, a reason without an end, a child not of school age', () =>
    rejects([{
      name: FILE,
      content: csv(
        HEADER,
        'E9,01/01/2012,F,01/02/2025,01/01/2025,SCHOOL,OTHER,Y,,',
        'E8,01/01/2012,F,01/02/2025,01/03/2025,,OTHER,Y,,',
        'E7,01/01/2012,F,01/02/2025,,MOVED,OTHER,Y,,',
        'E6,01/01/2023,F,01/02/2025,,,OTHER,Y,,',
        'E5,01/01/2005,F,01/02/2025,,,OTHER,Y,,',
      ),
    }], [
      [FILE, 2, 'EndDate', 'end-before-start'],
      [FILE, 3, 'EndReason', 'end-reason'],
      [FILE, 4, 'EndDate', 'end-reason'],
      [FILE, 5, 'StartDate', 'school-age'],
      [FILE, 6, 'StartDate', 'school-age'],
    ]));

  test('a spell overlapping a stored one, and a second date of birth for a stored child', () =>
    rejects([{ name: FILE, content: csv(HEADER, 'E1,01/03/2012,F,01/01/2025,,,LIFESTYLE,Y,,', 'E2,06/05/2010,M,01/05/2025,10/05/2025,MOVED,OTHER,Y,,') }], [
      [FILE, 2, 'StartDate', 'overlap'],
      [FILE, 3, 'DOB', 'dob-differs'],
    ], /overlaps another for the same child \(10\/09\/2024 to now and one starting 01\/01\/2025\)/));

  test('one bad row in a second file rejects the run: the good file is not stored', () =>
    rejects([
      { name: 'a.csv', content: csv(HEADER, 'E20,01/01/2013,F,01/02/2025,,,SEN,N,NONE,E') },
      { name: 'b.csv', content: csv(HEADER, 'E21,01/01/2013,F,31/02/2025,,,SEN,N,NONE,E') },
    ], [['b.csv', 2, 'StartDate', 'date']]));
});
