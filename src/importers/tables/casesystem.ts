// Case-system exports: return home interviews, children missing from home, care leavers' dated
// activity. Not DfE returns; the layouts are in docs/formats.md.
import * as z from 'zod';
import { ACTIV, RHI_THEMES, SEX } from '../../core/codes.ts';
import type { IsoDate } from '../../core/dates.ts';
import { EXPLOITATION_RISKS } from '../../core/missing.ts';
import { leaverActivityRules, type LeaverActivityRow } from '../../core/rules/casesystem.ts';
import { missingRules, type MissingRow } from '../../core/rules/ssda903.ts';
import { code, codeSet, date, text, time, withFields } from '../fields.ts';
import { upsertInto } from '../bulk.ts';
import { afterImport, script, upsertSql, type TableSpec } from '../spec.ts';
import { MISSING_STAGE, missingShape } from './ssda903.ts';

interface RhiRow {
  child: string;
  misStart: IsoDate;
  offered: IsoDate | null;
  completed: IsoDate | null;
  declined: IsoDate | null;
  startTime: string | null;
  risk: string;
  themes: string[];
}

/** Staged and stored missing episodes, the staged version winning (for checks against episodes). */
const EPISODES = afterImport({
  stages: ['s_missing', 's_missing_home'], table: 'missing_episode', columns: ['child_id', 'mis_start', 'mis_end'], key: ['child_id', 'mis_start'],
});

export const returnInterviews: TableSpec<RhiRow> = {
  id: 'rhi',
  label: 'Return home interviews',
  columns: ['CHILD', 'MIS_START', 'RHI_OFFERED', 'RHI_COMPLETED', 'RHI_DECLINED', 'START_TIME', 'EXPLOITATION_RISK', 'THEMES'],
  schema: (ctx) =>
    z
      .object({
        child: text({ required: true, max: 40 }),
        mis_start: date({ required: true }),
        rhi_offered: date({ notAfter: ctx.today }),
        rhi_completed: date({ notAfter: ctx.today }),
        rhi_declined: date({ notAfter: ctx.today }),
        start_time: time(),
        exploitation_risk: code(EXPLOITATION_RISKS),
        themes: codeSet(RHI_THEMES),
      })
      .transform((r) => ({
        child: r.child,
        misStart: r.mis_start,
        offered: r.rhi_offered,
        completed: r.rhi_completed,
        declined: r.rhi_declined,
        startTime: r.start_time,
        risk: r.exploitation_risk ?? 'NONE',
        themes: r.themes,
      })),
  stage: [
    ['child_id', 'text'], ['mis_start', 'date'], ['rhi_offered', 'date'], ['rhi_completed', 'date'], ['rhi_declined', 'date'],
    ['start_time', 'time'], ['exploitation_risk', 'text'], ['themes', 'text[]'],
  ],
  toStage: (r) => [r.child, r.misStart, r.offered, r.completed, r.declined, r.startTime, r.risk, r.themes],
  key: ['child_id', 'mis_start'],
  keyFields: ['CHILD', 'MIS_START'],
  checks: [
    `SELECT s.f, s.r, 'MIS_START' AS field, 'missing-episode' AS rule,
       'There is no missing episode for child ' || s.child_id || ' starting ' || to_char(s.mis_start, 'DD/MM/YYYY') || ' (in this import or already stored).' AS message
     FROM s_rhi s WHERE NOT EXISTS (SELECT 1 FROM ${EPISODES} e WHERE e.child_id = s.child_id AND e.mis_start = s.mis_start)`,
    `SELECT s.f, s.r,
       CASE WHEN s.rhi_offered < e.mis_end THEN 'RHI_OFFERED' WHEN s.rhi_completed < e.mis_end THEN 'RHI_COMPLETED' ELSE 'RHI_DECLINED' END AS field,
       'interview-before-return' AS rule,
       'The return home interview is dated before the child returned (' || to_char(e.mis_end, 'DD/MM/YYYY') || ').' AS message
     FROM s_rhi s JOIN ${EPISODES} e ON e.child_id = s.child_id AND e.mis_start = s.mis_start
     WHERE LEAST(s.rhi_offered, s.rhi_completed, s.rhi_declined) < e.mis_end`,
  ],
  upsert: script(`UPDATE missing_episode m SET rhi_offered = s.rhi_offered, rhi_completed = s.rhi_completed,
      rhi_declined = s.rhi_declined, start_time = s.start_time, exploitation_risk = s.exploitation_risk, themes = s.themes
    FROM s_rhi s WHERE m.child_id = s.child_id AND m.mis_start = s.mis_start;`),
};

export const missingFromHome: TableSpec<MissingRow & { sex: number }> = {
  id: 'missing_home',
  label: 'Missing from home',
  columns: ['CHILD', 'SEX', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
  schema: (ctx) =>
    z
      .object({ ...missingShape(ctx), sex: code(SEX, { required: true, rule: '101' }) })
      .transform((r) => withFields(r, { sex: Number(r.sex), misStart: r.mis_start, misEnd: r.mis_end })),
  rules: (r) => missingRules(r, null),
  stage: [...MISSING_STAGE, ['sex', 'smallint'], ['dob', 'date']],
  toStage: (r) => [r.child, r.missing, r.misStart, r.misEnd, r.sex, r.dob],
  key: ['child_id', 'mis_start'],
  keyFields: ['CHILD', 'MIS_START'],
  // A child missing from home who is not known yet is added (not looked after).
  upsert: script(`INSERT INTO child (child_id, sex, dob)
      SELECT DISTINCT ON (child_id) child_id, sex, dob FROM s_missing_home ORDER BY child_id, f, r
      ON CONFLICT (child_id) DO NOTHING;
    ${upsertSql('missing_episode', 's_missing_home', ['child_id', 'mis_start', 'missing', 'mis_end', 'looked_after'], ['child_id', 'mis_start'],
      'child_id, mis_start, missing, mis_end, false')}`),
};

export const leaverActivity: TableSpec<LeaverActivityRow> = {
  id: 'leaver_activity',
  label: 'Care leaver activity',
  columns: ['CHILD', 'ACTIV', 'START', 'END'],
  schema: (ctx) =>
    z.object({
      child: text({ required: true, max: 40 }),
      activ: code(ACTIV, { required: true, rule: '132' }),
      start: date({ required: true, notAfter: ctx.today }),
      end: date(),
    }),
  rules: leaverActivityRules,
  stage: [['child_id', 'text'], ['activ', 'text'], ['start_date', 'date'], ['end_date', 'date']],
  toStage: (r) => [r.child, r.activ, r.start, r.end],
  key: ['child_id', 'start_date'],
  keyFields: ['CHILD', 'START'],
  childInHeader: true,
  // END is the last day of an activity; the next may start that same day.
  checks: [
    `WITH p AS ${afterImport({
       stages: ['s_leaver_activity'], table: 'leaver_activity', columns: ['child_id', 'start_date', 'end_date'], key: ['child_id', 'start_date'], withRow: true,
     })}
     SELECT COALESCE(b.f, a.f) AS f, COALESCE(b.r, a.r) AS r, 'START' AS field, 'overlap' AS rule,
       'This activity period overlaps another for the same child (' || to_char(a.start_date, 'DD/MM/YYYY') || ' to '
         || COALESCE(to_char(a.end_date, 'DD/MM/YYYY'), 'now') || ' and one starting ' || to_char(b.start_date, 'DD/MM/YYYY') || ').' AS message
     FROM p a JOIN p b ON a.child_id = b.child_id AND a.start_date < b.start_date AND (a.end_date IS NULL OR a.end_date > b.start_date)
     WHERE a.f IS NOT NULL OR b.f IS NOT NULL`,
  ],
  upsert: upsertInto('leaver_activity', 's_leaver_activity', ['child_id', 'start_date', 'end_date', 'activ'], ['child_id', 'start_date']),
};
