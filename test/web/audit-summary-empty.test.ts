// The case audit grades page before any audit is recorded says so, rather than a table of noughts;
// once one is, the table is shown (counts of 1 to 5 as <6 to a councillor).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../../src/server/app.ts';
import { signIn } from '../helpers-auth.ts';
import { openTestStore } from '../helpers.ts';

test('case audit grades: a message when none is recorded, the table once one is', async () => {
  const store = await openTestStore();
  const app = await buildApp({ store, asOf: '2026-11-25' });
  try {
    const councillor = await signIn(app, 'councillor');
    const empty = await councillor.inject({ url: '/audits/summary' });
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /No case audits have been recorded yet/);
    assert.doesNotMatch(empty.body, /Audits by grade/);
    const auditor = await signIn(app, 'auditor');
    const added = await auditor.inject({
      method: 'POST',
      url: '/api/audits',
      payload: { auditId: 'A1', type: 'core', auditedDate: '2026-11-01', childId: 'C1', auditor: 'An Auditor', grade: 'good' },
    });
    assert.equal(added.statusCode, 200, added.body);
    const one = await councillor.inject({ url: '/audits/summary' });
    assert.match(one.body, /Audits by grade/);
    assert.doesNotMatch(one.body, /No case audits have been recorded yet/);
    assert.match(one.body, /&lt;6/);
  } finally {
    await app.close();
    await store.close();
  }
});
