// Elective home education register (docs/formats.md, "Elective home education register"): one row
// per spell on the register, keyed by ChildID + StartDate. Spells of one child must not overlap
// and must agree on the child's date of birth, in the file and with what is stored.
import * as z from 'zod';
import { SEN2_SEX } from '../../core/codes.ts';
import { EHE_END_REASONS, EHE_REASONS, eheRules, SEN_PROVISION, SOCIAL_CARE_STATUS, type EheRow } from '../../core/homeEducation.ts';
import { code, date, text, yesNo } from '../fields.ts';
import { upsertInto } from '../bulk.ts';
import { afterImport, type TableSpec } from '../spec.ts';

const COLUMNS = ['child_id', 'start_date', 'dob', 'sex', 'end_date', 'end_reason', 'reason', 'engaged', 'social_care', 'sen'] as const;

/** Spells after this import: staged ones (f, r set) and stored ones the import does not replace. */
const SPELLS = afterImport({
  stages: ['s_ehe'], table: 'ehe_registration', columns: ['child_id', 'start_date', 'end_date', 'dob'], key: ['child_id', 'start_date'], withRow: true,
});

export const eheRegister: TableSpec<EheRow> = {
  id: 'ehe',
  label: 'Elective home education register',
  columns: ['ChildID', 'DOB', 'Sex', 'StartDate', 'EndDate', 'EndReason', 'ReasonCode', 'Engaged', 'SocialCareStatus', 'SENProvision'],
  schema: (ctx) =>
    z
      .object({
        childid: text({ required: true, max: 40 }),
        dob: date({ required: true, notAfter: ctx.today }),
        sex: code(SEN2_SEX),
        startdate: date({ required: true, notAfter: ctx.today }),
        enddate: date({ notAfter: ctx.today }),
        endreason: code(EHE_END_REASONS),
        reasoncode: code(EHE_REASONS, { required: true }),
        engaged: yesNo(),
        socialcarestatus: code(SOCIAL_CARE_STATUS),
        senprovision: code(SEN_PROVISION),
      })
      .transform((r) => ({
        child: r.childid,
        dob: r.dob,
        sex: r.sex,
        start: r.startdate,
        end: r.enddate,
        endReason: r.endreason,
        reason: r.reasoncode,
        engaged: r.engaged,
        socialCare: r.socialcarestatus ?? 'NONE',
        sen: r.senprovision ?? 'N',
      })),
  rules: eheRules,
  stage: [
    ['child_id', 'text'], ['start_date', 'date'], ['dob', 'date'], ['sex', 'text'], ['end_date', 'date'], ['end_reason', 'text'],
    ['reason', 'text'], ['engaged', 'boolean'], ['social_care', 'text'], ['sen', 'text'],
  ],
  toStage: (r) => [r.child, r.start, r.dob, r.sex, r.end, r.endReason, r.reason, r.engaged, r.socialCare, r.sen],
  key: ['child_id', 'start_date'],
  keyFields: ['ChildID', 'StartDate'],
  // EndDate is the day the child came off the register, so the next spell may start that day.
  checks: [
    `SELECT coalesce(b.f, a.f) AS f, coalesce(b.r, a.r) AS r, 'StartDate' AS field, 'overlap' AS rule,
       'This spell on the register overlaps another for the same child (' || to_char(a.start_date, 'DD/MM/YYYY') || ' to '
         || coalesce(to_char(a.end_date, 'DD/MM/YYYY'), 'now') || ' and one starting ' || to_char(b.start_date, 'DD/MM/YYYY') || ').' AS message
     FROM ${SPELLS} a JOIN ${SPELLS} b ON a.child_id = b.child_id AND a.start_date < b.start_date AND (a.end_date IS NULL OR a.end_date > b.start_date)
     WHERE a.f IS NOT NULL OR b.f IS NOT NULL`,
    `SELECT s.f, s.r, 'DOB' AS field, 'dob-differs' AS rule,
       'Child ' || s.child_id || ' has another spell on the register with a different DOB (' || to_char(o.dob, 'DD/MM/YYYY') || ').' AS message
     FROM s_ehe s CROSS JOIN LATERAL (SELECT x.dob FROM ${SPELLS} x WHERE x.child_id = s.child_id AND x.dob <> s.dob ORDER BY x.start_date LIMIT 1) o`,
  ],
  upsert: upsertInto('ehe_registration', 's_ehe', COLUMNS, ['child_id', 'start_date']),
};

export const HOME_EDUCATION_TABLES: readonly TableSpec<any>[] = [eheRegister];
