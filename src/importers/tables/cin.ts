// CIN census referrals (CINdetails, with the child's identifiers and characteristics on each row)
// and Assessments, as CSV with the census item names as headers, plus the child population for
// rates per 10,000 children. Layouts in docs/formats.md.
import * as z from 'zod';
import {
  ASSESSMENT_FACTORS, GENDER_CURRENT, LOCAL_SOURCE, PRIMARY_NEED, REASON_FOR_CLOSURE, REFERRAL_SOURCE, assessmentDueDate,
  type LocalSource, type ReferralSource,
} from '../../core/cin.ts';
import { ETHNIC } from '../../core/codes.ts';
import { cinAssessmentRules, cinReferralRules, type CinAssessmentRow, type CinReferralRow } from '../../core/rules/cin.ts';
import { code, codeSet, date, number, text } from '../fields.ts';
import { upsertInto } from '../bulk.ts';
import { afterImport, type TableSpec } from '../spec.ts';

/** ReferralNFA is a census yes/no: true/false or 1/0 (Y/N accepted too). Required. */
const NFA = { true: 'Yes', false: 'No', '1': 'Yes', '0': 'No', Y: 'Yes', N: 'No' } as const;
const LOCAL_CODES = Object.fromEntries(Object.entries(LOCAL_SOURCE).map(([k, v]) => [k, v.label])) as Record<LocalSource, string>;

const REFERRAL_COLUMNS = [
  'la_child_id', 'referral_date', 'person_birth_date', 'gender', 'ethnicity', 'referral_source', 'local_source', 'primary_need',
  'referral_nfa', 'closure_date', 'closure_reason',
];

/** Referrals once this import is stored: for the overlap check and for assessments' parents. */
const REFERRALS_AFTER = {
  stages: ['s_cin_referral'], table: 'cin_referral', columns: ['la_child_id', 'referral_date', 'closure_date'], key: ['la_child_id', 'referral_date'],
};

export const cinReferrals: TableSpec<CinReferralRow> = {
  id: 'cin_referral',
  label: 'CIN census referrals',
  columns: [
    'LAchildID', 'PersonBirthDate', 'GenderCurrent', 'Ethnicity', 'CINreferralDate', 'ReferralSource', 'LocalReferralSource',
    'PrimaryNeedCode', 'ReferralNFA', 'CINclosureDate', 'ReasonForClosure',
  ],
  schema: (ctx) =>
    z
      .object({
        lachildid: text({ required: true, max: 40 }),
        personbirthdate: date({ notAfter: ctx.today }),
        gendercurrent: code(GENDER_CURRENT, { required: true }),
        ethnicity: code(ETHNIC),
        cinreferraldate: date({ required: true, notAfter: ctx.today }),
        referralsource: code(REFERRAL_SOURCE, { required: true, rule: '8866' }),
        localreferralsource: code(LOCAL_CODES),
        primaryneedcode: code(PRIMARY_NEED),
        referralnfa: code(NFA, { required: true }),
        cinclosuredate: date({ notAfter: ctx.today }),
        reasonforclosure: code(REASON_FOR_CLOSURE),
      })
      .transform(
        (r): CinReferralRow => ({
          child: r.lachildid,
          birthDate: r.personbirthdate,
          gender: r.gendercurrent,
          ethnicity: r.ethnicity,
          referralDate: r.cinreferraldate,
          source: r.referralsource as ReferralSource,
          localSource: r.localreferralsource as LocalSource | null,
          primaryNeed: r.primaryneedcode,
          nfa: NFA[r.referralnfa as keyof typeof NFA] === 'Yes',
          closureDate: r.cinclosuredate,
          closureReason: r.reasonforclosure,
        }),
      ),
  rules: cinReferralRules,
  stage: [
    ['la_child_id', 'text'], ['referral_date', 'date'], ['person_birth_date', 'date'], ['gender', 'text'], ['ethnicity', 'text'],
    ['referral_source', 'text'], ['local_source', 'text'], ['primary_need', 'text'], ['referral_nfa', 'boolean'],
    ['closure_date', 'date'], ['closure_reason', 'text'],
  ],
  toStage: (r) => [
    r.child, r.referralDate, r.birthDate, r.gender, r.ethnicity, r.source, r.localSource, r.primaryNeed, r.nfa, r.closureDate, r.closureReason,
  ],
  key: ['la_child_id', 'referral_date'],
  keyFields: ['LAchildID', 'CINreferralDate'],
  checks: [
    // A child is referred when not already in need: an earlier referral must be closed by then.
    `WITH r AS ${afterImport({ ...REFERRALS_AFTER, withRow: true })}
     SELECT b.f, b.r, 'CINreferralDate' AS field, 'overlap' AS rule,
       'Child ' || b.la_child_id || ' is referred on ' || to_char(b.referral_date, 'DD/MM/YYYY') || ' while the referral of '
         || to_char(a.referral_date, 'DD/MM/YYYY') || ' is still open (' || COALESCE('closed ' || to_char(a.closure_date, 'DD/MM/YYYY'), 'no closure date') || ').' AS message
     FROM r a JOIN r b ON a.la_child_id = b.la_child_id AND a.referral_date < b.referral_date
       AND (a.closure_date IS NULL OR a.closure_date > b.referral_date)
     WHERE b.f IS NOT NULL`,
  ],
  // The census return has no local sub-code: a referral it brings again keeps the one the case system gave.
  // Kept in the upsert's conflict branch, not looked up per staged row: loading into an empty table
  // drops the key first, and a lookup per row then read the whole growing table (quadratic nationally).
  upsert: upsertInto('cin_referral', 's_cin_referral', REFERRAL_COLUMNS, ['la_child_id', 'referral_date'], undefined, ['local_source']),
};

const REFERRALS = afterImport(REFERRALS_AFTER);

/** Each staged row of `stage` (la_child_id, referral_date) must belong to a referral in this import or stored. */
export function referralExistsCheck(stage: string): string {
  return `SELECT s.f, s.r, 'CINreferralDate' AS field, 'referral-exists' AS rule,
       'There is no referral for child ' || s.la_child_id || ' on ' || to_char(s.referral_date, 'DD/MM/YYYY') || ' (in this import or already stored).' AS message
     FROM ${stage} s WHERE NOT EXISTS (SELECT 1 FROM ${REFERRALS} e WHERE e.la_child_id = s.la_child_id AND e.referral_date = s.referral_date)`;
}

export const cinAssessments: TableSpec<CinAssessmentRow & { due: string }> = {
  id: 'cin_assessment',
  label: 'CIN census assessments',
  columns: ['LAchildID', 'CINreferralDate', 'AssessmentActualStartDate', 'AssessmentInternalReviewDate', 'AssessmentAuthorisationDate', 'AssessmentFactors'],
  schema: (ctx) =>
    z
      .object({
        lachildid: text({ required: true, max: 40 }),
        cinreferraldate: date({ required: true, notAfter: ctx.today }),
        assessmentactualstartdate: date({ required: true, notAfter: ctx.today }),
        assessmentinternalreviewdate: date({ notAfter: ctx.today }),
        assessmentauthorisationdate: date({ notAfter: ctx.today }),
        assessmentfactors: codeSet(ASSESSMENT_FACTORS),
      })
      .transform((r) => ({
        child: r.lachildid,
        referralDate: r.cinreferraldate,
        start: r.assessmentactualstartdate,
        review: r.assessmentinternalreviewdate,
        authorised: r.assessmentauthorisationdate,
        factors: r.assessmentfactors,
        due: assessmentDueDate(r.assessmentactualstartdate),
      })),
  rules: cinAssessmentRules,
  stage: [
    ['la_child_id', 'text'], ['referral_date', 'date'], ['start_date', 'date'], ['review_date', 'date'], ['authorisation_date', 'date'],
    ['factors', 'text[]'], ['due_date', 'date'],
  ],
  toStage: (r) => [r.child, r.referralDate, r.start, r.review, r.authorised, r.factors, r.due],
  key: ['la_child_id', 'referral_date', 'start_date'],
  keyFields: ['LAchildID', 'CINreferralDate', 'AssessmentActualStartDate'],
  checks: [
    referralExistsCheck('s_cin_assessment'),
    `SELECT s.f, s.r, CASE WHEN s.start_date > e.closure_date THEN 'AssessmentActualStartDate' ELSE 'AssessmentAuthorisationDate' END AS field,
       '8565' AS rule,
       'The assessment is dated after the case was closed on ' || to_char(e.closure_date, 'DD/MM/YYYY') || '.' AS message
     FROM s_cin_assessment s JOIN ${REFERRALS} e ON e.la_child_id = s.la_child_id AND e.referral_date = s.referral_date
     WHERE GREATEST(s.start_date, s.authorisation_date) > e.closure_date`,
    `SELECT s.f, s.r, 'AssessmentAuthorisationDate' AS field, '8867' AS rule,
       'The case was closed on ' || to_char(e.closure_date, 'DD/MM/YYYY') || ' but this assessment is not shown as completed.' AS message
     FROM s_cin_assessment s JOIN ${REFERRALS} e ON e.la_child_id = s.la_child_id AND e.referral_date = s.referral_date
     WHERE e.closure_date IS NOT NULL AND s.authorisation_date IS NULL`,
  ],
  upsert: upsertInto('cin_assessment', 's_cin_assessment',
      ['la_child_id', 'referral_date', 'start_date', 'review_date', 'authorisation_date', 'factors', 'due_date'],
      ['la_child_id', 'referral_date', 'start_date']),
};

interface PopulationRow {
  year: number;
  population: number;
}

export const childPopulation: TableSpec<PopulationRow> = {
  id: 'child_population',
  label: 'Child population (0 to 17)',
  columns: ['Year', 'Population0to17'],
  schema: () =>
    z.object({ year: number(), population0to17: number() }).transform((r) => ({ year: r.year, population: r.population0to17 })),
  rules: (r) => [
    ...(Number.isInteger(r.year) && r.year >= 1990 && r.year <= 2100
      ? [] : [{ field: 'Year', rule: 'year', message: `${r.year} is not the year of a mid-year estimate (e.g. 2024).` }]),
    ...(Number.isInteger(r.population) && r.population > 0
      ? [] : [{ field: 'Population0to17', rule: 'population', message: `${r.population} is not a number of children (a whole number above 0).` }]),
  ],
  stage: [['year', 'smallint'], ['population', 'integer']],
  toStage: (r) => [r.year, r.population],
  key: ['year'],
  keyFields: ['Year'],
  upsert: upsertInto('child_population', 's_child_population', ['year', 'population'], ['year']),
};

export const FRONT_DOOR_TABLES: readonly TableSpec<any>[] = [cinReferrals, cinAssessments, childPopulation];
