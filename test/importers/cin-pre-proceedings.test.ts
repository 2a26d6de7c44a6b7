// Pre-proceedings in the 2026-27 CIN census (PreProceedingsandFGDM, as in the CIN validator's
// fake_data/CIN_Census_2026.xml): parsed and stored, its rules checked (a date before the start is
// refused; the group is refused in a 2025-26 return), and the Child protection page's count of
// children in pre-proceedings, through the same small-number suppression as its other counts; the
// run page lists the return's queries.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { importFiles } from '../../src/importers/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { formatNumber } from '../../src/server/format.ts';
import type { Store } from '../../src/store/open.ts';
import { childProtectionTotals } from '../../src/store/queries/childProtection.ts';
import { signIn } from '../helpers-auth.ts';
import { openTestStore } from '../helpers.ts';

const AS_OF = '2026-11-30';

/** A child referred on `referral` with one pre-proceedings group (`pp`: its elements' XML). */
const child = (id: string, referral: string, pp: string) => `
    <Child>
      <ChildIdentifiers><LAchildID>${id}</LAchildID><UPNunknown>UN1</UPNunknown><PersonBirthDate>2022-05-01</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
      <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>${referral}</CINreferralDate><ReferralSource>6</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
        <Assessments><AssessmentActualStartDate>${referral}</AssessmentActualStartDate></Assessments>
        <ReferralNFA>0</ReferralNFA>
        <PreProceedingsandFGDM>${pp}</PreProceedingsandFGDM>
      </CINdetails>
    </Child>`;

const census = (year: number, children: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<Message>
  <Header>
    <CollectionDetails><Collection>CIN</Collection><Year>${year}</Year><ReferenceDate>${year}-03-31</ReferenceDate></CollectionDetails>
    <Source><SourceLevel>L</SourceLevel><LEA>999</LEA><SoftwareCode>csinsight test</SoftwareCode><Release>1</Release><SerialNo>001</SerialNo><DateTime>2026-11-30T09:00:00</DateTime></Source>
  </Header>
  <Children>${children.join('')}
  </Children>
</Message>`;

// The validator's group (its dates a year earlier, so they are in 2026-27 and before AS_OF), still open.
const OPEN = `<PPStartDate>2026-06-09</PPStartDate><LBPSentDate>2026-06-20</LBPSentDate><FGDMMeetingOffer>1</FGDMMeetingOffer><FGDMMeetingFac>1</FGDMMeetingFac>
  <InitialPPMeetingDate>2026-06-28</InitialPPMeetingDate><ReviewMeetingsCount>3</ReviewMeetingsCount>`;
const DECIDED = `<PPStartDate>2026-05-04</PPStartDate><StepDecisionDate>2026-08-01</StepDecisionDate><PPOutcome>A</PPOutcome>`;

let store: Store;
let app: FastifyInstance;
let acceptedRun = 0;
before(async () => {
  store = await openTestStore();
  app = await buildApp({ store, asOf: AS_OF });
});
after(async () => {
  await app.close();
  await store.close();
});

test('2026-27: pre-proceedings stored; a date before the start, or the group in 2025-26, refused', async () => {
  const before = await importFiles(store, [{ name: 'pp.xml', content: census(2027, [child('P1', '2026-05-01', OPEN.replace('2026-06-20', '2026-06-01'))]) }], { user: 'test' });
  assert.equal(before.status, 'rejected');
  assert.deepEqual(before.errors.map((e) => [e.rule, e.field]), [['pp-date-before-start', 'Message/Children/Child[1]/CINdetails[1]/PreProceedingsandFGDM[1]/LBPSentDate']]);
  const lastYear = await importFiles(store, [{ name: 'pp.xml', content: census(2026, [child('P1', '2025-05-01', OPEN)]) }], { user: 'test' });
  assert.ok(lastYear.errors.some((e) => e.rule === 'schema' && /PreProceedingsandFGDM.*schema of 2027/.test(e.field + e.message)), JSON.stringify(lastYear.errors));

  const ok = await importFiles(store, [{ name: 'pp.xml', content: census(2027, [child('P1', '2026-05-01', OPEN), child('P2', '2026-05-01', DECIDED)]) }], { user: 'test' });
  assert.deepEqual([ok.status, ok.errors], ['accepted', []]);
  acceptedRun = ok.runId;
  const rows = await store.db.selectFrom('cin_pre_proceedings').selectAll().orderBy('la_child_id').execute();
  assert.deepEqual(rows.map((r) => [r.la_child_id, r.fgdm_offered, r.fgdm_facilitated, r.review_meetings, r.outcome]), [['P1', true, true, 3, null], ['P2', null, null, null, 'A']]);
  assert.equal((await childProtectionTotals(store, { from: '2025-12-01', to: AS_OF })).inPreProceedings, 1, 'P2 has its step decision');
});

test('the Child protection page counts children in pre-proceedings, as "<6" for a councillor', async () => {
  const officer = await signIn(app, 'officer');
  const councillor = await signIn(app, 'councillor');
  const page = await officer.inject({ method: 'GET', url: '/child-protection' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`data-testid="pre-proceedings">${formatNumber(1)}<`));
  const api = await councillor.inject({ method: 'GET', url: '/api/child-protection' });
  assert.equal(api.json().totals.inPreProceedings, '<6');
});

test('the import run page lists the accepted return\'s queries', async () => {
  const officer = await signIn(app, 'officer');
  const page = await officer.inject({ method: 'GET', url: `/import/runs/${acceptedRun}` });
  assert.equal(page.statusCode, 200);
  const table = page.body.slice(page.body.indexOf('data-testid="import-queries"'));
  assert.ok(table.length < page.body.length, 'a queries table');
  for (const code of ['2887Q', '2888Q']) assert.ok(table.includes(`>${code}<`), code);
});
