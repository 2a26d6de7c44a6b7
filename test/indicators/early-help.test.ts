// Early help indicators on hand-made episodes with answers worked out by hand, linked to CIN
// census referrals by the child's id.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeIndicators, indicatorBreakdown } from '../../src/store/indicators.ts';
import type { Store } from '../../src/store/open.ts';
import type { NewRow } from '../../src/store/schema.ts';
import type { PeriodType } from '../../src/core/periods.ts';
import { openTestStore } from '../helpers.ts';
import { storedFigure } from './stored.ts';

const AS_OF = '2025-06-30';

type Episode = NewRow<'early_help_episode'>;
const episode = (episode_id: string, child_id: string, start_date: string, end_date: string | null, outcome: string | null, e: Partial<Episode> = {}): Episode => ({
  episode_id, child_id, start_date, end_date, outcome, birth_date: '2016-06-01', level: 'TARGETED', lead_agency: 'SCHOOL', source: 'NEW', ...e,
});

// E1 (child A) ended well on 2024-03-31 and A was referred on 2024-05-10: a return, counted in
// March 2025 when its 12 months ran out. E2 ended well on 2024-03-15 with no referral -> March 2025: 1/2.
// May 2025 endings: E4 step-up, E5 moved away (left out), E6 disengaged, E7 needs met -> needs met
// 1/3, step-up 1/3. Open at the end of April: E3, E4, E5 -> 3; of May: E3 (E5 ended on 31 May) -> 1.
const EPISODES: Episode[] = [
  episode('E1', 'A', '2024-01-10', '2024-03-31', 'NEEDS_MET'),
  episode('E2', 'X', '2024-02-01', '2024-03-15', 'STEP_DOWN_UNIVERSAL'),
  episode('E3', 'C', '2025-03-01', null, null, { level: 'UNIVERSAL_PLUS' }),
  episode('E4', 'Y', '2025-04-05', '2025-05-20', 'STEP_UP'),
  episode('E5', 'Z', '2025-04-10', '2025-05-31', 'MOVED_AWAY', { source: 'STEP_DOWN' }),
  episode('E6', 'W', '2025-05-01', '2025-05-25', 'DISENGAGED'),
  episode('E7', 'V', '2025-05-02', '2025-05-30', 'NEEDS_MET'),
];

let store: Store;
before(async () => {
  store = await openTestStore();
  await store.db.insertInto('early_help_episode').values(EPISODES).execute();
  await store.db.insertInto('cin_referral').values([
    { la_child_id: 'A', referral_date: '2024-05-10', referral_source: '5D', gender: '1', referral_nfa: false },
    // X was referred before its episode ended: not a return.
    { la_child_id: 'X', referral_date: '2024-03-01', referral_source: '2A', gender: '2', referral_nfa: true, closure_date: '2024-03-01', closure_reason: 'RC8' },
  ]).execute();
  await computeIndicators(store, { asOf: AS_OF });
});
after(() => store.close());

const stored = (id: string, type: PeriodType, start: string) => storedFigure(store, id, type, start);

describe('early help indicators', () => {
  test('reach: children open at the end of each period, new episodes and step-downs', async () => {
    assert.deepEqual(await stored('early_help_children', 'month', '2025-04-01'), [3, null, 3, null]);
    assert.deepEqual(await stored('early_help_children', 'month', '2025-05-01'), [1, null, 1, null]);
    assert.deepEqual(await stored('early_help_children', 'month', '2025-06-01'), [1, null, 1, null]);
    assert.deepEqual(await stored('early_help_new', 'month', '2025-04-01'), [2, null, 2, null]);
    assert.deepEqual(await stored('early_help_new', 'month', '2025-05-01'), [2, null, 2, null]);
    assert.deepEqual(await stored('early_help_step_downs', 'month', '2025-04-01'), [1, null, 1, null]);
    assert.deepEqual(await stored('early_help_step_downs', 'month', '2025-05-01'), [0, null, 0, null]);
  });

  test('how help ends: moving away is left out of both rates', async () => {
    assert.deepEqual(await stored('early_help_needs_met', 'month', '2025-05-01'), [1, 3, 33.33, 'red']);
    assert.deepEqual(await stored('early_help_step_up', 'month', '2025-05-01'), [1, 3, 33.33, null]);
    // March 2024: E1 needs met and E2 stepped down to universal: both ended well.
    assert.deepEqual(await stored('early_help_needs_met', 'month', '2024-03-01'), [2, 2, 100, 'green']);
  });

  test('a referral within 12 months of help ending well counts when the 12 months run out', async () => {
    assert.deepEqual(await stored('early_help_returns_12m', 'month', '2025-03-01'), [1, 2, 50, 'red']);
    assert.deepEqual(await stored('early_help_returns_12m', 'quarter', '2025-01-01'), [1, 2, 50, 'red']);
    // E7's 12 months run out in May 2026, after the date of the figures.
    assert.deepEqual(await stored('early_help_returns_12m', 'month', '2025-05-01'), [null, null, null, null]);
  });

  test('breaks down by level of early help', async () => {
    const rows = await indicatorBreakdown(store, 'early_help_children', 'early_help_level', 'month', '2025-04-01', AS_OF);
    assert.deepEqual(rows.map((r) => [r.label, r.value]), [['Targeted early help (team around the family)', 2], ['Universal plus (single agency)', 1]]);
  });
});
