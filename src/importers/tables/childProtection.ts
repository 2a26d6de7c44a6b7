// CIN census CIN plans, section 47 enquiries, child protection plans and their reviews: staged
// from the CIN census XML (src/importers/xml/cin.ts), or from CSV with the census item names as
// headers. Each belongs to a referral (CINdetails) of cin_referral. Layouts in docs/formats.md.
import * as z from 'zod';
import { CATEGORY_OF_ABUSE, icpcDueDate } from '../../core/childProtection.ts';
import type { IsoDate } from '../../core/dates.ts';
import { checkOrder, type RuleIssue } from '../../core/rules/issue.ts';
import { upsertInto } from '../bulk.ts';
import { code, date, number, text } from '../fields.ts';
import { afterImport, type TableSpec } from '../spec.ts';
import { referralExistsCheck } from './cin.ts';

/** Census yes/no: 1/0 (true/false accepted). Required. */
export const YES_NO = { '1': 'Yes', '0': 'No', true: 'Yes', false: 'No' } as const;
export const yes = (v: string) => YES_NO[v as keyof typeof YES_NO] === 'Yes';

/** The two columns every row of these tables starts with: the referral it belongs to. */
const referralCells = (ctx: { today: IsoDate }) => ({
  lachildid: text({ required: true, max: 40 }),
  cinreferraldate: date({ required: true, notAfter: ctx.today }),
});
const REFERRAL_STAGE = [['la_child_id', 'text'], ['referral_date', 'date']] as const;
const REFERRAL_FIELDS = ['LAchildID', 'CINreferralDate'] as const;

interface PlanRow { child: string; referralDate: IsoDate; start: IsoDate; end: IsoDate | null }

export const cinPlans: TableSpec<PlanRow> = {
  id: 'cin_plan',
  label: 'CIN census CIN plans',
  columns: [...REFERRAL_FIELDS, 'CINPlanStartDate', 'CINPlanEndDate'],
  schema: (ctx) =>
    z.object({ ...referralCells(ctx), cinplanstartdate: date({ required: true, rule: '4010', notAfter: ctx.today }), cinplanenddate: date({ notAfter: ctx.today }) })
      .transform((r) => ({ child: r.lachildid, referralDate: r.cinreferraldate, start: r.cinplanstartdate, end: r.cinplanenddate })),
  rules: (r) => {
    const issues: RuleIssue[] = [];
    checkOrder(issues, r.referralDate, r.start, 'CINPlanStartDate', '4015', 'The CIN Plan start date cannot be before the referral date');
    checkOrder(issues, r.start, r.end, 'CINPlanEndDate', '4011', 'CIN Plan End Date earlier than Start Date');
    return issues;
  },
  stage: [...REFERRAL_STAGE, ['start_date', 'date'], ['end_date', 'date']],
  toStage: (r) => [r.child, r.referralDate, r.start, r.end],
  key: ['la_child_id', 'referral_date', 'start_date'],
  keyFields: [...REFERRAL_FIELDS, 'CINPlanStartDate'],
  checks: [referralExistsCheck('s_cin_plan')],
  upsert: upsertInto('cin_plan', 's_cin_plan', ['la_child_id', 'referral_date', 'start_date', 'end_date'], ['la_child_id', 'referral_date', 'start_date']),
};

interface Section47Row { child: string; referralDate: IsoDate; start: IsoDate; target: IsoDate | null; icpc: IsoDate | null; notRequired: boolean }

export const section47: TableSpec<Section47Row & { due: IsoDate }> = {
  id: 'cin_section47',
  label: 'CIN census section 47 enquiries',
  columns: [...REFERRAL_FIELDS, 'S47ActualStartDate', 'InitialCPCtarget', 'DateOfInitialCPC', 'ICPCnotRequired'],
  schema: (ctx) =>
    z.object({
      ...referralCells(ctx),
      s47actualstartdate: date({ required: true, rule: '8615', notAfter: ctx.today }),
      initialcpctarget: date(),
      dateofinitialcpc: date({ notAfter: ctx.today }),
      icpcnotrequired: code(YES_NO, { required: true }),
    }).transform((r) => ({
      child: r.lachildid, referralDate: r.cinreferraldate, start: r.s47actualstartdate, target: r.initialcpctarget, icpc: r.dateofinitialcpc,
      notRequired: yes(r.icpcnotrequired), due: icpcDueDate(r.s47actualstartdate),
    })),
  rules: (r) => {
    const issues: RuleIssue[] = [];
    checkOrder(issues, r.referralDate, r.start, 'S47ActualStartDate', '2889', 'The S47 start date cannot be before the referral date.');
    checkOrder(issues, r.start, r.icpc, 'S47ActualStartDate', '8615', 'Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference');
    return issues;
  },
  stage: [...REFERRAL_STAGE, ['start_date', 'date'], ['icpc_target', 'date'], ['icpc_date', 'date'], ['icpc_not_required', 'boolean'], ['icpc_due', 'date']],
  toStage: (r) => [r.child, r.referralDate, r.start, r.target, r.icpc, r.notRequired, r.due],
  key: ['la_child_id', 'referral_date', 'start_date'],
  keyFields: [...REFERRAL_FIELDS, 'S47ActualStartDate'],
  checks: [referralExistsCheck('s_cin_section47')],
  upsert: upsertInto('cin_section47', 's_cin_section47',
    ['la_child_id', 'referral_date', 'start_date', 'icpc_target', 'icpc_date', 'icpc_not_required', 'icpc_due'], ['la_child_id', 'referral_date', 'start_date']),
};

interface CpPlanRow { child: string; referralDate: IsoDate; start: IsoDate; end: IsoDate | null; initial: string; latest: string; previous: number }

export const cpPlans: TableSpec<CpPlanRow> = {
  id: 'cin_cp_plan',
  label: 'CIN census child protection plans',
  columns: [...REFERRAL_FIELDS, 'CPPstartDate', 'CPPendDate', 'InitialCategoryOfAbuse', 'LatestCategoryOfAbuse', 'NumberOfPreviousCPP'],
  schema: (ctx) =>
    z.object({
      ...referralCells(ctx),
      cppstartdate: date({ required: true, rule: '8720', notAfter: ctx.today }),
      cppenddate: date({ notAfter: ctx.today }),
      initialcategoryofabuse: code(CATEGORY_OF_ABUSE, { required: true, rule: '8905' }),
      latestcategoryofabuse: code(CATEGORY_OF_ABUSE, { required: true, rule: '8910' }),
      numberofpreviouscpp: number(),
    }).transform((r) => ({
      child: r.lachildid, referralDate: r.cinreferraldate, start: r.cppstartdate, end: r.cppenddate,
      initial: r.initialcategoryofabuse, latest: r.latestcategoryofabuse, previous: r.numberofpreviouscpp,
    })),
  rules: (r) => {
    const issues: RuleIssue[] = [];
    checkOrder(issues, r.referralDate, r.start, 'CPPstartDate', '1105', 'The child protection plan start date cannot be before the referral date');
    checkOrder(issues, r.start, r.end, 'CPPendDate', '8925', 'Child Protection Plan End Date earlier than Start Date');
    if (!Number.isInteger(r.previous) || r.previous < 0) issues.push({ field: 'NumberOfPreviousCPP', rule: '8730', message: `${r.previous} is not a number of previous plans (a whole number, 0 or more).` });
    return issues;
  },
  stage: [...REFERRAL_STAGE, ['start_date', 'date'], ['end_date', 'date'], ['initial_category', 'text'], ['latest_category', 'text'], ['previous_plans', 'integer']],
  toStage: (r) => [r.child, r.referralDate, r.start, r.end, r.initial, r.latest, r.previous],
  key: ['la_child_id', 'referral_date', 'start_date'],
  keyFields: [...REFERRAL_FIELDS, 'CPPstartDate'],
  checks: [referralExistsCheck('s_cin_cp_plan')],
  upsert: upsertInto('cin_cp_plan', 's_cin_cp_plan',
    ['la_child_id', 'referral_date', 'start_date', 'end_date', 'initial_category', 'latest_category', 'previous_plans'], ['la_child_id', 'referral_date', 'start_date']),
};

interface ReviewRow { child: string; referralDate: IsoDate; planStart: IsoDate; review: IsoDate }

const PLANS_AFTER = afterImport({ stages: ['s_cin_cp_plan'], table: 'cin_cp_plan', columns: ['la_child_id', 'referral_date', 'start_date'], key: ['la_child_id', 'referral_date', 'start_date'] });

export const cpReviews: TableSpec<ReviewRow> = {
  id: 'cin_cp_review',
  label: 'CIN census child protection reviews',
  columns: [...REFERRAL_FIELDS, 'CPPstartDate', 'CPPreviewDate'],
  schema: (ctx) =>
    z.object({ ...referralCells(ctx), cppstartdate: date({ required: true, notAfter: ctx.today }), cppreviewdate: date({ required: true, notAfter: ctx.today }) })
      .transform((r) => ({ child: r.lachildid, referralDate: r.cinreferraldate, planStart: r.cppstartdate, review: r.cppreviewdate })),
  rules: (r) => (r.review <= r.planStart
    ? [{ field: 'CPPreviewDate', rule: '8841', message: 'The review date cannot be on the same day or before the Child protection Plan start date.' }]
    : []),
  stage: [...REFERRAL_STAGE, ['plan_start', 'date'], ['review_date', 'date']],
  toStage: (r) => [r.child, r.referralDate, r.planStart, r.review],
  key: ['la_child_id', 'referral_date', 'plan_start', 'review_date'],
  keyFields: [...REFERRAL_FIELDS, 'CPPstartDate', 'CPPreviewDate'],
  checks: [
    `SELECT s.f, s.r, 'CPPstartDate' AS field, 'plan-exists' AS rule,
       'There is no child protection plan for child ' || s.la_child_id || ' starting ' || to_char(s.plan_start, 'DD/MM/YYYY') || ' (in this import or already stored).' AS message
     FROM s_cin_cp_review s WHERE NOT EXISTS (SELECT 1 FROM ${PLANS_AFTER} p
       WHERE p.la_child_id = s.la_child_id AND p.referral_date = s.referral_date AND p.start_date = s.plan_start)`,
  ],
  upsert: upsertInto('cin_cp_review', 's_cin_cp_review', ['la_child_id', 'referral_date', 'plan_start', 'review_date'], ['la_child_id', 'referral_date', 'plan_start', 'review_date']),
};

export const CHILD_PROTECTION_TABLES: readonly TableSpec<any>[] = [cinPlans, section47, cpPlans, cpReviews];
