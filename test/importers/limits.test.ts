// Hostile sizes and foreign encodings (issue 12, items 2 and 8). A header of a hundred thousand
// columns, a 9 MB line, a runaway quoted cell or an oversized cell is refused with its file, row,
// field and the limit it passed, and nothing is stored. Latin-1 (Windows-1252) and UTF-16 files,
// with or without a BOM, are read as what they are; bytes that are not UTF-8 in a UTF-8 file are
// refused with the line, never stored as U+FFFD.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { importDirectory, importFiles } from '../../src/importers/index.ts';
import { MAX_COLUMNS } from '../../src/importers/limits.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { csv, expectRejected, VALID_DIR } from './helpers.ts';

const COMMITTEE = 'ActionID,MeetingDate,Committee,Item,Action,Responsible,DueDate,Status,Response';
const row = (id: string, committee = 'Scrutiny', response = '') => `${id},12/03/2025,${committee},EHCP timeliness,Report,Director,10/06/2025,open,${response}`;
const F = 'case/committee.csv';

let store: Store;
before(async () => {
  store = await openTestStore();
  assert.equal((await importDirectory(store, VALID_DIR, { user: 'seed' })).status, 'accepted');
});
after(() => store.close());

test('a header of 100,000 columns is refused at its first line, naming the line limit', () =>
  expectRejected(store, [{ name: 'wide.csv', content: Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',') + '\n1\n' }], [['wide.csv', 1, '', 'limit']], /Line 1 is longer than 64 KiB.*MAX_LINE_BYTES/));

test('a short header of more columns than any table could need is refused, naming MAX_COLUMNS', () =>
  expectRejected(store, [{ name: 'wide.csv', content: Array.from({ length: 1000 }, () => 'a').join(',') + '\n' }], [['wide.csv', 1, '', 'limit']], new RegExp(`1,000 columns; at most ${MAX_COLUMNS}.*MAX_COLUMNS`)));

test('a file that is one 9 MB line is refused at line 1', () =>
  expectRejected(store, [{ name: 'line.csv', content: 'x'.repeat(9 << 20) }], [['line.csv', 1, '', 'limit']], /Line 1 is longer than 64 KiB/));

test('a 9 MB line after a good header and row is refused at its row', () =>
  expectRejected(store, [{ name: F, content: csv(COMMITTEE, row('CA9'), 'y'.repeat(9 << 20)) }], [[F, 3, '', 'limit']], /Line 3 is longer than 64 KiB/));

test('a quoted cell that never closes is refused at the row where it starts, naming the row limit', () =>
  expectRejected(store, [{ name: F, content: csv(COMMITTEE, row('CA9'), `CA10,12/03/2025,"${'z'.repeat(1000)}`, ...Array(100).fill('z'.repeat(1000))) }], [[F, 3, '', 'limit']], /Row 3 is longer than 64 KiB.*MAX_LINE_BYTES/));

test('a cell over 8 KiB is refused naming its row, field and the limit', () =>
  expectRejected(store, [{ name: F, content: csv(COMMITTEE, row('CA9'), row('CA10', 'Scrutiny', 'r'.repeat(9000))) }], [[F, 3, 'Response', 'limit']], /longer than 8,192 characters.*MAX_FIELD_CHARS/));

test('a hostile file is refused alone: the other files of the run are still read and reported', async () => {
  const result = await importFiles(store, [{ name: 'line.csv', content: 'x'.repeat(1 << 20) }, { name: F, content: csv(COMMITTEE, row('CA9', 'Scrutiny', ''), 'CA10,not a date') }], { user: 'tester' });
  assert.equal(result.status, 'rejected');
  assert.deepEqual(result.errors.map((e) => [e.file, e.row, e.rule]), [['line.csv', 1, 'limit'], [F, 3, 'columns']]);
});

/** Imports a committee file (action CA7) given as bytes, and gives the Committee stored. */
async function storedCommittee(bytes: Buffer): Promise<string> {
  const result = await importFiles(store, [{ name: F, content: bytes }], { user: 'tester' });
  assert.equal(result.status, 'accepted', JSON.stringify(result.errors));
  return (await store.db.selectFrom('committee_action').select('committee').where('committee_action_id', '=', 'CA7').executeTakeFirstOrThrow()).committee;
}

const committeeFile = (name: string) => csv(COMMITTEE, row('CA7', name));
const swap16 = (b: Buffer) => Buffer.from(b).swap16();

test('Latin-1 (Windows-1252) files are decoded: "Café committee" is stored as written', async () => {
  assert.equal(await storedCommittee(windows1252(committeeFile('Café committee – 2€'))), 'Café committee – 2€');
});

/** Text as Windows-1252 bytes (the characters used here only). */
function windows1252(text: string): Buffer {
  const special: Record<string, number> = { '€': 0x80, '–': 0x96, '’': 0x92 };
  return Buffer.from([...text].map((c) => special[c] ?? c.charCodeAt(0)));
}

test('UTF-16 files, little- or big-endian, with or without a BOM, and UTF-8 with a BOM, are decoded', async () => {
  const text = (enc: string) => committeeFile(`Comité ${enc} – 日本`);
  const le = (t: string) => Buffer.from(t, 'utf16le');
  const cases: [string, Buffer][] = [
    ['UTF-16LE', le(text('UTF-16LE'))],
    ['UTF-16BE', swap16(le(text('UTF-16BE')))],
    ['UTF-16LE with BOM', le(`\uFEFF${text('UTF-16LE with BOM')}`)],
    ['UTF-16BE with BOM', swap16(le(`\uFEFF${text('UTF-16BE with BOM')}`))],
    ['UTF-8 with BOM', Buffer.from(`\uFEFF${text('UTF-8 with BOM')}`)],
  ];
  for (const [enc, bytes] of cases) assert.equal(await storedCommittee(bytes), `Comité ${enc} – 日本`, enc);
});

/** Blank lines enough to push what follows past the pre-flight's look at the file's start. */
const PAST_HEAD = '\n'.repeat(140_000);

test('bytes that are not UTF-8 deep in a UTF-8 file are refused with their line, never stored as U+FFFD', () =>
  expectRejected(
    store,
    [{ name: F, content: Buffer.concat([Buffer.from(csv(COMMITTEE, row('CA7', 'Comité')) + PAST_HEAD), Buffer.from(row('CA8', 'Caf\u00e9 committee'), 'latin1'), Buffer.from('\n')]) }],
    [[F, 140_003, '', 'encoding']],
    /read as UTF-8, but the text on line 140003 is not valid UTF-8.*Save it as CSV UTF-8/,
  ));

test('a file mixing UTF-8 and Latin-1 characters in its first lines is refused, not half decoded', () =>
  expectRejected(store, [{ name: F, content: Buffer.concat([Buffer.from(csv(COMMITTEE, row('CA7', 'Comité'))), Buffer.from(row('CA8', 'Caf\u00e9 committee'), 'latin1')]) }], [[F, 3, '', 'encoding']], /not valid UTF-8/));

test('UTF-16 that is not valid UTF-16 is refused naming the encoding', () =>
  expectRejected(store, [{ name: F, content: Buffer.concat([Buffer.from(committeeFile('x'), 'utf16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]) }], [[F, 3, '', 'encoding']], /not valid UTF-16LE/));
