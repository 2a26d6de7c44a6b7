// The elective home education pages in headless Chromium: the register over time and by reason for
// everyone (1 to 5 as "<6" for councillors), and the officers' safeguarding list, which is refused
// to councillors and recorded in the audit log when read.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { EHE_REASONS } from '../../src/core/homeEducation.ts';
import { queryAudit } from '../../src/store/audit-log.ts';
import { signIn } from '../helpers-auth.ts';
import { AS_OF } from './fixtures.ts';
import { screenshot } from './harness.ts';
import { eheRows, openPageWorld, type PageWorld } from './workforce-fixtures.ts';

const REGISTER = eheRows();
const onRegister = REGISTER.filter((r) => r.start_date <= AS_OF && (r.end_date === null || r.end_date! > AS_OF));
let world: PageWorld;
before(async () => {
  world = await openPageWorld(async (store) => {
    await store.db.insertInto('ehe_registration').values(REGISTER).execute();
  });
});
after(() => world?.close());

const reasonCells = async (page: Page, reason: string) =>
  (await page.locator(`[data-testid=reasons-table] tr[data-reason="${reason}"] td`).allTextContents()).map((t) => t.trim());

describe('elective home education pages', () => {
  test('officer: cards, charts over time, every reason with exact counts, and a link to the safeguarding list', async () => {
    const page = await world.open(world.officer, '/home-education');
    assert.equal((await page.locator('[data-indicator="ehe_children"] [data-testid=value]').textContent())?.trim(), String(onRegister.length));
    await page.locator('[data-testid=children-chart][data-rendered=true] canvas').waitFor();
    await page.locator('[data-testid=registrations-chart][data-rendered=true] canvas').waitFor();
    assert.equal(await page.locator('[data-testid=reasons-table] tbody tr').count(), Object.keys(EHE_REASONS).length);
    const philosophical = onRegister.filter((r) => r.reason === 'PHILOSOPHICAL').length;
    // Registrations from 1 April 2024 (the financial year of 15 March 2025).
    const newThisYear = REGISTER.filter((r) => r.reason === 'PHILOSOPHICAL' && r.start_date >= '2024-04-01' && r.start_date <= AS_OF).length;
    assert.deepEqual(await reasonCells(page, 'PHILOSOPHICAL'), [String(philosophical), String(newThisYear)]);
    assert.deepEqual(await reasonCells(page, 'BULLYING'), ['0', '0']);
    assert.equal(await page.locator('[data-testid=safeguarding-link]').count(), 1);
    await screenshot(page, 'home-education-officer');
  });

  test('officer: the safeguarding list names the children not engaged and known to social care, child protection first', async () => {
    const page = await world.open(world.officer, '/home-education');
    await page.locator('[data-testid=safeguarding-link]').click();
    await page.waitForURL(/\/home-education\/safeguarding$/);
    const ids = await page.locator('[data-testid=safeguarding-table] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-child')));
    assert.deepEqual(ids, ['HE020', 'HE040', 'HE035']);
    assert.match((await page.locator('[data-testid=safeguarding-table] tr[data-child=HE035]').textContent()) ?? '', /Child in need/);
    await screenshot(page, 'home-education-safeguarding');
    const views = await queryAudit(world.store, { username: 'test.officer', event: 'view' });
    assert.ok(views.some((v) => v.route === '/home-education/safeguarding' && v.status === 200), 'the view is in the audit log');
    assert.ok(!views.some((v) => v.route === '/home-education'), 'the aggregate page is not logged as a record view');
  });

  test('councillor: counts of 1 to 5 shown as "<6", no child named, no list and no way in to it', async () => {
    const page = await world.open(world.councillor, '/home-education');
    const mentalHealth = onRegister.filter((r) => r.reason === 'MENTAL_HEALTH').length;
    const sen = onRegister.filter((r) => r.reason === 'SEN').length;
    assert.ok(mentalHealth >= 6 && sen >= 1 && sen <= 5, `fixture: ${mentalHealth} mental health, ${sen} SEN`);
    assert.equal((await reasonCells(page, 'MENTAL_HEALTH'))[0], String(mentalHealth));
    assert.equal((await reasonCells(page, 'SEN'))[0], '<6');
    const body = (await page.content()) ?? '';
    assert.ok(!REGISTER.some((r) => body.includes(r.child_id)), 'no child id on the page');
    assert.equal(await page.locator('[data-testid=safeguarding-link]').count(), 0);
    await screenshot(page, 'home-education-councillor');
    const session = await signIn(world.running.app, 'councillor');
    assert.equal((await session.inject({ url: '/home-education/safeguarding' })).statusCode, 403);
    assert.equal((await session.inject({ url: '/api/home-education/safeguarding' })).statusCode, 403);
    const api = (await session.inject({ url: '/api/home-education' })).json();
    assert.equal(api.reasons.find((r: { reason: string }) => r.reason === 'SEN').now.text, '<6');
  });
});
