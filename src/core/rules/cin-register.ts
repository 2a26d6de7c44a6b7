// The CIN census rule register: every rule csinsight checks on a CIN census return, with the DfE's
// code, its severity (an error refuses the return; a query, a code ending Q, asks for a reason and
// is listed beside the stored return), the years it applies to, its message and how it is checked.
// Rules about a whole child come from cinCensus.ts (CENSUS_RULES, RETURN_RULES) as they are; the
// rest (the schema's, one row's, across rows in SQL, the Header's) are listed here with the module
// that checks them. docs/cin-rules.md is generated from it (scripts/cin-rules-doc.ts), beside the
// data-to-insight CIN validator's rules (docs/cin-validator-rules.json) and why any is not checked.
import { CENSUS_RULES, RETURN_RULES, type Severity } from './cinCensus.ts';

/**
 * How a rule is checked: by the year's schema as the XML is read (the element's problem carries the
 * code); within one row of a table (CSV too); across rows of the staged tables (SQL, CSV too); on
 * a whole child as it is parsed; across the whole return (as the file streams, or when it ends);
 * on the Header.
 */
export type CinHow = 'schema' | 'row' | 'rows' | 'child' | 'return' | 'header';

export interface CinRule {
  code: string;
  severity: Severity;
  how: CinHow;
  /** The fields (census item names) it is about. */
  fields: string;
  message: string;
  /** First and last census Year (ending 31 March) it applies to; open when absent. */
  from?: number;
  until?: number;
  /** The module that checks it. */
  where: string;
}

const SCHEMA = 'src/importers/xml/cin.ts (schema problems by element)';
const REFERRALS = 'src/core/rules/cin.ts (cin_referral, cin_assessment rows)';
const CP_TABLES = 'src/importers/tables/childProtection.ts';

// [code, how, fields, message, where]
const ELSEWHERE: readonly [string, CinHow, string, string, string][] = [
  ['100', 'header', 'ReferenceDate', 'Reference Date is incorrect', 'src/importers/xml/cin.ts (headerFindings)'],
  ['8500', 'schema', 'LAchildID', 'LA Child ID missing', SCHEMA],
  ['8510', 'return', 'LAchildID', 'More than one child record with the same LA Child ID', 'src/importers/xml/parse-xml.ts (duplicate keys); CSV: the staged key'],
  ['4180', 'schema', 'Sex, GenderCurrent', 'Sex (GenderCurrent before 2024-25) is missing or not one of the year\'s codes', SCHEMA],
  ['4220', 'schema', 'Ethnicity', 'Ethnicity is missing or invalid (see Ethnicity table)', SCHEMA],
  ['8540', 'schema', 'Disability', 'Child’s disability is missing or invalid (see Disability table)', SCHEMA],
  ['8590', 'schema', 'CINdetails', 'Child does not have a recorded CIN episode.', SCHEMA],
  ['8600', 'schema', 'CINreferralDate', 'Child referral date missing', SCHEMA],
  ['8866', 'schema', 'ReferralSource', 'Source of Referral is missing or an invalid code', `${SCHEMA}; CSV: src/importers/tables/cin.ts`],
  ['8650', 'schema', 'PrimaryNeedCode', 'Primary Need Code invalid (see Primary Need table in CIN census code set)', SCHEMA],
  ['8640', 'schema', 'ReasonForClosure', 'CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)', SCHEMA],
  ['8568', 'schema', 'ReferralNFA', 'RNFA flag is missing or invalid', SCHEMA],
  ['4010', 'schema', 'CINPlanStartDate', 'CIN Plan start date is missing', `${SCHEMA}; CSV: ${CP_TABLES}`],
  ['8615', 'schema', 'S47ActualStartDate', 'Section 47 Enquiry Start Date must be present', `${SCHEMA}; CSV: ${CP_TABLES}`],
  ['8720', 'schema', 'CPPstartDate', 'Child Protection Plan Start Date missing', `${SCHEMA}; CSV: ${CP_TABLES}`],
  ['8905', 'schema', 'InitialCategoryOfAbuse', 'Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)', SCHEMA],
  ['8910', 'schema', 'LatestCategoryOfAbuse', 'Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)', SCHEMA],
  ['8730', 'schema', 'NumberOfPreviousCPP', 'Total Number of previous Child Protection Plans missing', `${SCHEMA}; CSV: ${CP_TABLES}`],
  ['8842Q', 'schema', 'CPPreviewDate', 'Review Record has a missing date (the schema requires CPPreviewDate in Reviews, so a missing one refuses the return)', SCHEMA],
  ['1103', 'row', 'AssessmentActualStartDate', 'The assessment start date cannot be before the referral date', REFERRALS],
  ['8608', 'row', 'AssessmentAuthorisationDate', 'Assessment Start Date cannot be later than its End Date', REFERRALS],
  ['8869', 'row', 'AssessmentFactors', 'The assessment factors code “21” cannot be used in conjunction with any other assessment factors.', REFERRALS],
  ['8630', 'row', 'CINclosureDate', 'CIN Closure Date is before CIN Referral Date for the same CIN episode', REFERRALS],
  ['8805', 'row', 'ReasonForClosure', 'A CIN case cannot have a CIN closure date without a Reason for Closure', REFERRALS],
  ['8810', 'row', 'CINclosureDate', 'A CIN case cannot have a Reason for Closure without a CIN Closure Date', REFERRALS],
  ['4011', 'row', 'CINPlanEndDate', 'CIN Plan End Date earlier than Start Date', CP_TABLES],
  ['4015', 'row', 'CINPlanStartDate', 'The CIN Plan start date cannot be before the referral date', CP_TABLES],
  ['2889', 'row', 'S47ActualStartDate', 'The S47 start date cannot be before the referral date.', CP_TABLES],
  ['8615', 'row', 'S47ActualStartDate', 'Section 47 Enquiry Start Date cannot be later than the date of the initial Child Protection Conference', CP_TABLES],
  ['1105', 'row', 'CPPstartDate', 'The child protection plan start date cannot be before the referral date', CP_TABLES],
  ['8925', 'row', 'CPPendDate', 'Child Protection Plan End Date earlier than Start Date', CP_TABLES],
  ['8730', 'row', 'NumberOfPreviousCPP', 'Total Number of previous Child Protection Plans is not a whole number', CP_TABLES],
  ['8841', 'row', 'CPPreviewDate', 'The review date cannot be on the same day or before the Child protection Plan start date.', CP_TABLES],
  ['pp-before-referral', 'row', 'PPStartDate', 'Pre-proceedings cannot start before the referral date', 'src/importers/tables/preProceedings.ts'],
  ['8565', 'rows', 'AssessmentActualStartDate, AssessmentAuthorisationDate', 'Activity shown after a case has been closed (assessments, CSV too)', 'src/importers/tables/cin.ts (SQL check)'],
  ['8867', 'rows', 'AssessmentAuthorisationDate', 'CIN episode is shown as closed, however Assessment is not shown as completed', 'src/importers/tables/cin.ts (SQL check)'],
];

const fromCensus = (how: CinHow, where: string) => (r: (typeof CENSUS_RULES)[number]): CinRule => ({
  code: r.code, severity: r.severity ?? 'error', how, fields: r.field, message: r.message, where,
  ...(r.from !== undefined ? { from: r.from } : {}), ...(r.until !== undefined ? { until: r.until } : {}),
});

/** Every check of a CIN census return, by code (a code may be checked in more than one way, or differ by year). */
export const CIN_RULES: readonly CinRule[] = [
  ...ELSEWHERE.map(([code, how, fields, message, where]): CinRule => ({ code, severity: code.endsWith('Q') ? 'query' : 'error', how, fields, message, where })),
  ...CENSUS_RULES.map(fromCensus('child', 'src/core/rules/cinCensus.ts (CENSUS_RULES)')),
  ...RETURN_RULES.map(fromCensus('return', 'src/core/rules/cinCensus.ts (CensusReturnTally)')),
].sort((a, b) => (parseInt(a.code, 10) || Infinity) - (parseInt(b.code, 10) || Infinity) || a.code.localeCompare(b.code));
