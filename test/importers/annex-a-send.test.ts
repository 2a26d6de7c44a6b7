// Annex A SEND (List 1 EHC plans, List 2 SEN support): the open validator's fake workbook
// (data-to-insight/annex-a-sen-validator-be, MIT; sheets "List_1" and "List_2", which name the
// ILACS lists' numbers) is read as the SEND lists by its headings; hand-made CSVs and sheets with
// headings worded otherwise are read by pattern; bad input is refused with sheet, row and column
// and nothing stored; the generator writes both lists into its Annex A workbook; the EHCP plan
// figures read List 1 while no SEN2 (or case-system plan) is loaded, and never both.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { annexARows, annexASendRows, writeAnnexAWorkbook } from '../../src/generate/annexA.ts';
import { dayOf } from '../../src/generate/days.ts';
import { streamFor } from '../../src/generate/random.ts';
import { ANNEX_A_LISTS } from '../../src/importers/annexA/lists.ts';
import { parseXlsxFile } from '../../src/importers/annexA/xlsx.ts';
import { importFiles } from '../../src/importers/index.ts';
import type { ImportError, ImportFile } from '../../src/importers/types.ts';
import type { Store } from '../../src/store/open.ts';
import { planFigures } from '../../src/store/queries/ehcpPlans.ts';
import { openTestStore } from '../helpers.ts';

const FAKE = join(import.meta.dirname, '../fixtures/annex-a-send/fake_sen.xlsx');

let store: Store;
before(async () => {
  store = await openTestStore();
});
after(() => store.close());

async function rows(list: number): Promise<{ child_id: string; data: Record<string, unknown> }[]> {
  return (await sql<{ child_id: string; data: Record<string, unknown> }>`SELECT child_id, data FROM annex_a_send_row WHERE list = ${list} ORDER BY row_no`.execute(store.db)).rows;
}

async function stored(): Promise<number> {
  return (await sql<{ n: number }>`SELECT (SELECT count(*) FROM annex_a_send_row) + (SELECT count(*) FROM annex_a_row) AS n`.execute(store.db)).rows[0]!.n;
}

async function refused(file: ImportFile): Promise<ImportError[]> {
  const before = Number(await stored());
  const r = await importFiles(store, [file], { user: 'test' });
  assert.equal(r.status, 'rejected', JSON.stringify(r.files));
  assert.equal(Number(await stored()), before, 'nothing stored');
  return r.errors;
}

async function sendWorkbook(sheets: { name: string; rows: (string | number | Date | null)[][] }[]): Promise<ImportFile> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r);
  }
  return { name: 'annex_a_send.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) };
}

test("the open validator's fake workbook imports as SEND Lists 1 and 2 (its sheets are called List_1 and List_2)", async () => {
  const r = await importFiles(store, [{ name: 'fake_sen.xlsx', path: FAKE }], { user: 'test' });
  assert.equal(r.status, 'accepted', JSON.stringify(r.errors.slice(0, 3)));
  const plans = await rows(1);
  assert.deepEqual(plans.map((p) => [p.child_id, p.data.plan_issued, p.data.last_review, p.data.sen_need]), [['will', '2000-01-01', '2000-01-03', 'H5'], ['willis', '2004-02-02', '2011-12-13', 'K1']]);
  assert.deepEqual((await rows(2)).map((p) => [p.child_id, p.data.sen_need, p.data.suspensions]), [['will', 'H5', 10], ['wilbert', 'K', 1]]);
  assert.equal((await sql<{ n: number }>`SELECT count(*)::int AS n FROM annex_a_row`.execute(store.db)).rows[0]!.n, 0, 'no ILACS list was touched');
});

test('a SEND list as CSV with headings worded otherwise imports, and replaces that list only', async () => {
  const before = await rows(2);
  const r = await importFiles(store, [{ name: 'ehcps.csv', content: 'Child ID,DOB,Initial plan issued,Latest annual review,Primary SEN need,Phase\nE1,03/04/2015,01/09/2022,15/10/2025,ASD,Primary\nE2,,2024-01-10,,SLCN,Secondary\n' }], { user: 'test' });
  assert.equal(r.status, 'accepted', JSON.stringify(r.errors));
  assert.deepEqual((await rows(1)).map((p) => [p.child_id, p.data.plan_issued, p.data.last_review, p.data.sen_need, p.data.phase]), [['E1', '2022-09-01', '2025-10-15', 'ASD', 'Primary'], ['E2', '2024-01-10', null, 'SLCN', 'Secondary']]);
  assert.deepEqual(await rows(2), before);
});

test('a SEND workbook without List 2, with an unknown heading or a bad date is refused, naming sheet, row and column', async () => {
  const plans = ['Unique ID', 'Date of birth', 'Date initial EHC plan issued', 'SEN primary need'];
  const missing = await refused(await sendWorkbook([{ name: 'EHC plans', rows: [plans, ['A1', '01/01/2015', '01/01/2024', 'ASD']] }]));
  assert.match(missing[0]!.message, /no sheet for Annex A SEND List 2: SEN support/);
  const support = ['Unique ID', 'SEN primary need', 'Shoe size'];
  const [unknown] = await refused(await sendWorkbook([{ name: 'EHC plans', rows: [plans] }, { name: 'SEN support', rows: [support, ['B1', 'MLD', 9]] }]));
  assert.match(unknown!.message, /sheet "SEN support": row 1 \(the headings\): Annex A SEND List 2: SEN support: these headings match no Annex A SEND List 2: SEN support column: "Shoe size"/);
  const errors = await refused(await sendWorkbook([{ name: 'List_1', rows: [plans, ['A1', '01/01/2015', 'soon', 'ASD']] }, { name: 'List_2', rows: [['Unique ID', 'Gender', 'SEN primary need']] }]));
  assert.deepEqual(errors.map((e) => [e.file, e.row, e.field, e.rule]), [['annex_a_send.xlsx, sheet "List_1"', 2, 'C "Date initial EHC plan issued"', 'date']]);
});

test("the generator's Annex A workbook carries both SEND lists after the ILACS lists, and imports whole", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'annex-a-send-'));
  try {
    const path = join(dir, 'annex_a.xlsx');
    const asOf = dayOf('2026-03-31');
    const send = annexASendRows(streamFor(4, 'annex-a-send'), asOf, 200);
    await writeAnnexAWorkbook(path, annexARows(streamFor(4, 'annex-a'), asOf, 200), ANNEX_A_LISTS, send);
    const r = await importFiles(store, [{ name: 'annex_a.xlsx', path }], { user: 'test' });
    assert.equal(r.status, 'accepted', JSON.stringify(r.errors.slice(0, 3)));
    assert.equal((await rows(1)).length, send.get(1)!.length);
    assert.equal((await rows(2)).length, send.get(2)!.length);
    assert.ok(send.get(1)!.length >= 40 && send.get(2)!.length >= 80);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const SEND_PLANS = 'Unique ID,Date initial EHC plan issued,Date EHC plan last reviewed,SEN primary need,Main education establishment – phase\n' +
  'A,10/01/2024,01/06/2025,ASD,Primary\n' + // a year old by 31 March 2026, reviewed within 12 months
  'B,01/05/2023,01/12/2024,ASD,Secondary\n' + // a year old, last reviewed over 12 months ago
  'C,01/09/2025,,SLCN,Primary\n'; // not a year old: no review due yet
const SEND_SUPPORT = 'Unique ID,Gender,SEN primary need\nS1,F,MLD\nS2,M,SEMH\nS2,M,SEMH\n';

test('EHC plan figures come from Annex A SEND List 1 while no SEN2 or case-system plan is loaded, and from those alone once one is', async () => {
  const fresh = await openTestStore();
  try {
    const r = await importFiles(fresh, [{ name: 'plans.csv', content: SEND_PLANS }, { name: 'support.csv', content: SEND_SUPPORT }], { user: 'test' });
    assert.equal(r.status, 'accepted', JSON.stringify(r.errors));
    const send = await planFigures(fresh, '2026-03-31');
    assert.deepEqual({ ...send, importedAt: typeof send.importedAt }, {
      source: 'annex_a_send', importedAt: 'string', senSupport: 2, asOf: '2026-03-31', inForce: 3,
      byNeed: [{ code: 'ASD', count: 2 }, { code: 'SLCN', count: 1 }], bySetting: [{ code: 'Primary', count: 2 }, { code: 'Secondary', count: 1 }],
      ceasedFrom: '2025-03-31', ceased: [], reviewDue: 2, reviewedInTime: 1,
    });
    // The case system's requests with issued plans: the figures are theirs, the SEND list not added.
    const requests = await importFiles(fresh, [{ name: 'ehcp_requests.csv', path: join(import.meta.dirname, '../fixtures/importers/valid/case/ehcp_requests.csv') }], { user: 'test' });
    assert.equal(requests.status, 'accepted', JSON.stringify(requests.errors));
    const issued = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ehcp_request WHERE start_date <= '2026-03-31'`.execute(fresh.db)).rows[0]!.n;
    const after = await planFigures(fresh, '2026-03-31');
    assert.equal(after.source, 'requests');
    assert.equal(after.inForce, issued, 'plans counted once, from the requests');
    assert.equal(after.senSupport, 2, 'SEN support, which SEN2 does not hold, still from the SEND list');
  } finally {
    await fresh.close();
  }
});

test('a reader whose consumer is slow between sheets (copying into PostgreSQL) loses no sheet', async () => {
  const tables: string[] = [];
  for await (const c of parseXlsxFile({ file: { name: 'fake_sen.xlsx', path: FAKE }, fileNo: 1, today: '2026-03-31', encoding: 'utf-8' })) {
    assert.deepEqual(c.errors, []);
    if (c.table && !tables.includes(c.table.id)) tables.push(c.table.id);
    // The consumer takes its time over each chunk, as a COPY over the network does.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.deepEqual(tables, ['aa_send_plans', 'aa_send_support']);
});
