import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatErrors, importDirectory, importFiles, MAX_ERRORS } from '../../src/importers/index.ts';
import type { ImportFile } from '../../src/importers/types.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { csv, expectRejected, snapshot, VALID_DIR, validFiles, type Where } from './helpers.ts';

const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
const MISSING = 'CHILD,DOB,MISSING,MIS_START,MIS_END';
const Y = 'ssda903_2025/';

let store: Store;
before(async () => {
  store = await openTestStore();
  const seeded = await importDirectory(store, VALID_DIR, { user: 'seed' });
  assert.equal(seeded.status, 'accepted', JSON.stringify(seeded.errors));
});
after(() => store.close());

/** Imports, expects a rejection with exactly these errors, and checks nothing was stored. */
const rejects = (files: ImportFile[], expected: Where[], message?: RegExp) => expectRejected(store, files, expected, message);

test('a date that does not exist: rule 102 on the DOB cell', () =>
  rejects([{ name: `${Y}header.csv`, content: csv(HEADER, 'C010,M,01/01/2012,WBRI,UN2,,', 'C011,F,31/02/2010,WBRI,UN1,,') }], [
    [`${Y}header.csv`, 3, 'DOB', '102'],
  ], /31\/02\/2010/));

test('a code not in the DfE list: rule 144 on legal status', () =>
  rejects([{ name: `${Y}episodes.csv`, content: csv(EPISODES, 'C003,01/06/2024,S,X9,N5,U6,PR5,,,,AB1 2CD,AB3 4EF,') }], [[`${Y}episodes.csv`, 2, 'LS', '144']]));

test('an episode that ceases before it began: rule 356', () =>
  rejects([{ name: `${Y}episodes.csv`, content: csv(EPISODES, 'C003,01/06/2024,S,C1,N5,U6,PR5,31/05/2024,E13,,AB1 2CD,AB3 4EF,') }], [[`${Y}episodes.csv`, 2, 'DEC', '356']]));

test('a missing episode that ends before it starts (567) or starts after the collection year (570)', () =>
  rejects([{ name: `${Y}missing.csv`, content: csv(MISSING, 'C001,14/05/2010,M,10/01/2025,09/01/2025', 'C001,14/05/2010,A,01/04/2025,') }], [
    [`${Y}missing.csv`, 2, 'MIS_END', '567'],
    [`${Y}missing.csv`, 3, 'MIS_START', '570'],
  ]));

test('EHCP advice received before it was requested', () =>
  rejects([{ name: 'advice.csv', content: csv('RequestID,Partner,RequestedDate,ReceivedDate', 'R3,health,2024-05-10,2024-05-09') }], [
    ['advice.csv', 2, 'ReceivedDate', 'end-before-start'],
  ]));

test('a child in Episodes who is neither in the Header of the import nor stored', () =>
  rejects([{ name: `${Y}episodes.csv`, content: csv(EPISODES, 'C003,01/06/2024,S,C1,N5,U6,PR5,,,,AB1 2CD,AB3 4EF,', 'C999,01/06/2024,S,C1,N5,U6,PR5,,,,AB1 2CD,AB3 4EF,') }], [
    [`${Y}episodes.csv`, 3, 'CHILD', 'INT03'],
  ], /C999/));

test('an unknown header row names the file', () =>
  rejects([{ name: 'mystery.csv', content: csv('Name,Address', 'Someone,Somewhere') }], [['mystery.csv', 1, '', 'header']], /^mystery\.csv: The header row does not match any known table/));

test('a header with columns missing names the nearest table and what is missing', () =>
  rejects([{ name: 'short.csv', content: csv('child,sex,dob,ethnic,upn', 'C1,1,01/01/2010,WBRI,UN1') }], [['short.csv', 1, '', 'header']], /looks like SSDA903 Header but is missing MOTHER, MC_DOB/));

test('an extra column is refused as the wrong file', () =>
  rejects([{ name: 'bench.csv', content: csv('Indicator,Area,Year,Value,Note', 'x,England,2024,1,') }], [['bench.csv', 1, '', 'header']], /looks like Benchmarks but has unexpected columns Note/));

test('a key that appears twice in a file: the second row is reported', () =>
  rejects([{ name: `${Y}episodes.csv`, content: csv(EPISODES, 'C003,01/06/2024,S,C1,N5,U6,PR5,,,,AB1 2CD,AB3 4EF,', 'C003,01/06/2024,S,C2,N5,U6,PR5,,,,AB1 2CD,AB3 4EF,') }], [
    [`${Y}episodes.csv`, 3, 'CHILD', 'duplicate'],
  ], /already on row 2; each must appear once in a file/));

test('a return home interview with no missing episode, and one dated before the return', () =>
  rejects([{ name: 'rhi.csv', content: csv('CHILD,MIS_START,RHI_OFFERED,RHI_COMPLETED,RHI_DECLINED,START_TIME,EXPLOITATION_RISK,THEMES',
    'C001,06/10/2024,08/10/2024,,,,,', 'C001,05/10/2024,06/10/2024,,,,,') }], [
    ['rhi.csv', 2, 'MIS_START', 'missing-episode'],
    ['rhi.csv', 3, 'RHI_OFFERED', 'interview-before-return'],
  ]));

test('EHCP advice for a request that does not exist', () =>
  rejects([{ name: 'advice.csv', content: csv('RequestID,Partner,RequestedDate,ReceivedDate', 'R404,health,2024-05-10,') }], [['advice.csv', 2, 'RequestID', 'request-exists']]));

test('an activity period overlapping a stored continuing one', () =>
  rejects([{ name: 'activity.csv', content: csv('CHILD,ACTIV,START,END', 'C002,F1,01/02/2026,') }], [['activity.csv', 2, 'START', 'overlap']]));

test('OC3 in touch with no activity (345), a bad UPN (168), a birth date in the future and a short row', () =>
  rejects([
    { name: `${Y}oc3.csv`, content: csv('CHILD,DOB,IN_TOUCH,ACTIV,ACCOM', 'C002,02/11/2007,YES,0,D1') },
    { name: `${Y}header.csv`, content: csv(HEADER, 'C020,M,01/01/2012,WBRI,I123456789012,,', 'C021,M,01/01/2099,WBRI,UN1,,', 'C022,1') },
  ], [
    // Causes first: the Header's errors, then OC3's (C002 is not in this return's Header).
    [`${Y}header.csv`, 2, 'UPN', '168'],
    [`${Y}header.csv`, 3, 'DOB', 'future-date'],
    [`${Y}header.csv`, 4, '', 'columns'],
    [`${Y}oc3.csv`, 2, 'ACTIV', '345'],
    [`${Y}oc3.csv`, 2, 'CHILD', 'INT06'],
  ]));

test('one bad file among good ones stores nothing from any of them', async () => {
  const files = validFiles().map((f) => {
    if (f.name.endsWith('strategy.csv')) return { ...f, content: String(f.content).replace('amber', 'red') };
    if (f.name.endsWith('header.csv')) return { ...f, content: String(f.content) + 'C050,M,01/01/2015,WBRI,UN2,,\n' };
    if (f.name.endsWith('episodes.csv')) return { ...f, content: String(f.content) + 'C050,01/05/2024,S,C2,N1,U4,PR1,,,,AB1 2CD,AB3 4EF,\n' };
    if (f.name.endsWith('benchmarks.csv')) return { ...f, content: String(f.content).replace('50.3', '51.0') };
    return f;
  });
  files.push({ name: 'bad/committee.csv', content: csv('ActionID,MeetingDate,Committee,Item,Action,Responsible,DueDate,Status,Response', 'CA9,12/03/2025,Scrutiny,Item,Act,Someone,,closed,') });
  await rejects(files, [['bad/committee.csv', 2, 'Status', 'code']]);
});

test('only the first errors are listed, all are counted', async () => {
  const rows = Array.from({ length: MAX_ERRORS + 100 }, (_, i) => `B${i},England,2024,n/a`);
  const before = await snapshot(store);
  const result = await importFiles(store, [{ name: 'bench.csv', content: csv('Indicator,Area,Year,Value', ...rows) }], { user: 'tester' });
  assert.equal(result.status, 'rejected');
  assert.equal(result.errors.length, MAX_ERRORS);
  assert.equal(result.errorCount, MAX_ERRORS + 100);
  assert.deepEqual(result.errors[0], { file: 'bench.csv', row: 2, field: 'Value', rule: 'number', message: '"n/a" is not a number.', values: 'Value=n/a' });
  assert.match(formatErrors(result.errors, result.errorCount), /and 100 more \(600 errors in all\)/);
  assert.deepEqual(await snapshot(store), before);
});

test('a file that cannot be read is an error, not a crash', () =>
  rejects([{ name: 'gone.csv', path: '/nonexistent/gone.csv' }], [['gone.csv', 0, '', 'file']]));
