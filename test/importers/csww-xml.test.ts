// Workforce census (CSWW) XML: a valid return is stored (workers, vacancies) and gives the DfE's
// yearly measures worked out by hand; the same items as CSV give the same measures; bad input
// (malformed XML, a year without a schema, an unknown element, a FTE with too many decimals) is
// refused with line and element path, and so is liia-tools' sample file, which breaks its schema.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFiles } from '../../src/importers/index.ts';
import type { ImportError } from '../../src/importers/types.ts';
import { cswwYearlyMeasures } from '../../src/store/queries/csww.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';

const DIR = join(import.meta.dirname, '../fixtures/csww-xml');
const VALID = readFileSync(join(DIR, 'csww_2024.xml'), 'utf8');

let store: Store;
before(async () => {
  store = await openTestStore();
});
after(() => store.close());

const stored = async () => [await store.db.selectFrom('csww_worker').selectAll().execute(), await store.db.selectFrom('csww_vacancy').selectAll().execute()];

async function refused(content: string): Promise<ImportError[]> {
  const before = await stored();
  const r = await importFiles(store, [{ name: 'csww.xml', content }], { user: 'test' });
  assert.equal(r.status, 'rejected');
  assert.deepEqual(await stored(), before, 'nothing stored');
  return r.errors;
}

const lineOf = (text: string, s: string) => text.split('\n').findIndex((l) => l.includes(s)) + 1;

test('bad input: line and element path, nothing stored', async () => {
  const broken = VALID.replace('<Cases30>18</Cases30>', '<Cases30>18</Cases3>');
  assert.deepEqual((await refused(broken)).map((e) => [e.rule, e.row]), [['xml', lineOf(broken, '</Cases3>')]]);
  assert.deepEqual((await refused(VALID.replace('<Year>2024</Year>', '<Year>2019</Year>'))).map((e) => e.rule), ['schema-year']);
  const unknown = await refused(VALID.replace('<Cases30>18</Cases30>', '<Cases30>18</Cases30><Pets>1</Pets>'));
  assert.deepEqual(unknown.map((e) => [e.row, e.field, e.rule]), [[lineOf(VALID, 'AB0000000001'), 'Message/CSWWWorker[1]/Pets', 'schema']]);
  const fte = await refused(VALID.replace('<FTE>0.500000</FTE>', '<FTE>0.5000001</FTE>'));
  assert.deepEqual(fte.map((e) => e.field), ['Message/CSWWWorker[2]/FTE']);
  assert.match(fte[0]!.message, /more than 6 decimal places/);
  const ref = await refused(VALID.replace('<ReferenceDate>2024-09-30</ReferenceDate>', '<ReferenceDate>2024-03-31</ReferenceDate>'));
  assert.deepEqual(ref.map((e) => e.rule), ['header']);
  const twice = await refused(VALID.replace('AB0000000002', 'AB0000000001'));
  assert.ok(twice.some((e) => e.rule === 'duplicate'), JSON.stringify(twice));
});

test('liia-tools’ sample file is refused: the workers its schema requires QualInst of, a leaver after the census date', async () => {
  const sample = readFileSync(join(DIR, 'social_work_workforce_2022.xml'), 'utf8');
  const errors = await refused(sample);
  assert.ok(errors.some((e) => e.rule === 'schema' && /^Message\/CSWWWorker\[\d+\]\/QualInst$/.test(e.field) && /QualInst, which is required/.test(e.message)), JSON.stringify(errors.slice(0, 3)));
  assert.ok(errors.some((e) => e.rule === 'after-census' && e.field.endsWith('/RoleEndDate')));
});

const HAND = {
  // In post: 1 + 0.5 + 1 FTE (the agency worker and the leaver are not). Leaver 0.8 FTE: 0.8 / 2.5.
  year: 2024, inPostFte: 2.5, turnoverRate: 32,
  // Agency 8 / (8 + 2.5); vacancies 10 / (10 + 2.5).
  agencyRate: (100 * 8) / 10.5, vacancyRate: 80,
  // 16 days lost over 2.5 FTE; one of three in post absent on 30 September.
  daysLostPerFte: 6.4, absentRate: 100 / 3,
  // Cases 18 + 10 + 20 (agency worker included) over the FTE holding them, 1 + 0.5 + 1.
  caseload: 19.2,
};

test('a valid return is stored and gives the DfE’s yearly measures, worked out by hand', async () => {
  const r = await importFiles(store, [{ name: 'csww_2024.xml', content: VALID }], { user: 'test' });
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.files, [{ file: 'csww_2024.xml', table: 'Social work workforce census (XML)', rows: 5 }]);
  const [m] = await cswwYearlyMeasures(store);
  for (const [k, v] of Object.entries(HAND)) assert.ok(Math.abs((m as unknown as Record<string, number>)[k]! - v) < 1e-9, `${k}: ${(m as unknown as Record<string, number>)[k]} not ${v}`);
});

test('the same census as CSV gives the same measures', async () => {
  const fresh = await openTestStore();
  try {
    const workers = [
      'Year,SWENo,AgencyWorker,FTE,OrgRole,RoleStartDate,RoleEndDate,ReasonLeave,FTE30,Cases30,WorkingDaysLost,Absat30Sept',
      '2024,AB0000000001,0,1,5,06/01/2020,,,,18,4,0',
      '2024,AB0000000002,0,0.5,5,01/03/2022,,,,10,12,1',
      '2024,AB0000000003,0,1,3,01/09/2015,,,,0,0,0',
      '2024,AB0000000004,0,0.8,5,04/05/2021,15/03/2024,1,0.8,,,0',
      '2024,AB0000000005,1,1,5,,,,,20,,0',
    ].join('\n');
    const vacancies = 'Year,NumberOfVacancies,NoAgencyFTE,NoAgencyHeadcount\n2024,10,8,9\n';
    const r = await importFiles(fresh, [{ name: 'csww_workers.csv', content: workers }, { name: 'csww_vacancies.csv', content: vacancies }], { user: 'test' });
    assert.deepEqual(r.errors, []);
    await importFiles(store, [{ name: 'csww_2024.xml', content: VALID }], { user: 'test' });
    assert.deepEqual(await cswwYearlyMeasures(fresh), await cswwYearlyMeasures(store));
  } finally {
    await fresh.close();
  }
});
