// SSDA903 Header, Episodes, Missing and OC3 (DfE looked-after children return).
import * as z from 'zod';
// The other tables of the return (Reviews, UASC, OC2, AD1 ...) are in ssda903-more.ts; the checks
// across rows, files and years in ssda903-checks.ts. Code lists are the collection year's
// (core/ssda903-years.ts), rule codes the DfE's (core/rules/ssda903-register.ts).
import { ACCOM, ACTIV, CIN, ETHNIC, IN_TOUCH, LS, MISSING, PLACE_PROVIDER, REASON_PLACE_CHANGE, REC, RNE, UPN_PATTERN } from '../../core/codes.ts';
import { episodeRules, headerRules, missingRules, oc3Rules, type EpisodeRow, type HeaderRow, type MissingRow, type Oc3Row } from '../../core/rules/ssda903.ts';
import { codesFor, storedSex } from '../../core/ssda903-years.ts';
import { code, date, pattern, text, withFields } from '../fields.ts';
import { annualReturn } from '../annual.ts';
import { type RowContext, type TableSpec } from '../spec.ts';
import { CHECKS_903 } from './ssda903-checks.ts';
import { DERIVED_903 } from './ssda903-sql.ts';

export const child = () => text({ required: true, max: 40 });
export const dob = (ctx: RowContext) => date({ required: true, rule: '102', notAfter: ctx.today });

export const header: TableSpec<HeaderRow> = {
  id: 'header',
  label: 'SSDA903 Header',
  columns: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
  needsYear: true,
  schema: (ctx) =>
    z
      .object({
        child: child(),
        sex: code(codesFor(ctx.fy).SEX, { required: true, rule: '101' }),
        dob: dob(ctx),
        ethnic: code(ETHNIC, { required: true, rule: '103' }),
        // A blank UPN is allowed for a child only ever on short breaks (rule 442 checks the rest).
        upn: pattern(UPN_PATTERN, { rule: '168', what: 'UPN (a letter and 12 digits, or UN1 to UN5)' }),
        mother: code({ '0': 'No', '1': 'Yes' }, { rule: '165' }),
        mc_dob: date({ rule: '171', notAfter: ctx.today }),
      })
      .transform((r) => withFields(r, { mcDob: r.mc_dob })),
  rules: (r, ctx) => headerRules(r, ctx.fy),
  stage: [
    ['child_id', 'text'], ['sex', 'smallint'], ['dob', 'date'], ['ethnic', 'text'], ['upn', 'text'], ['mother', 'smallint'], ['mc_dob', 'date'], ['sex_code', 'text'],
  ],
  toStage: (r) => [r.child, storedSex(r.sex), r.dob, r.ethnic, r.upn, r.mother === null ? null : Number(r.mother), r.mcDob, r.sex],
  key: ['child_id'],
  keyFields: ['CHILD'],
  duplicateRule: 'INT32',
  checkInvalidRows: true,
  returnChecks: CHECKS_903.Header,
  ...annualReturn('header', 'child', ['child_id', 'sex', 'dob', 'ethnic', 'upn', 'mother', 'mc_dob'], ['child_id'], { removes: false }),
};

const EPISODE_COLUMNS = ['child_id', 'decom', 'rne', 'ls', 'cin', 'place', 'place_provider', 'dec', 'rec', 'reason_place_change', 'home_post', 'pl_post', 'urn'];

export const episodes: TableSpec<EpisodeRow> = {
  id: 'episodes',
  label: 'SSDA903 Episodes',
  columns: ['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'URN'],
  needsYear: true,
  schema: (ctx) =>
    z
      .object({
        child: child(),
        decom: date({ required: true, rule: '141', notAfter: ctx.today }),
        rne: code(RNE, { required: true, rule: '143' }),
        ls: code(LS, { required: true, rule: '144' }),
        cin: code(CIN, { required: true, rule: '145' }),
        place: code(codesFor(ctx.fy).PLACE, { required: true, rule: '146' }),
        place_provider: code(PLACE_PROVIDER, { rule: '178' }),
        dec: date({ rule: '147', notAfter: ctx.today }),
        rec: code(REC, { rule: '149' }),
        reason_place_change: code(REASON_PLACE_CHANGE, { rule: '1009' }),
        home_post: text({ max: 10 }),
        pl_post: text({ max: 10 }),
        urn: text({ max: 10 }),
      })
      .transform((r) =>
        withFields(r, {
          placeProvider: r.place_provider,
          reasonPlaceChange: r.reason_place_change,
          homePost: r.home_post,
          plPost: r.pl_post,
        }),
      ),
  rules: (r, ctx) => episodeRules(r, ctx.fy),
  stage: [
    ['child_id', 'text'], ['decom', 'date'], ['rne', 'text'], ['ls', 'text'], ['cin', 'text'], ['place', 'text'],
    ['place_provider', 'text'], ['dec', 'date'], ['rec', 'text'], ['reason_place_change', 'text'],
    ['home_post', 'text'], ['pl_post', 'text'], ['urn', 'text'],
  ],
  toStage: (r) => [r.child, r.decom, r.rne, r.ls, r.cin, r.place, r.placeProvider, r.dec, r.rec, r.reasonPlaceChange, r.homePost, r.plPost, r.urn],
  key: ['child_id', 'decom'],
  keyFields: ['CHILD', 'DECOM'],
  checkInvalidRows: true,
  returnChecks: CHECKS_903.Episodes,
  derived: DERIVED_903,
  ...annualReturn('episodes', 'la_episode', EPISODE_COLUMNS, ['child_id', 'decom']),
};

/** The Missing layout, shared with the case system's missing-from-home export. */
export function missingShape(ctx: RowContext) {
  return {
    child: child(),
    dob: dob(ctx),
    missing: code(MISSING, { required: true, rule: '1006' }),
    mis_start: date({ required: true, rule: '1004', notAfter: ctx.today }),
    mis_end: date({ rule: '1005', notAfter: ctx.today }),
  };
}

export const MISSING_STAGE = [['child_id', 'text'], ['missing', 'text'], ['mis_start', 'date'], ['mis_end', 'date']] as const;

export const missing: TableSpec<MissingRow> = {
  id: 'missing',
  label: 'SSDA903 Missing',
  columns: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
  needsYear: true,
  // A blank type or start date is a row rule of the return (564, 565, 566, 1004), not a refused cell.
  schema: (ctx) =>
    z
      .object({ ...missingShape(ctx), missing: code(MISSING, { rule: '1006' }), mis_start: date({ rule: '1004', notAfter: ctx.today }) })
      .transform((r) => withFields(r, { misStart: r.mis_start, misEnd: r.mis_end })),
  rules: (r, ctx) => missingRules(r, ctx.fy),
  stage: [...MISSING_STAGE, ['dob', 'date']],
  toStage: (r) => [r.child, r.missing, r.misStart, r.misEnd, r.dob],
  key: ['child_id', 'mis_start'],
  keyFields: ['CHILD', 'MIS_START'],
  checkInvalidRows: true,
  returnChecks: CHECKS_903.Missing,
  ...annualReturn('missing', 'missing_episode', ['child_id', 'mis_start', 'missing', 'mis_end', 'looked_after'], ['child_id', 'mis_start'], {
    select: ['child_id', 'mis_start', 'missing', 'mis_end', 'true'],
  }),
};

export const oc3: TableSpec<Oc3Row> = {
  id: 'oc3',
  label: 'SSDA903 OC3',
  columns: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
  needsYear: true,
  schema: (ctx) =>
    z
      .object({
        child: child(),
        dob: dob(ctx),
        in_touch: code(IN_TOUCH, { required: true, rule: '131' }),
        activ: code(ACTIV, { rule: '132' }),
        accom: code(ACCOM, { rule: '133' }),
      })
      .transform((r) => withFields(r, { inTouch: r.in_touch })),
  rules: (r, ctx) => oc3Rules(r, ctx.fy),
  stage: [['child_id', 'text'], ['fy', 'smallint'], ['in_touch', 'text'], ['activ', 'text'], ['accom', 'text'], ['dob', 'date']],
  toStage: (r, ctx) => [r.child, ctx.fy, r.inTouch, r.activ, r.accom, r.dob],
  key: ['child_id', 'fy'],
  keyFields: ['CHILD'],
  duplicateRule: 'INT34',
  checkInvalidRows: true,
  returnChecks: CHECKS_903.OC3,
  ...annualReturn('oc3', 'oc3', ['child_id', 'fy', 'in_touch', 'activ', 'accom'], ['child_id', 'fy']),
};
