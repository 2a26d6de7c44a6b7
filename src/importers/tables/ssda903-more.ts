// SSDA903 Reviews, UASC, OC2, AD1, PlacedAdoption, PrevPerm, SWEpisodes and DoLo (2026-27 on):
// the rest of the return, beside Header, Episodes, Missing and OC3 in ssda903.ts. Column names are
// the DfE's (docs/formats.md), rule codes the DfE's (core/rules/ssda903-register.ts).
import * as z from 'zod';
import {
  ad1Rules, doloRules, oc2Rules, permDateLatest, placedAdoptionRules, prevPermRules, reviewRules, swEpisodeRules, uascRules,
  type Ad1Row, type DoloRow, type Oc2Row, type PlacedAdoptionRow, type PrevPermRow, type ReviewRow, type SwEpisodeRow, type UascRow,
} from '../../core/rules/ssda903.ts';
import { LS_ADOPTR, NB_ADOPTR, PREV_PERM, REASON_PLACED_CEASED, REVIEW_CODE, SDQ_REASON, SEX_ADOPTR, SW_REASON, YES_NO_01 } from '../../core/ssda903-codes.ts';
import { codesFor } from '../../core/ssda903-years.ts';
import { annualReturn } from '../annual.ts';
import { code, date, integer, text, withFields } from '../fields.ts';
import type { RowContext, TableSpec } from '../spec.ts';
import { child, dob } from './ssda903.ts';
import { CHECKS_903 } from './ssda903-checks.ts';

const flag = (rule: string) => code(YES_NO_01, { rule });
const bool = (v: string | null) => (v === null ? null : v === '1');

/** What every one of these tables shares: a year, rows checked even when a cell is refused. */
const common = { needsYear: true, checkInvalidRows: true } as const;

export const reviews: TableSpec<ReviewRow> = {
  ...common,
  id: 'reviews',
  label: 'SSDA903 Reviews',
  columns: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
  schema: (ctx) =>
    z
      .object({ child: child(), dob: dob(ctx), review: date({ required: true, rule: '166' }), review_code: code(REVIEW_CODE, { required: true, rule: '167' }) })
      .transform((r) => ({ child: r.child, dob: r.dob, review: r.review, reviewCode: r.review_code })),
  rules: (r, ctx) => reviewRules(r, ctx.fy),
  stage: [['child_id', 'text'], ['review', 'date'], ['review_code', 'text'], ['dob', 'date']],
  toStage: (r) => [r.child, r.review, r.reviewCode, r.dob],
  key: ['child_id', 'review'],
  keyFields: ['CHILD', 'REVIEW'],
  returnChecks: CHECKS_903.Reviews,
  ...annualReturn('reviews', 'la_review', ['child_id', 'review', 'review_code'], ['child_id', 'review']),
};

export const uasc: TableSpec<UascRow> = {
  ...common,
  id: 'uasc',
  label: 'SSDA903 UASC',
  columns: ['CHILD', 'SEX', 'DOB', 'DUC'],
  schema: (ctx) =>
    z.object({ child: child(), sex: code(codesFor(ctx.fy).SEX, { required: true, rule: '101' }), dob: dob(ctx), duc: date({ rule: '104' }) }),
  rules: (r, ctx) => uascRules(r, ctx.fy),
  stage: [['child_id', 'text'], ['fy', 'smallint'], ['duc', 'date'], ['dob', 'date'], ['sex_code', 'text']],
  toStage: (r, ctx) => [r.child, ctx.fy, r.duc, r.dob, r.sex],
  key: ['child_id', 'fy'],
  keyFields: ['CHILD'],
  duplicateRule: 'INT36',
  returnChecks: CHECKS_903.UASC,
  ...annualReturn('uasc', 'uasc', ['child_id', 'fy', 'duc'], ['child_id', 'fy']),
};

const OC2_FLAGS = ['convicted', 'health_check', 'immunisations', 'teeth_check', 'health_assessment', 'substance_misuse', 'intervention_received', 'intervention_offered'] as const;

export const oc2: TableSpec<Oc2Row> = {
  ...common,
  id: 'oc2',
  label: 'SSDA903 OC2',
  columns: ['CHILD', 'DOB', 'SDQ_SCORE', 'SDQ_REASON', ...OC2_FLAGS.map((f) => f.toUpperCase())],
  schema: (ctx) =>
    z
      .object({
        child: child(),
        dob: dob(ctx),
        sdq_score: integer(0, 40, { rule: '180' }),
        sdq_reason: code(SDQ_REASON, { rule: '196' }),
        ...Object.fromEntries(OC2_FLAGS.map((f) => [f, flag('181')])) as Record<(typeof OC2_FLAGS)[number], ReturnType<typeof flag>>,
      })
      .transform((r) =>
        withFields(r, {
          sdqScore: r.sdq_score, sdqReason: r.sdq_reason, healthCheck: r.health_check, teethCheck: r.teeth_check, healthAssessment: r.health_assessment,
          substanceMisuse: r.substance_misuse, interventionReceived: r.intervention_received, interventionOffered: r.intervention_offered,
        }),
      ),
  rules: (r, ctx) => oc2Rules(r, ctx.fy),
  stage: [['child_id', 'text'], ['fy', 'smallint'], ['sdq_score', 'smallint'], ['sdq_reason', 'text'], ...OC2_FLAGS.map((f) => [f, 'boolean'] as const), ['dob', 'date']],
  toStage: (r, ctx) => [
    r.child, ctx.fy, r.sdqScore, r.sdqReason, bool(r.convicted), bool(r.healthCheck), bool(r.immunisations), bool(r.teethCheck),
    bool(r.healthAssessment), bool(r.substanceMisuse), bool(r.interventionReceived), bool(r.interventionOffered), r.dob,
  ],
  key: ['child_id', 'fy'],
  keyFields: ['CHILD'],
  duplicateRule: 'INT33',
  returnChecks: CHECKS_903.OC2,
  ...annualReturn('oc2', 'oc2', ['child_id', 'fy', 'sdq_score', 'sdq_reason', ...OC2_FLAGS], ['child_id', 'fy']),
};

export const ad1: TableSpec<Ad1Row> = {
  ...common,
  id: 'ad1',
  label: 'SSDA903 AD1',
  columns: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
  schema: (ctx) =>
    z
      .object({
        child: child(),
        dob: dob(ctx),
        date_int: date({ rule: '112' }),
        date_match: date({ rule: '113' }),
        foster_care: flag('114'),
        nb_adoptr: code(NB_ADOPTR, { rule: '175' }),
        sex_adoptr: code(SEX_ADOPTR, { rule: '176' }),
        ls_adoptr: code(LS_ADOPTR, { rule: '177' }),
      })
      .transform((r) => ({
        child: r.child, dob: r.dob, dateInt: r.date_int, dateMatch: r.date_match, fosterCare: r.foster_care, nbAdoptr: r.nb_adoptr,
        sexAdoptr: r.sex_adoptr, lsAdoptr: r.ls_adoptr,
      })),
  rules: (r, ctx) => ad1Rules(r, ctx.fy),
  stage: [
    ['child_id', 'text'], ['fy', 'smallint'], ['date_int', 'date'], ['date_match', 'date'], ['foster_care', 'boolean'], ['nb_adoptr', 'smallint'],
    ['sex_adoptr', 'text'], ['ls_adoptr', 'text'], ['dob', 'date'],
  ],
  toStage: (r, ctx) => [r.child, ctx.fy, r.dateInt, r.dateMatch, bool(r.fosterCare), r.nbAdoptr === null ? null : Number(r.nbAdoptr), r.sexAdoptr, r.lsAdoptr, r.dob],
  key: ['child_id', 'fy'],
  keyFields: ['CHILD'],
  duplicateRule: 'INT31',
  returnChecks: CHECKS_903.AD1,
  ...annualReturn('ad1', 'ad1', ['child_id', 'fy', 'date_int', 'date_match', 'foster_care', 'nb_adoptr', 'sex_adoptr', 'ls_adoptr'], ['child_id', 'fy']),
};

export const placedAdoption: TableSpec<PlacedAdoptionRow> = {
  ...common,
  id: 'placed_adoption',
  label: 'SSDA903 PlacedAdoption',
  columns: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
  schema: (ctx) =>
    z
      .object({
        child: child(),
        dob: dob(ctx),
        date_placed: date({ required: true, rule: '115' }),
        date_placed_ceased: date({ rule: '116' }),
        reason_placed_ceased: code(REASON_PLACED_CEASED, { rule: '120' }),
      })
      .transform((r) => ({ child: r.child, dob: r.dob, datePlaced: r.date_placed, datePlacedCeased: r.date_placed_ceased, reasonPlacedCeased: r.reason_placed_ceased })),
  rules: (r, ctx) => placedAdoptionRules(r, ctx.fy),
  stage: [['child_id', 'text'], ['date_placed', 'date'], ['date_placed_ceased', 'date'], ['reason_placed_ceased', 'text'], ['dob', 'date']],
  toStage: (r) => [r.child, r.datePlaced, r.datePlacedCeased, r.reasonPlacedCeased, r.dob],
  key: ['child_id', 'date_placed'],
  keyFields: ['CHILD', 'DATE_PLACED'],
  returnChecks: CHECKS_903.PlacedAdoption,
  ...annualReturn('placed_adoption', 'placed_adoption', ['child_id', 'date_placed', 'date_placed_ceased', 'reason_placed_ceased'], ['child_id', 'date_placed']),
};

export const prevPerm: TableSpec<PrevPermRow> = {
  ...common,
  id: 'prev_perm',
  label: 'SSDA903 PrevPerm',
  columns: ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'],
  schema: (ctx) =>
    z
      .object({ child: child(), dob: dob(ctx), prev_perm: code(PREV_PERM, { required: true, rule: '631' }), la_perm: text({ max: 3 }), date_perm: text({ max: 10 }) })
      .transform((r) => ({ child: r.child, dob: r.dob, prevPerm: r.prev_perm, laPerm: r.la_perm, datePerm: r.date_perm })),
  rules: (r, ctx) => prevPermRules(r, ctx.fy),
  // date_perm_by: the latest day DATE_PERM can be, for rule 632 in SQL.
  stage: [['child_id', 'text'], ['fy', 'smallint'], ['prev_perm', 'text'], ['la_perm', 'text'], ['date_perm', 'text'], ['dob', 'date'], ['date_perm_by', 'date']],
  toStage: (r, ctx) => [r.child, ctx.fy, r.prevPerm, r.laPerm, r.datePerm, r.dob, permDateLatest(r.datePerm)],
  key: ['child_id', 'fy'],
  keyFields: ['CHILD'],
  duplicateRule: 'INT35',
  returnChecks: CHECKS_903.PrevPerm,
  ...annualReturn('prev_perm', 'prev_perm', ['child_id', 'fy', 'prev_perm', 'la_perm', 'date_perm'], ['child_id', 'fy']),
};

const swFromApril2024 = (ctx: RowContext) => ctx.fy !== null && ctx.fy >= 2024;

export const swEpisodes: TableSpec<SwEpisodeRow> = {
  ...common,
  id: 'sw_episodes',
  label: 'SSDA903 SWEpisodes',
  columns: ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'],
  schema: (ctx) =>
    z
      .object({
        child: child(),
        dob: dob(ctx),
        // From 2024-25 a blank ID or start date is reported by SW01aSTG1/SW01bSTG1 (row rules).
        sw_id: swFromApril2024(ctx) ? text({ max: 20 }) : text({ required: true, max: 20 }),
        sw_decom: swFromApril2024(ctx) ? date({ rule: 'SW04STG1' }) : date({ required: true, rule: 'SW04STG1' }),
        sw_dec: date({ rule: 'SW05STG1' }),
        sw_reason: code(SW_REASON, { rule: 'SW13STG1' }),
      })
      .transform((r) => ({ child: r.child, dob: r.dob, swId: r.sw_id, swDecom: r.sw_decom, swDec: r.sw_dec, swReason: r.sw_reason })),
  rules: (r, ctx) => swEpisodeRules(r, ctx.fy),
  stage: [['child_id', 'text'], ['sw_decom', 'date'], ['sw_id', 'text'], ['sw_dec', 'date'], ['sw_reason', 'text'], ['dob', 'date']],
  toStage: (r) => [r.child, r.swDecom, r.swId, r.swDec, r.swReason, r.dob],
  key: ['child_id', 'sw_decom'],
  keyFields: ['CHILD', 'SW_DECOM'],
  returnChecks: CHECKS_903.SWEpisodes,
  ...annualReturn('sw_episodes', 'sw_episode', ['child_id', 'sw_decom', 'sw_id', 'sw_dec', 'sw_reason'], ['child_id', 'sw_decom']),
};

export const dolo: TableSpec<DoloRow> = {
  ...common,
  id: 'dolo',
  label: 'SSDA903 DoLo',
  columns: ['CHILD', 'DOB', 'DOLO_START', 'DOLO_END'],
  schema: (ctx) =>
    z
      .object({ child: child(), dob: dob(ctx), dolo_start: date({ required: true, rule: '700' }), dolo_end: date({ rule: '701' }) })
      .transform((r) => ({ child: r.child, dob: r.dob, doloStart: r.dolo_start, doloEnd: r.dolo_end })),
  rules: (r, ctx) => doloRules(r, ctx.fy),
  stage: [['child_id', 'text'], ['dolo_start', 'date'], ['dolo_end', 'date'], ['dob', 'date']],
  toStage: (r) => [r.child, r.doloStart, r.doloEnd, r.dob],
  key: ['child_id', 'dolo_start'],
  keyFields: ['CHILD', 'DOLO_START'],
  returnChecks: CHECKS_903.DoLo,
  ...annualReturn('dolo', 'dolo', ['child_id', 'dolo_start', 'dolo_end'], ['child_id', 'dolo_start']),
};

/** In the order they are stored (after the Header, which they all need). */
export const MORE_903_TABLES: readonly TableSpec<any>[] = [reviews, uasc, oc2, ad1, placedAdoption, prevPerm, swEpisodes, dolo];
