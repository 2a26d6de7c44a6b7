// What an analyst might do instead of csinsight: DuckDB reads every generated CSV (typed dates,
// nothing checked) and runs the same families of aggregates the indicator pack computes, per month,
// financial quarter and financial year. Run by bench/run.ts in its own process; prints one JSON line.
// The aggregates are listed in AGGREGATES so the README can say exactly what was compared.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, asOf = '2026-11-25'] = process.argv.slice(2);
if (!dir) throw new Error('usage: bench/duckdb.ts <generated folder> [as-of date]');

/** Each source: a view over one or more generated files (globs across the yearly 903 folders). */
const SOURCES: Record<string, { files: string; dates: string[] }> = {
  ehcp_requests: { files: 'sen2/ehcp_requests.csv', dates: ['PersonBirthDate', 'ReceivedDate', 'RequestOutcomeDate', 'AssessmentOutcomeDate', 'DraftPlanDate', 'StartDate'] },
  ehcp_advice: { files: 'sen2/ehcp_advice.csv', dates: ['RequestedDate', 'ReceivedDate'] },
  episodes: { files: 'ssda903_*/episodes.csv', dates: ['DECOM', 'DEC'] },
  header: { files: 'ssda903_*/header.csv', dates: ['DOB', 'MC_DOB'] },
  missing903: { files: 'ssda903_*/missing.csv', dates: ['DOB', 'MIS_START', 'MIS_END'] },
  oc3: { files: 'ssda903_*/oc3.csv', dates: ['DOB'] },
  missing_home: { files: 'case_system/missing_from_home.csv', dates: ['DOB', 'MIS_START', 'MIS_END'] },
  rhi: { files: 'case_system/return_home_interviews.csv', dates: ['MIS_START', 'RHI_OFFERED', 'RHI_COMPLETED', 'RHI_DECLINED'] },
  leaver_activity: { files: 'case_system/leaver_activity.csv', dates: ['START', 'END'] },
  referrals: { files: 'cin_census/referrals.csv', dates: ['PersonBirthDate', 'CINreferralDate', 'CINclosureDate'] },
  assessments: { files: 'cin_census/assessments.csv', dates: ['CINreferralDate', 'AssessmentActualStartDate', 'AssessmentInternalReviewDate', 'AssessmentAuthorisationDate'] },
  early_help: { files: 'case_system/early_help_episodes.csv', dates: ['BirthDate', 'StartDate', 'EndDate'] },
  home_education: { files: 'education/elective_home_education.csv', dates: ['DOB', 'StartDate', 'EndDate'] },
  feedback: { files: 'voice/feedback.csv', dates: ['Date', 'ResponseDate'] },
};

/** Period columns of a date: month, financial quarter (Apr-Jun = Q1) and financial year (April to March). */
const periods = (d: string) =>
  `date_trunc('month', ${d}) AS month, ` +
  `date_trunc('quarter', ${d} - INTERVAL 3 MONTH) + INTERVAL 3 MONTH AS quarter, ` +
  `year(${d} - INTERVAL 3 MONTH) AS fy`;
const GROUPS = 'GROUPING SETS ((month), (quarter), (fy))';

/** One query per family; each gives months, quarters and years at once (three group-bys). */
export const AGGREGATES: Record<string, string> = {
  'EHCPs issued, within 20 weeks (with and without exceptions)': `
    SELECT month, quarter, fy, count(*) n, count(*) FILTER (WHERE StartDate - ReceivedDate <= 140) in_time,
      count(*) FILTER (WHERE StartDate - ReceivedDate <= 140 OR ExceptionReason IS NOT NULL) in_time_ex
    FROM (SELECT *, ${periods('StartDate')} FROM ehcp_requests WHERE StartDate IS NOT NULL) GROUP BY ${GROUPS}`,
  'EHC needs assessment decisions within 6 weeks': `
    SELECT month, quarter, fy, count(*) n, count(*) FILTER (WHERE RequestOutcomeDate - ReceivedDate <= 42) in_time
    FROM (SELECT *, ${periods('RequestOutcomeDate')} FROM ehcp_requests WHERE RequestOutcomeDate IS NOT NULL) GROUP BY ${GROUPS}`,
  'Partner advice within 6 weeks, by partner': `
    SELECT Partner, month, quarter, fy, count(*) n, count(*) FILTER (WHERE ReceivedDate - RequestedDate <= 42) in_time,
      avg(ReceivedDate - RequestedDate) mean_days
    FROM (SELECT *, ${periods('ReceivedDate')} FROM ehcp_advice WHERE ReceivedDate IS NOT NULL)
    GROUP BY GROUPING SETS ((Partner, month), (Partner, quarter), (Partner, fy))`,
  'Missing episodes (looked-after and from home) and children': `
    SELECT month, quarter, fy, count(*) episodes, count(DISTINCT CHILD) children
    FROM (SELECT CHILD, ${periods('MIS_START')} FROM missing903 UNION ALL SELECT CHILD, ${periods('MIS_START')} FROM missing_home)
    GROUP BY ${GROUPS}`,
  'Return home interviews offered within 72 hours, completed, declined': `
    SELECT month, quarter, fy, count(*) n, count(*) FILTER (WHERE RHI_OFFERED - MIS_START <= 3) offered_in_time,
      count(RHI_COMPLETED) completed, count(RHI_DECLINED) declined
    FROM (SELECT *, ${periods('MIS_START')} FROM rhi) GROUP BY ${GROUPS}`,
  'Children looked after: new episodes and children starting to be looked after': `
    SELECT month, quarter, fy, count(*) episodes, count(DISTINCT CHILD) children, count(*) FILTER (WHERE RNE = 'S') started
    FROM (SELECT DISTINCT CHILD, DECOM, RNE, ${periods('DECOM')} FROM episodes) GROUP BY ${GROUPS}`,
  'Care leavers NEET (OC3 activity) by year': `
    SELECT year(DOB) birth_year, count(*) n, count(*) FILTER (WHERE ACTIV LIKE 'G%') neet FROM oc3 GROUP BY ALL`,
  'NEET spells and their length': `
    SELECT month, quarter, fy, count(*) spells, avg(coalesce("END", DATE '${asOf}') - START) mean_days
    FROM (SELECT *, ${periods('START')} FROM leaver_activity WHERE ACTIV LIKE 'G%') GROUP BY ${GROUPS}`,
  'Referrals by source, re-referrals within 12 months, NFA': `
    WITH r AS (SELECT *, lag(CINreferralDate) OVER (PARTITION BY LAchildID ORDER BY CINreferralDate) prev FROM referrals)
    SELECT ReferralSource, month, quarter, fy, count(*) n, count(*) FILTER (WHERE CINreferralDate - prev <= 365) re_referrals,
      count(*) FILTER (WHERE ReferralNFA) nfa
    FROM (SELECT *, ${periods('CINreferralDate')} FROM r)
    GROUP BY GROUPING SETS ((ReferralSource, month), (ReferralSource, quarter), (ReferralSource, fy), (month), (quarter), (fy))`,
  'Assessments authorised, within 45 days (calendar approximation)': `
    SELECT month, quarter, fy, count(*) n, count(*) FILTER (WHERE AssessmentAuthorisationDate - AssessmentActualStartDate <= 63) in_time
    FROM (SELECT *, ${periods('AssessmentAuthorisationDate')} FROM assessments WHERE AssessmentAuthorisationDate IS NOT NULL)
    GROUP BY ${GROUPS}`,
  'Early help: new episodes, ended with needs met, step-downs': `
    SELECT month, quarter, fy, count(*) started, count(*) FILTER (WHERE Source = 'STEP_DOWN') step_downs,
      count(*) FILTER (WHERE Outcome = 'NEEDS_MET') needs_met
    FROM (SELECT *, ${periods('StartDate')} FROM early_help) GROUP BY ${GROUPS}`,
  'Home education: registrations and removals': `
    SELECT month, quarter, fy, count(*) registered, count(EndDate) ended
    FROM (SELECT *, ${periods('StartDate')} FROM home_education) GROUP BY ${GROUPS}`,
  'Workforce: FTE, agency, vacancy, leavers and caseload by month': `
    SELECT Month, sum(EmployedFTE) employed, sum(AgencyFTE) agency, sum(VacantFTE) vacant, sum(LeaversFTE) leavers,
      sum(Cases) / nullif(sum(CaseHoldingFTE), 0) caseload
    FROM workforce GROUP BY Month`,
  'Voice of the child: feedback and responses': `
    SELECT month, quarter, fy, count(*) n, count(ResponseDate) responded
    FROM (SELECT *, ${periods('Date')} FROM feedback) GROUP BY ${GROUPS}`,
};

/** Whether a 'folder/file' pattern (a * in the folder only) names at least one file. */
function anyFile(pattern: string): boolean {
  const [folder, file] = pattern.split('/') as [string, string];
  if (!folder.includes('*')) return existsSync(join(dir!, folder, file));
  const prefix = folder.slice(0, folder.indexOf('*'));
  return readdirSync(dir!).some((d) => d.startsWith(prefix) && existsSync(join(dir!, d, file)));
}

const peak = { rss: 0 };
const sample = setInterval(() => (peak.rss = Math.max(peak.rss, process.memoryUsage().rss)), 50);

const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const db = await instance.connect();
const t0 = performance.now();
let rows = 0;
for (const [name, src] of Object.entries(SOURCES)) {
  if (!anyFile(src.files)) continue;
  const types = src.dates.map((d) => `'${d}': 'DATE'`).join(', ');
  await db.run(
    `CREATE TABLE ${name} AS SELECT * FROM read_csv('${join(dir, src.files)}', header = true, union_by_name = true,
      dateformat = '%d/%m/%Y', types = {${types}})`,
  );
  rows += Number((await db.runAndReadAll(`SELECT count(*) FROM ${name}`)).getRows()[0]![0]);
}
await db.run(`CREATE TABLE workforce AS SELECT * FROM read_csv('${join(dir, 'workforce/social_workers.csv')}', header = true)`);
rows += Number((await db.runAndReadAll('SELECT count(*) FROM workforce')).getRows()[0]![0]);
const readSeconds = (performance.now() - t0) / 1000;

const t1 = performance.now();
let groups = 0;
for (const query of Object.values(AGGREGATES)) groups += (await db.runAndReadAll(query)).getRows().length;
const aggregateSeconds = (performance.now() - t1) / 1000;
clearInterval(sample);
peak.rss = Math.max(peak.rss, process.memoryUsage().rss);

console.log(
  JSON.stringify({
    rows,
    readSeconds: Math.round(readSeconds * 100) / 100,
    aggregateSeconds: Math.round(aggregateSeconds * 100) / 100,
    seconds: Math.round((readSeconds + aggregateSeconds) * 100) / 100,
    aggregates: Object.keys(AGGREGATES).length,
    groups,
    peakRssMiB: Math.round(peak.rss / 1048576),
  }),
);
