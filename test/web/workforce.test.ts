// The workforce page in headless Chromium: indicator cards, the stability chart beside timeliness
// with its plain-English note, and the team table, as an officer (exact figures) and a councillor
// (a team's figures resting on 1 to 5 FTE withheld).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { indicatorById } from '../../src/core/indicators/index.ts';
import { formatNumber } from '../../src/server/format.ts';
import { indicatorBreakdown } from '../../src/store/indicators.ts';
import { signIn } from '../helpers-auth.ts';
import { AS_OF } from './fixtures.ts';
import { screenshot } from './harness.ts';
import { CHURN_TEAM, openPageWorld, TEAMS, workforceRows, type PageWorld } from './workforce-fixtures.ts';

let world: PageWorld;
before(async () => {
  world = await openPageWorld(async (store) => {
    await store.db.insertInto('workforce_month').values(workforceRows()).execute();
  });
});
after(() => world?.close());

const cell = (page: Page, team: string, id: string) => page.locator(`[data-testid=team-table] tr[data-team="${team}"] td[data-indicator="${id}"]`);

describe('workforce page', () => {
  test('officer: cards match the stored quarter, the chart draws with a note that a correlation is not a cause, each team shown exactly', async () => {
    const page = await world.open(world.officer, '/workforce');
    const stored = await world.store.db.selectFrom('indicator_value').selectAll()
      .where('indicator_id', '=', 'workforce_agency_rate').where('period_type', '=', 'quarter').where('period_start', '=', '2025-01-01')
      .executeTakeFirstOrThrow();
    const card = page.locator('[data-indicator="workforce_agency_rate"]');
    assert.equal((await card.locator('[data-testid=value]').textContent())?.trim(), formatNumber(stored.value, 'percent'));
    assert.equal(await page.locator('.council-card[data-indicator^="workforce_"]').count(), 6);
    await page.locator('[data-testid=stability-chart][data-rendered=true] canvas').waitFor();
    const note = (await page.locator('[data-testid=stability-note]').textContent()) ?? '';
    assert.match(note, /not proof that one caused the other/);
    assert.match(note, /r = -?\d\.\d\d over \d+ months/);
    assert.match(note, /EHC plans issued within 20 weeks/);
    // Months in the chart's table: 24, the last the latest return (March 2025, still running on AS_OF).
    const rows = page.locator('[data-testid=stability-table] tbody tr');
    assert.equal(await rows.count(), 24);
    assert.equal((await rows.last().locator('th').textContent())?.trim(), 'Mar 2025 to 15 March');
    await screenshot(page, 'workforce-officer');

    // The team table: each team for the latest month, exact figures with the FTE behind them.
    assert.match((await page.locator('h2#teams').textContent()) ?? '', /Mar 2025/);
    assert.equal(await page.locator('[data-testid=team-table] tbody tr').count(), TEAMS.length);
    const [agency] = (await indicatorBreakdown(world.store, 'workforce_agency_rate', 'team', 'month', '2025-03-01', AS_OF)).filter((r) => r.key === 'Assessment');
    const text = (await cell(page, 'Assessment', 'workforce_agency_rate').textContent()) ?? '';
    assert.match(text, new RegExp(`^${formatNumber(agency!.value, 'percent').replace('.', '\\.')}`));
    assert.match(text, new RegExp(`${agency!.numerator} of ${agency!.denominator}`));
    assert.match((await cell(page, CHURN_TEAM, 'workforce_turnover_rate').textContent()) ?? '', /%/);
  });

  test('choosing a team and a month redraws for them', async () => {
    const page = await world.open(world.officer, '/workforce');
    await page.locator('#team').selectOption(CHURN_TEAM);
    await page.locator('[data-testid=team-form] button').click();
    await page.waitForURL(/team=Disabled\+children/);
    assert.match((await page.locator('[data-testid=stability-table] caption').textContent()) ?? '', /the Disabled children team/);
    assert.match((await page.locator('[data-testid=stability-note]').textContent()) ?? '', /turnover \(the Disabled children team\)/);
    await page.locator('#month').selectOption('2024-10-01');
    await page.locator('[data-testid=month-form] button').click();
    await page.waitForURL(/month=2024-10-01/);
    assert.match((await page.locator('h2#teams').textContent()) ?? '', /Oct 2024/);
    assert.equal(await page.locator('#team').inputValue(), CHURN_TEAM, 'the team choice is kept');
    await screenshot(page, 'workforce-team');
  });

  test('councillor: service figures shown; a team figure resting on 1 to 5 FTE is withheld, team sizes are not', async () => {
    const page = await world.open(world.councillor, '/workforce');
    const def = indicatorById('workforce_agency_rate')!;
    const [assessment] = (await indicatorBreakdown(world.store, def.id, 'team', 'month', '2025-03-01', AS_OF)).filter((r) => r.key === 'Assessment');
    assert.ok(assessment!.numerator! > 0 && assessment!.numerator! < 6, 'the fixture has a small agency figure');
    assert.match((await cell(page, 'Assessment', def.id).textContent()) ?? '', /Withheld \(small numbers\)/);
    assert.doesNotMatch((await cell(page, 'Assessment', 'workforce_fte').textContent()) ?? '', /Withheld/);
    assert.match((await page.locator('[data-testid=team-note]').textContent()) ?? '', /could be recognised/);
    assert.notEqual((await page.locator('[data-indicator="workforce_agency_rate"] [data-testid=value]').textContent())?.trim(), 'Withheld (small numbers)');
    await screenshot(page, 'workforce-councillor');
  });

  test('the API withholds the same figures from a councillor; an unknown team is a 400', async () => {
    const session = await signIn(world.running.app, 'councillor');
    const body = (await session.inject({ url: '/api/workforce' })).json();
    const assessment = body.teams.find((t: { team: string }) => t.team === 'Assessment');
    const agency = assessment.figures.find((f: { id: string }) => f.id === 'workforce_agency_rate');
    assert.deepEqual([agency.value, agency.text], [null, 'Withheld (small numbers)']);
    const officerBody = (await (await signIn(world.running.app, 'officer')).inject({ url: '/api/workforce' })).json();
    assert.equal(typeof officerBody.teams.find((t: { team: string }) => t.team === 'Assessment').figures[1].value, 'number');
    assert.equal((await session.inject({ url: '/api/workforce?team=Nobody' })).statusCode, 400);
    assert.equal((await session.inject({ url: '/workforce?month=2019-01-01' })).statusCode, 400);
  });
});
