// The generator's SEN2 and workforce census XML. SEN2: accepted with no errors; imported alone, the EHCP figures (20-week
// timeliness, decisions within 6 weeks) equal those from the same requests as the case system's
// CSV; imported after that CSV (as the demo does) it adds plan details to the same rows, no new
// ones, and changes no figure. The workforce census: each year accepted, measures plausible.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { generate } from '../../src/generate/index.ts';
import * as L from '../../src/generate/layout.ts';
import { CSWW_XML_DIR } from '../../src/generate/cswwXml.ts';
import { SEN2_XML_DIR } from '../../src/generate/sen2Xml.ts';
import { importFiles, xmlFilesUnder, type ImportFile } from '../../src/importers/index.ts';
import { computeIndicators, readIndicators } from '../../src/store/indicators.ts';
import { cswwYearlyMeasures } from '../../src/store/queries/csww.ts';
import { planFigures } from '../../src/store/queries/ehcpPlans.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';

const AS_OF = '2026-11-25';
const dir = mkdtempSync(join(tmpdir(), 'csinsight-sen2-xml-'));
const file = (path: string): ImportFile => ({ name: path, path: join(dir, path) });
let csvStore: Store;
let xmlStore: Store;

before(async () => {
  await generate({ scale: 'small', seed: 5, outDir: dir, asOf: AS_OF });
  [csvStore, xmlStore] = await Promise.all([openTestStore(), openTestStore()]);
});
after(async () => {
  await Promise.all([csvStore.close(), xmlStore.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** EHCP figures SEN2 can give (not those of draft plans or partner advice, which it lacks). */
async function figures(store: Store): Promise<string[]> {
  await computeIndicators(store, { asOf: AS_OF });
  return (await readIndicators(store, AS_OF))
    .filter((r) => r.def.area === 'ehcp' && !/advice|draft/.test(r.def.id))
    .flatMap((r) => r.rows.map((v) => `${r.def.id} ${r.type} ${v.period_start} ${v.numerator} ${v.denominator} ${v.value}`))
    .sort();
}

test('the SEN2 XML is accepted, and its EHCP figures equal those of the same requests as CSV', async () => {
  const xml = xmlFilesUnder(join(dir, SEN2_XML_DIR));
  assert.deepEqual(xml.map((f) => f.name), [`${SEN2_XML_DIR}/sen2_2027.xml`]);
  const fromXml = await importFiles(xmlStore, xml, { user: 'test' });
  assert.deepEqual(fromXml.errors.slice(0, 5), []);
  const fromCsv = await importFiles(csvStore, [file(L.FILES.ehcpRequests)], { user: 'test' });
  assert.deepEqual(fromCsv.errors.slice(0, 5), []);
  const csv = await figures(csvStore);
  assert.ok(csv.length > 20, `${csv.length} figures`);
  assert.deepEqual(await figures(xmlStore), csv);
  const plans = await planFigures(xmlStore, AS_OF);
  assert.ok(plans.inForce > 10 && plans.bySetting.every((s) => s.code !== null) && plans.reviewDue > 0, JSON.stringify(plans));
});

test('after the case system’s CSV, the XML adds plan details to the same rows and changes no figure', async () => {
  const before = await csvStore.db.selectFrom('ehcp_request').select('request_id').execute();
  const csv = await figures(csvStore);
  const r = await importFiles(csvStore, xmlFilesUnder(join(dir, SEN2_XML_DIR)), { user: 'test' });
  assert.deepEqual(r.errors.slice(0, 5), []);
  const rows = await csvStore.db.selectFrom('ehcp_request').selectAll().execute();
  assert.deepEqual(rows.map((q) => q.request_id).sort(), before.map((q) => q.request_id).sort());
  assert.ok(rows.some((q) => q.sen_setting !== null && q.request_id.startsWith('R')));
  assert.deepEqual(await figures(csvStore), csv);
});

test('the workforce census XML of each year in the window is accepted, with measures near England’s', async () => {
  const xml = xmlFilesUnder(join(dir, CSWW_XML_DIR));
  assert.deepEqual(xml.map((f) => f.name), ['csww_xml/csww_2024.xml', 'csww_xml/csww_2025.xml', 'csww_xml/csww_2026.xml']);
  const r = await importFiles(xmlStore, xml, { user: 'test' });
  assert.deepEqual(r.errors.slice(0, 5), []);
  const measures = await cswwYearlyMeasures(xmlStore);
  assert.deepEqual(measures.map((m) => m.year), [2024, 2025, 2026]);
  for (const m of measures) {
    assert.ok(m.turnoverRate! > 3 && m.turnoverRate! < 40 && m.agencyRate! > 3 && m.agencyRate! < 35 && m.caseload! > 10 && m.caseload! < 25, JSON.stringify(m));
  }
});
