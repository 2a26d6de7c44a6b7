// Annex A (Ofsted ILACS lists 1-11): workbooks and CSVs made by hand with headings worded as
// different case systems word them are read by pattern; bad input (a missing sheet, an unknown
// heading, a value of the wrong type, a merged heading cell, a date that is not one) is refused
// with the sheet, row, column and a plain message, and nothing is stored. The generator's workbook
// imports whole. The hand-made workbooks come from exceljs's in-memory writer, which stores the
// sheets before workbook.xml and the shared strings (zip-layout.ts); the generator's from its streaming one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { annexARows, writeAnnexAWorkbook } from '../../src/generate/annexA.ts';
import { streamFor } from '../../src/generate/random.ts';
import { dayOf } from '../../src/generate/days.ts';
import { importFiles } from '../../src/importers/index.ts';
import { ANNEX_A_LISTS } from '../../src/importers/annexA/lists.ts';
import type { ImportError, ImportFile } from '../../src/importers/types.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';

let store: Store;
before(async () => {
  store = await openTestStore();
});
after(() => store.close());

type Cells = (string | number | Date | null)[];
interface Sheet { name: string; rows: Cells[]; merge?: string }

/** A workbook of every list (Ofsted's headings, no rows) with some sheets replaced or left out. */
async function workbook(replace: Record<number, Sheet>, leaveOut: number[] = []): Promise<ImportFile> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Guidance').addRow(['This workbook holds the Annex A lists.']);
  for (const list of ANNEX_A_LISTS) {
    if (leaveOut.includes(list.list)) continue;
    const sheet = replace[list.list] ?? { name: `List ${list.list}`, rows: [list.columns.map((c) => c.name)] };
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row);
    if (sheet.merge) ws.mergeCells(sheet.merge);
  }
  return { name: 'annex_a.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) };
}

async function rows(list: number): Promise<{ child_id: string; data: Record<string, unknown> }[]> {
  return (await sql<{ child_id: string; data: Record<string, unknown> }>`SELECT child_id, data FROM annex_a_row WHERE list = ${list} ORDER BY row_no`.execute(store.db)).rows;
}

async function stored(): Promise<number> {
  return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM annex_a_row`.execute(store.db)).rows[0]!.n;
}

async function refused(file: ImportFile): Promise<ImportError[]> {
  const before = await stored();
  const r = await importFiles(store, [file], { user: 'test' });
  assert.equal(r.status, 'rejected', JSON.stringify(r.files));
  assert.equal(await stored(), before, 'nothing stored');
  return r.errors;
}

// Headings as one case system writes List 1 (a title row above them, another order, other words).
const MESSY_CONTACTS: Sheet = {
  name: 'L1 Contacts',
  rows: [
    ['Annex A List 1: Contacts in the last six months', null, null],
    ['CHILD ID', 'Sex', 'DOB', 'Ethnic group', 'Date Of Contact ', 'Source of contact', 'Age'],
    ['C1', 'b) Female', new Date(Date.UTC(2015, 2, 4)), 'a) WBRI', '03/02/2026', 'g) Police', 10],
    ['C2', 'a) Male', 45000, 'o) BAFR', 46056, 'b) Schools', 2],
    ['C3', 'a) Male', '4/7/2019', 'r) OOTH', '2026-01-09', 'i) Other', 6],
  ],
};

test('a workbook with messy headings, a title row, a guidance sheet and dates as date cells, text and serial numbers imports', async () => {
  const referrals: Sheet = {
    name: 'Referrals (List 3)',
    rows: [
      ['Child Unique Identifier', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)', 'Date of referral', 'Referral Source', 'Referral NFA?', 'No. of referrals in last 12 months', 'Allocated Team', 'Allocated Worker'],
      ['C1', 'b) Female', 'a) WBRI', '04/03/2015', 10, '04/02/2026', 'g) Police', 'No', 1, 'Team A', 'A. Worker'],
    ],
  };
  const r = await importFiles(store, [await workbook({ 1: MESSY_CONTACTS, 3: referrals })], { user: 'test' });
  assert.equal(r.status, 'accepted', JSON.stringify(r.errors));
  const contacts = await rows(1);
  assert.deepEqual(contacts.map((c) => c.child_id), ['C1', 'C2', 'C3']);
  assert.deepEqual(contacts.map((c) => [c.data.birth_date, c.data.contact_date]), [
    ['2015-03-04', '2026-02-03'],
    ['2023-03-15', '2026-02-03'], // Excel serial days 45000 and 46056
    ['2019-07-04', '2026-01-09'],
  ]);
  assert.equal(contacts[0]!.data.contact_source, 'g) Police');
  const [referral] = await rows(3);
  assert.equal(referral!.data.nfa, false);
  assert.equal(referral!.data.referrals_12m, 1);
});

test('importing a list again replaces that list only; a CSV list with its own headings imports', async () => {
  const before2 = await rows(1);
  const r = await importFiles(store, [{ name: 'referrals.csv', content: 'Child ID,Date of Birth,Referral Date,Referral source,NFA\nR9,01/01/2020,10/02/2026,Police,N\nR8,,11/02/2026,Schools,Y\n' }], { user: 'test' });
  assert.equal(r.status, 'accepted', JSON.stringify(r.errors));
  assert.deepEqual((await rows(3)).map((x) => [x.child_id, x.data.referral_date, x.data.nfa]), [['R9', '2026-02-10', false], ['R8', '2026-02-11', true]]);
  assert.deepEqual(await rows(1), before2);
});

test('a workbook without a list refuses the run and names the lists missing', async () => {
  const errors = await refused(await workbook({}, [5, 9]));
  assert.match(errors[0]!.message, /no sheet for Annex A List 5: Section 47 enquiries and ICPCs, Annex A List 9: Care leavers/);
});

test('an unknown heading and a missing required column are named with the sheet', async () => {
  const sheet: Sheet = { name: 'List 1', rows: [['Child ID', 'Gender', 'Favourite colour', 'Contact Source'], ['C1', 'a) Male', 'blue', 'g) Police']] };
  const [e] = await refused(await workbook({ 1: sheet }));
  assert.equal(e!.rule, 'header');
  assert.equal(e!.row, 1);
  assert.match(e!.message, /sheet "List 1"/);
  assert.match(e!.message, /match no Annex A List 1: Contacts column: "Favourite colour"/);
  assert.match(e!.message, /required column "Date of Contact"/);
});

test('a value of the wrong type or a date that is not one is refused with sheet, row and column', async () => {
  const sheet: Sheet = {
    name: 'List 3',
    rows: [
      ['Child Unique ID', 'Date of referral', 'Referral NFA?', 'Number of Referrals in Last 12 Months'],
      ['C1', '04/02/2026', 'N', 'two'],
      ['C2', '31/02/2026', 'maybe', 1],
      ['C3', 'last Tuesday', 'N', 1],
    ],
  };
  const errors = await refused(await workbook({ 3: sheet }));
  const shown = errors.map((e) => [e.file, e.row, e.field, e.rule]);
  assert.deepEqual(shown, [
    ['annex_a.xlsx, sheet "List 3"', 2, 'D "Number of Referrals in Last 12 Months"', 'number'],
    ['annex_a.xlsx, sheet "List 3"', 3, 'B "Date of referral"', 'date'],
    ['annex_a.xlsx, sheet "List 3"', 3, 'C "Referral NFA?"', 'yes-no'],
    ['annex_a.xlsx, sheet "List 3"', 4, 'B "Date of referral"', 'date'],
  ]);
  assert.match(errors[3]!.message, /"last Tuesday" is not a date \(use DD\/MM\/YYYY/);
  assert.match(errors[0]!.message, /"two" is not a whole number/);
});

test('a merged heading cell is refused, naming the column with no heading', async () => {
  const sheet: Sheet = { name: 'List 1', rows: [['Child ID', 'Date of contact', null, 'Contact source'], ['C1', '01/02/2026', '02/02/2026', 'g) Police']], merge: 'B1:C1' };
  const [e] = await refused(await workbook({ 1: sheet }));
  assert.match(e!.message, /sheet "List 1": row 1 \(the headings\): Annex A List 1: Contacts: column C has no heading \(a merged or empty heading cell/);
  // A merged cell at the end of the headings leaves values past the last heading.
  const end: Sheet = { name: 'List 1', rows: [['Child ID', 'Date of contact', 'Contact source', null], ['C1', '01/02/2026', 'g) Police', 'x']], merge: 'C1:D1' };
  const [past] = await refused(await workbook({ 1: end }));
  assert.deepEqual([past!.row, past!.field], [2, 'D']);
  assert.match(past!.message, /value in column D, past the last heading \(C\).*merged heading/);
});

test('a file that is not a workbook is refused plainly', async () => {
  const [e] = await refused({ name: 'annex_a.xlsx', content: 'Child ID,Date of contact\n' });
  assert.match(e!.message, /annex_a\.xlsx is not an Excel workbook \(\.xlsx\) that can be read/);
});

test("the generator's workbook imports whole, every list", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'annex-a-'));
  const path = join(dir, 'annex_a.xlsx');
  const generated = annexARows(streamFor(7, 'annex-a'), dayOf('2026-11-30'), 400);
  await writeAnnexAWorkbook(path, generated);
  const r = await importFiles(store, [{ name: 'annex_a.xlsx', path }], { user: 'test' });
  assert.equal(r.status, 'accepted', JSON.stringify(r.errors.slice(0, 3)));
  for (const list of ANNEX_A_LISTS) assert.equal((await rows(list.list)).length, generated.get(list.list)!.length, `List ${list.list}`);
  assert.ok(generated.get(8)!.length > 0 && generated.get(7)!.length > 0);
});
