import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performanceReport, type PerformanceReportOptions } from '../../src/reports/index.ts';
import { COMMITTEE, insertIndicatorValues, MEETING } from './fixtures.ts';
import { pdfText, sharedStore, textOf as part } from './report-helpers.ts';

const store = sharedStore(insertIndicatorValues);

const options: PerformanceReportOptions = { periodType: 'quarter', committee: COMMITTEE, meetingDate: MEETING, audience: 'public' };

test('the summary gives value, target, RAG, previous period, direction and benchmarks', async () => {
  const { html, title } = await performanceReport(store(), options);
  assert.equal(title, "Children's Services performance indicators: 2026-27 Q2", 'the last quarter ended by the meeting');
  assert.equal(
    part(html, 'tr', 'row-ehcp_20wk_excl'),
    'EHC plans issued within 20 weeks (excluding exceptions) 45.0% 60.0% Red 62.5% Worsening 46.4% 2025-26 Not published 52.1% 2025-26 Not ranked',
  );
  assert.equal(part(html, 'tr', 'row-ehcp_mean_weeks'), 'Average weeks from request to final EHC plan 18.0 weeks 20.0 weeks Green 21.0 weeks Improving – – – –');
  assert.match(part(html, 'tr', 'row-care_leavers_neet'), /38\.0% 35\.0% Amber 36\.0% Worsening/);
  assert.ok(!html.includes('row-looked_after_children'), 'indicators with no data are left out');
  assert.doesNotMatch(html, /16790|16,790/, "England's count of missing children is not set beside ours");
  assert.match(part(html, 'tr', 'row-care_leavers_neet'), / Not published Not published Not published Not ranked$/, 'a rate with no published figure loaded');
  assert.match(
    html,
    /Of 8 indicators: <b>2 Red<\/b>, <b>1 Amber<\/b> and <b>1 Green<\/b>; 3 not rated \(contextual measures with no target\) and 1 whose rating is not published because the figure rests on fewer than 6 children\./,
  );
});

test('public: a count of 3 is "<6", a rate built from small numbers is suppressed, in table, section and chart', async () => {
  const { html } = await performanceReport(store(), options);
  const row = part(html, 'tr', 'row-missing_children');
  assert.equal(row, 'Children who went missing &lt;6 No target Not rated 12 Not published – – – –');
  const section = part(html, 'section', 'ind-missing_children');
  assert.match(section, /&lt;6/);
  // (After its section number, 6.3.1.)
  assert.doesNotMatch(section.replace(/^[\d.]+ /, ''), /\b3\b/, 'the count of 3 appears nowhere in its section, chart labels included');

  const health = part(html, 'tr', 'row-ehcp_advice_6wk_health');
  assert.match(health, /Suppressed 90\.0% Not published 100\.0% Not published/, 'with "<6 of 6", Amber would give the 5 away');
  const healthSection = part(html, 'section', 'ind-ehcp_advice_6wk_health');
  assert.match(healthSection, /Suppressed \(&lt;6 of 6\)/);
  assert.doesNotMatch(healthSection, /83\.3|\b5 of 6\b/, 'neither the rate nor the count, chart labels included');
  assert.match(healthSection, /Gaps in the line are periods whose figure is not published/);
  assert.match(html, /Part 1: Public/);
});

test('public: a direction of travel from or to a withheld figure is not published', async () => {
  const { html } = await performanceReport(store(), options);
  // 4 children last quarter is withheld, so "Worsening" would say the 9 is more than 5.
  assert.equal(part(html, 'tr', 'row-repeat_missing_children'), 'Children missing 3 or more times in 12 months 9 No target Not rated &lt;6 Not published – – – –');
  assert.match(part(html, 'section', 'ind-repeat_missing_children'), /Direction of travel Not published/);
  assert.doesNotMatch(part(html, 'section', 'ind-repeat_missing_children'), /Worsening|Improving/);
  assert.doesNotMatch(/<table class="data" id="exceptions">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '', /Children missing 3 or more|Health advice/);
  const officer = await performanceReport(store(), { ...options, audience: 'officer' });
  assert.match(part(officer.html, 'tr', 'row-repeat_missing_children'), / 9 No target Not rated 4 Worsening /);
  // 5 of 6: one return decides the colour, so it is not rated (core/rag.ts MIN_CASES_TO_RATE).
  assert.match(part(officer.html, 'tr', 'row-ehcp_advice_6wk_health'), /83\.3% 90\.0% Too few to rate 100\.0% Worsening/);
});

test('officer copy shows the exact figures and is marked not for publication', async () => {
  const { html } = await performanceReport(store(), { ...options, audience: 'officer' });
  assert.match(part(html, 'tr', 'row-missing_children'), /^Children who went missing 3 No target/);
  assert.match(part(html, 'section', 'ind-ehcp_advice_6wk_health'), /83\.3% \(5 of 6\)/);
  assert.match(html, /OFFICIAL-SENSITIVE: officer copy, not for publication/);
  assert.doesNotMatch(html, /Part 1: Public/);
});

test('the suppression threshold can be raised', async () => {
  const { html } = await performanceReport(store(), { ...options, suppressionThreshold: 20 });
  assert.match(part(html, 'tr', 'row-ehcp_20wk_excl'), /^EHC plans issued within 20 weeks \(excluding exceptions\) Suppressed/);
  assert.match(part(html, 'tr', 'row-missing_children'), /&lt;20/);
  assert.match(part(html, 'tr', 'row-rhi_offered_72h'), /80\.0%/, '40 of 50 is not small');
});

test('exceptions: Red and worsening first, then Red, then worsening Amber', async () => {
  const { html } = await performanceReport(store(), options);
  const table = /<table class="data" id="exceptions">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  const order = [...table.matchAll(/<tr><td>([^<]+)<span class="sub">/g)].map((m) => m[1]);
  assert.deepEqual(order, [
    'EHC plans issued within 20 weeks (excluding exceptions)',
    'Return home interviews offered within 72 hours',
    'Care leavers aged 17 to 21 not in education, employment or training',
  ]);
  const officer = await performanceReport(store(), { ...options, audience: 'officer' });
  const all = /<table class="data" id="exceptions">([\s\S]*?)<\/table>/.exec(officer.html)?.[1] ?? '';
  assert.deepEqual([...all.matchAll(/<tr><td>([^<]+)<span class="sub">/g)].map((m) => m[1]), [
    'EHC plans issued within 20 weeks (excluding exceptions)',
    'Return home interviews offered within 72 hours',
    'Care leavers aged 17 to 21 not in education, employment or training',
    'Children missing 3 or more times in 12 months',
  ], 'the officer copy has the exceptions resting on small numbers too, but not a rate on too few cases to rate (5 of 6)');
});

test('grouped by area in committee order: cover, performance by area, summary headings and numbered sections', async () => {
  const { html } = await performanceReport(store(), options);
  // The fixture has EHCP, missing and care leaver figures: the cover names those areas and no others.
  assert.match(
    html,
    /The report covers 8 indicators in 4 areas of the strategy: Education, Health and Care plans, elective home education, children missing from home or care and care leavers\./,
  );
  assert.deepEqual([...html.matchAll(/<tbody id="summary-(\w+)">/g)].map((m) => m[1]), ['ehcp', 'home_education', 'missing', 'care_leavers']);
  assert.equal(part(html, 'tr', 'glance-ehcp'), 'Education, health and care plans 3 1 0 1 0 1 1 6.1');
  assert.equal(part(html, 'tr', 'glance-missing'), 'Children missing from home or care 3 1 0 0 2 0 1 6.3');
  assert.match(html, /<tfoot><tr><th>All areas<\/th><th class="num">8<\/th><th class="num">2<\/th>/);
  const ehcp = /<tbody id="summary-ehcp">([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  assert.match(ehcp, /<tr class="area-row"><th colspan="10" scope="colgroup">Education, health and care plans<span class="tally">1 Red, 0 Amber, 1 Green, 1 rating not published · section 6\.1/);
  assert.deepEqual([...ehcp.matchAll(/<tr id="row-(\w+)">/g)].map((m) => m[1]), ['ehcp_20wk_excl', 'ehcp_mean_weeks', 'ehcp_advice_6wk_health']);
  const detail = part(html, 'section', 'area-care_leavers');
  assert.match(detail, /^6\.4 Care leavers 1 indicator: 0 Red, 1 Amber, 0 Green\. 6\.4\.1 Care leavers aged 17 to 21/);
  assert.match(html, /<td><a href="#ind-rhi_offered_72h">6\.3\.2<\/a><\/td>/, 'an exception points to its section');
});

test('a contextual measure goes "Up" or "Down", without a colour or an exception', async () => {
  const { html } = await performanceReport(store(), options);
  assert.equal(part(html, 'tr', 'row-ehe_children'), 'Children electively home educated 255 No target Not rated 228 Up – – – –');
  assert.match(part(html, 'section', 'ind-ehe_children'), /A rise or fall is not in itself good or bad\./);
  assert.match(part(html, 'section', 'ind-ehcp_mean_weeks'), /Lower is better\./);
  assert.doesNotMatch(/<table class="data" id="exceptions">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '', /home educated/);
});

test('the officer narrative appears under its indicator, escaped, in paragraphs', async () => {
  const { html } = await performanceReport(store(), options);
  assert.match(html, /<p>Health advice has been the main cause of delay this quarter\.<\/p><p>A protocol with the &lt;ICB&gt; is being agreed\.<\/p>/);
  assert.match(part(html, 'section', 'ind-rhi_offered_72h'), /No commentary has been provided for this period/);
});

test('a chosen period is reported, and a date that does not start a period is refused', async () => {
  const { title, html } = await performanceReport(store(), { ...options, periodStart: '2026-04-01' });
  assert.equal(title, "Children's Services performance indicators: 2026-27 Q1");
  assert.match(part(html, 'tr', 'row-missing_children'), /Children who went missing 12 /);
  await assert.rejects(performanceReport(store(), { ...options, periodStart: '2026-05-01' }), /not the start of a quarter/);
});

test('the PDF carries the same figures: "<6" for the count of 3, exceptions in order, page numbers', async () => {
  const { html } = await performanceReport(store(), options);
  const { text, pages } = await pdfText(html, 'performance-public');
  assert.ok(pages >= 3, `cover, summary and sections (${pages} pages)`);
  assert.match(text, /Part 1: Public/);
  assert.match(text, /Page 1 of \d+/);
  const summary = text.slice(text.indexOf('5. Summary of performance by area'), text.indexOf('6. Indicators in detail'));
  const line = summary.split('\n').find((l) => l.includes('Children who went'));
  assert.ok(line, 'the summary row, on one line');
  assert.match(line, /<6/);
  assert.doesNotMatch(line, /\b3\b/);
  const exceptions = text.slice(text.indexOf('4. Exceptions'), text.indexOf('5. Summary of performance'));
  const at = (s: string) => exceptions.indexOf(s);
  assert.ok(at('EHC plans issued within 20') >= 0 && at('EHC plans issued within 20') < at('Return home interviews'));
  assert.ok(at('Return home interviews') < at('Care leavers aged'));
  assert.equal(at('Health advice returned'), -1, 'its Amber rests on a small number');
  assert.match(text, /A protocol with the <ICB> is being agreed/);
});
