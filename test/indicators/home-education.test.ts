// Elective home education indicators on a hand-made register, answers worked out by hand.
//
//   E1 on from 10/09/2024, still on; philosophical; engaged; not known to social care; no SEN.
//   E2 on 15/01/2025, off 20/04/2025 back to school; mental health; engaged; child in need; SEN support.
//   E2 again from 01/06/2025 (a second spell); bullying; engaged; child in need; SEN support.
//   E3 on from 01/04/2025; mental health; not engaged; child protection plan; EHC plan. Aged 15 in June.
//   E4 on from 02/05/2025; SEN; not engaged; not known; EHC plan.
//   E5 on 01/11/2024, off 30/06/2025 (moved away); lifestyle; engaged.
// On 30 June 2025 (June, Q1 2025-26, 2025-26 so far): E1, E2, E3, E4 (E5 came off that day) = 4;
//   engaged 2/4 = 50%; known to social care 2/4 (E2, E3); EHC plan 2/4 (E3, E4).
// On 31 March 2025: E1, E2, E5 = 3. New registrations: Q1 2025-26 E3, E4, E2 = 3; 2024-25 E1, E5,
//   E2 = 3. Came off: April E2 to school (1/1 = 100%), June E5 moved (0/1); Q1 1/2 = 50%.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeIndicators, indicatorBreakdown } from '../../src/store/indicators.ts';
import type { Store } from '../../src/store/open.ts';
import type { NewRow } from '../../src/store/schema.ts';
import { openTestStore } from '../helpers.ts';
import { storedFigure } from './stored.ts';
import type { PeriodType } from '../../src/core/periods.ts';

const AS_OF = '2025-06-30';

type Spell = NewRow<'ehe_registration'>;
const spell = (s: Partial<Spell> & Pick<Spell, 'child_id' | 'start_date' | 'reason' | 'engaged'>): Spell => ({
  dob: '2012-03-01', sex: 'F', end_date: null, end_reason: null, social_care: 'NONE', sen: 'N', ...s,
});

const REGISTER: Spell[] = [
  spell({ child_id: 'E1', start_date: '2024-09-10', reason: 'PHILOSOPHICAL', engaged: true }),
  spell({ child_id: 'E2', dob: '2010-05-05', sex: 'M', start_date: '2025-01-15', end_date: '2025-04-20', end_reason: 'SCHOOL', reason: 'MENTAL_HEALTH', engaged: true, social_care: 'CIN', sen: 'K' }),
  spell({ child_id: 'E2', dob: '2010-05-05', sex: 'M', start_date: '2025-06-01', reason: 'BULLYING', engaged: true, social_care: 'CIN', sen: 'K' }),
  spell({ child_id: 'E3', dob: '2009-10-10', sex: 'M', start_date: '2025-04-01', reason: 'MENTAL_HEALTH', engaged: false, social_care: 'CP', sen: 'E' }),
  spell({ child_id: 'E4', dob: '2014-01-01', start_date: '2025-05-02', reason: 'SEN', engaged: false, sen: 'E' }),
  spell({ child_id: 'E5', dob: '2011-01-01', sex: 'U', start_date: '2024-11-01', end_date: '2025-06-30', end_reason: 'MOVED', reason: 'LIFESTYLE', engaged: true }),
];

let store: Store;
before(async () => {
  store = await openTestStore();
  await store.db.insertInto('ehe_registration').values(REGISTER).execute();
  await computeIndicators(store, { asOf: AS_OF });
});
after(() => store.close());

const stored = (id: string, type: PeriodType, start: string) => storedFigure(store, id, type, start);

describe('elective home education indicators', () => {
  test('children on the register at period end; a child who came off that day is not counted', async () => {
    for (const [type, start] of [['month', '2025-06-01'], ['quarter', '2025-04-01'], ['year', '2025-04-01']] as const) {
      assert.deepEqual(await stored('ehe_children', type, start), [4, null, 4, null], `${type} ${start}`);
    }
    assert.deepEqual(await stored('ehe_children', 'quarter', '2025-01-01'), [3, null, 3, null]);
    assert.deepEqual(await stored('ehe_children', 'month', '2024-09-01'), [1, null, 1, null]);
    assert.equal(await stored('ehe_children', 'month', '2024-08-01'), undefined, 'the series starts with the register');
  });

  test('engaged, known to social care and with an EHC plan: shares of those on the register', async () => {
    assert.deepEqual(await stored('ehe_engaged', 'quarter', '2025-04-01'), [2, 4, 50, 'red']);
    assert.deepEqual(await stored('ehe_social_care', 'quarter', '2025-04-01'), [2, 4, 50, null]);
    assert.deepEqual(await stored('ehe_ehcp', 'quarter', '2025-04-01'), [2, 4, 50, null]);
    assert.deepEqual(await stored('ehe_engaged', 'quarter', '2025-01-01'), [3, 3, 100, 'green']);
  });

  test('new registrations by the day each spell began; a second spell is a new registration', async () => {
    assert.deepEqual(await stored('ehe_new_registrations', 'quarter', '2025-04-01'), [3, null, 3, null]);
    assert.deepEqual(await stored('ehe_new_registrations', 'year', '2024-04-01'), [3, null, 3, null]);
    assert.deepEqual(await stored('ehe_new_registrations', 'month', '2025-06-01'), [1, null, 1, null]);
    assert.deepEqual(await stored('ehe_new_registrations', 'month', '2024-10-01'), [0, null, 0, null]);
  });

  test('of those coming off the register, the share who went back to school', async () => {
    assert.deepEqual(await stored('ehe_returned_to_school', 'month', '2025-04-01'), [1, 1, 100, null]);
    assert.deepEqual(await stored('ehe_returned_to_school', 'month', '2025-06-01'), [0, 1, 0, null]);
    assert.deepEqual(await stored('ehe_returned_to_school', 'quarter', '2025-04-01'), [1, 2, 50, null]);
  });

  test('broken down by reason (labelled), age band and sex; all 1-5 so withheld from councillors', async () => {
    const byReason = await indicatorBreakdown(store, 'ehe_children', 'ehe_reason', 'quarter', '2025-04-01', AS_OF);
    assert.deepEqual(byReason.map((r) => [r.key, r.label, r.value, r.suppressed]), [
      ['BULLYING', 'Bullying', 1, true],
      ['MENTAL_HEALTH', 'Mental health', 1, true],
      ['PHILOSOPHICAL', 'Philosophical or preferential reasons', 1, true],
      ['SEN', 'Special educational needs', 1, true],
    ]);
    const byAge = await indicatorBreakdown(store, 'ehe_children', 'age_band', 'quarter', '2025-04-01', AS_OF);
    assert.deepEqual(byAge.map((r) => [r.label, r.value]), [['10-15', 4]]);
    const bySex = await indicatorBreakdown(store, 'ehe_new_registrations', 'sex', 'quarter', '2025-04-01', AS_OF);
    assert.deepEqual(bySex.map((r) => [r.label, r.value]), [['Female', 1], ['Male', 2]]);
  });
});
