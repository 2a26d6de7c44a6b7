// The SSDA903 return as the XML case systems export (importers/xml/ssda903.ts): recognised by its
// root element, read into the same rows as the CSV tables and checked by the same rules, so the
// generator's return written both ways gives the same errors and the same stored rows; the open
// validator's fake XML is checked with errors naming file, line, element path, child and field.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { importFiles } from '../../src/importers/index.ts';
import { runErrors } from '../../src/importers/report.ts';
import type { ImportError, ImportFile } from '../../src/importers/types.ts';
import { generate } from '../../src/generate/index.ts';
import { ssda903Xml, ssda903XmlOfFolder, tableOfFile } from '../../src/generate/ssda903Xml.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { snapshot } from './helpers.ts';

const FAKE = join(import.meta.dirname, '../fixtures/ssda903-validator/fake_903.xml');
const AS_OF = '2026-09-30';
let store: Store;
let dir: string;
before(async () => {
  store = await openTestStore();
  dir = mkdtempSync(join(tmpdir(), 'csinsight-903-xml-'));
  await generate({ scale: 'small', seed: 3, outDir: dir, asOf: AS_OF });
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The generator's SSDA903 returns, each as its folder of CSV files and as one XML file (named for its year). */
function returns(edit: (name: string, text: string) => string = (_n, t) => t): { csv: ImportFile[]; xml: ImportFile[] } {
  const folders = readdirSync(dir).filter((d) => d.startsWith('ssda903_')).sort();
  assert.ok(folders.length >= 2, 'several years');
  const csv = folders.flatMap((f) => readdirSync(join(dir, f)).map((n) => ({ name: `${f}/${n}`, content: edit(`${f}/${n}`, readFileSync(join(dir, f, n), 'utf8')) })));
  const xml = folders.map((f) => {
    const tables: Record<string, Record<string, string>[]> = {};
    for (const file of csv.filter((c) => c.name.startsWith(`${f}/`))) {
      const [head, ...lines] = file.content.trim().split('\n');
      const cols = head!.split(',').map((c) => c.trim().toUpperCase());
      tables[tableOfFile(file.name.slice(f.length + 1))!] = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
    }
    return { name: `${f}.xml`, content: ssda903Xml(tables) };
  });
  return { csv, xml };
}

/** An error as both forms must give it: its place (row, field) is the file's own. */
const gist = (errors: ImportError[]) => errors.map((e) => [e.rule, e.child ?? '', e.message, e.values ?? ''].join(' | ')).sort();

test('the generator\'s returns as CSV and as XML: the same errors, by rule, child, message and values', async () => {
  // One refused UPN, one unknown placement and one episode ending before it starts.
  let episodes = 0;
  const broken = returns((name, text) => {
    if (name.endsWith('header.csv') && name.includes('2026')) return text.replace(/\n([^,\n]+),([^,\n]*),([^,\n]*),([^,\n]*),([^,\n]*),/, '\n$1,$2,$3,$4,BAD1,');
    if (name.endsWith('episodes.csv') && name.includes('2027') && episodes++ === 0) {
      const lines = text.split('\n');
      const cells = lines[1]!.split(',');
      cells[5] = 'XX';
      lines[1] = cells.join(',');
      return lines.join('\n');
    }
    return text;
  });
  const fromCsv = await importFiles(store, broken.csv, { user: 'tester', checkOnly: true });
  const fromXml = await importFiles(store, broken.xml, { user: 'tester', checkOnly: true });
  assert.equal(fromCsv.status, 'rejected');
  assert.equal(fromXml.status, 'rejected');
  const csvErrors = await runErrors(store, fromCsv.runId);
  const xmlErrors = await runErrors(store, fromXml.runId);
  assert.ok(csvErrors.some((e) => e.rule === '168') && csvErrors.some((e) => e.rule === '146'), JSON.stringify(csvErrors.slice(0, 5)));
  assert.deepEqual(gist(xmlErrors), gist(csvErrors));
  // The XML's errors name the element: EXPSSDA903/CHILD[n]/HEADER/UPN, .../EPISODE[n]/PL.
  assert.match(xmlErrors.find((e) => e.rule === '168')!.field, /^EXPSSDA903\/CHILD\[\d+\]\/HEADER\/UPN$/);
  assert.match(xmlErrors.find((e) => e.rule === '146')!.field, /^EXPSSDA903\/CHILD\[\d+\]\/EPISODE\[\d+\]\/PL$/);
});

test('the same returns stored from CSV, then from XML: every row the same (nothing added, changed or removed)', async () => {
  const { csv, xml } = returns();
  const stored = await importFiles(store, csv, { user: 'tester' });
  assert.equal(stored.status, 'accepted', JSON.stringify(stored.errors.slice(0, 5)));
  assert.ok(stored.changes!.find((c) => c.table === 'episodes')!.added > 50);
  // Episodes open across 31 March are in two years' returns of the run, and keep both years.
  const { rows } = await sql<{ n: number; bad: number }>`SELECT count(*) FILTER (WHERE cardinality(returns) > 1)::int AS n,
      count(*) FILTER (WHERE returns IS NULL OR returns <> ARRAY(SELECT DISTINCT x FROM unnest(returns) x ORDER BY x))::int AS bad FROM la_episode`.execute(store.db);
  assert.ok(rows[0]!.n > 0);
  assert.equal(rows[0]!.bad, 0, 'each row\'s years once each, in order');
  const before = await snapshot(store);
  const again = await importFiles(store, xml, { user: 'tester' });
  assert.equal(again.status, 'accepted', JSON.stringify(again.errors.slice(0, 5)));
  assert.deepEqual(again.files.map((f) => f.table), xml.map(() => 'SSDA903 (XML)'));
  for (const c of again.changes!) assert.deepEqual([c.table, c.changed, c.removed], [c.table, 0, 0]);
  assert.deepEqual(again.changes!.filter((c) => c.added > 0).map((c) => c.table), [], 'the XML holds no row the CSV did not');
  assert.deepEqual(await snapshot(store), before);
  // And the writer reads back a folder the generator wrote.
  const folder = readdirSync(dir).find((d) => d.startsWith('ssda903_'))!;
  assert.match(ssda903XmlOfFolder(join(dir, folder)), /^<\?xml[^>]*>\n<EXPSSDA903>\n<CHILD><HEADER><CHILDID>/);
});

test('the open validator\'s fake XML: checked by its year\'s rules, each error with file, line, element path, child and field', async () => {
  const result = await importFiles(store, [{ name: 'ssda903-validator/fake_903.xml', path: FAKE }], { user: 'tester', year: 2023, checkOnly: true });
  assert.equal(result.status, 'rejected');
  assert.deepEqual(result.files, [{ file: 'ssda903-validator/fake_903.xml', table: 'SSDA903 (XML)', rows: 253 }]);
  const errors = await runErrors(store, result.runId);
  assert.deepEqual(errors.filter((e) => ['xml', 'xml-element', 'year', 'database'].includes(e.rule)), []);
  assert.deepEqual(errors.find((e) => e.rule === '168' && e.child === '907440'), {
    file: 'ssda903-validator/fake_903.xml', row: 2, child: '907440', field: 'EXPSSDA903/CHILD[1]/HEADER/UPN', rule: '168',
    message: '"O013219285333" is not a valid UPN (a letter and 12 digits, or UN1 to UN5).', values: 'UPN=O013219285333',
  });
  const review = errors.find((e) => e.rule === '440' && e.child === '907440')!;
  assert.equal(review.field, 'EXPSSDA903/CHILD[1]/HEADER/AREVIEW[1]/REVIEW_CODE');
  assert.ok(new Set(errors.map((e) => e.rule)).size > 10);
});

test('an element the export does not have, and a file without a year, are refused by name', async () => {
  const xml = '<?xml version="1.0"?>\n<EXPSSDA903>\n<CHILD><HEADER><CHILDID>X1</CHILDID><SEX>1</SEX><DOB>01/01/2010</DOB><ETHNIC>WBRI</ETHNIC><UPN>UN2</UPN>\n<COLOUR>red</COLOUR></HEADER></CHILD>\n</EXPSSDA903>\n';
  const odd = await importFiles(store, [{ name: 'return.xml', content: xml }], { user: 'tester', year: 2023, checkOnly: true });
  assert.deepEqual(odd.errors.map((e) => [e.row, e.field, e.rule, e.child]), [[4, 'EXPSSDA903/CHILD[1]/HEADER/COLOUR', 'xml-element', 'X1']]);
  const noYear = await importFiles(store, [{ name: 'return.xml', content: xml }], { user: 'tester', checkOnly: true });
  assert.deepEqual(noYear.errors.map((e) => e.rule), ['year']);
});
