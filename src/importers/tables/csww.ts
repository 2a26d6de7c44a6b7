// The Children's social work workforce census (CSWW) as tables: one row per worker record and one
// per year for the authority's vacancies and agency figures, as the CSWW XML gives them (or the
// same items as CSV, with the census Year as a column). Importing a year replaces that year.
import * as z from 'zod';
import { CSWW_REASON_LEAVE, CSWW_ROLE } from '../../core/codes.ts';
import { cswwWorkerRules, type CswwVacancyRow, type CswwWorkerRow } from '../../core/csww.ts';
import { code, date, number, numberOrBlank, pattern, yesNo } from '../fields.ts';
import { script, type TableSpec } from '../spec.ts';

const year = () => number();
const WORKER_COLUMNS = ['year', 'swe_no', 'agency', 'fte', 'org_role', 'role_start', 'role_end', 'reason_leave', 'fte30', 'cases30', 'days_lost', 'absent_30sept'];
const VACANCY_COLUMNS = ['year', 'vacancies_fte', 'agency_fte', 'agency_headcount'];

/** Replaces the staged years of `table` with the staged rows. */
const replaceYears = (table: string, columns: readonly string[]) =>
  script(`DELETE FROM ${table} WHERE year IN (SELECT DISTINCT year FROM s_${table});
    INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM s_${table};`);

export const cswwWorkers: TableSpec<CswwWorkerRow> = {
  id: 'csww_worker',
  label: 'Social work workforce census workers',
  columns: ['Year', 'SWENo', 'AgencyWorker', 'FTE', 'OrgRole', 'RoleStartDate', 'RoleEndDate', 'ReasonLeave', 'FTE30', 'Cases30', 'WorkingDaysLost', 'Absat30Sept'],
  schema: (ctx) =>
    z.object({
      year: year(),
      sweno: pattern(/^[A-Za-z]{2}\d{10}$/, { required: true, what: 'Social Work England number (two letters, ten digits)' }),
      agencyworker: yesNo(),
      fte: numberOrBlank(),
      orgrole: code(CSWW_ROLE),
      rolestartdate: date({ notAfter: ctx.today }),
      roleenddate: date({ notAfter: ctx.today }),
      reasonleave: code(CSWW_REASON_LEAVE),
      fte30: numberOrBlank(),
      cases30: numberOrBlank(),
      workingdayslost: numberOrBlank(),
      absat30sept: yesNo(),
    }).transform((r) => ({
      year: r.year, sweNo: r.sweno, agency: r.agencyworker, fte: r.fte, orgRole: r.orgrole, roleStart: r.rolestartdate, roleEnd: r.roleenddate,
      reasonLeave: r.reasonleave, fte30: r.fte30, cases30: r.cases30, daysLost: r.workingdayslost, absent: r.absat30sept,
    })),
  rules: cswwWorkerRules,
  stage: [
    ['year', 'smallint'], ['swe_no', 'text'], ['agency', 'boolean'], ['fte', 'double precision'], ['org_role', 'text'], ['role_start', 'date'],
    ['role_end', 'date'], ['reason_leave', 'text'], ['fte30', 'double precision'], ['cases30', 'integer'], ['days_lost', 'double precision'], ['absent_30sept', 'boolean'],
  ],
  toStage: (r) => [r.year, r.sweNo, r.agency, r.fte, r.orgRole, r.roleStart, r.roleEnd, r.reasonLeave, r.fte30, r.cases30, r.daysLost, r.absent],
  key: ['year', 'swe_no'],
  keyFields: ['Year', 'SWENo'],
  upsert: replaceYears('csww_worker', WORKER_COLUMNS),
};

export const cswwVacancies: TableSpec<CswwVacancyRow> = {
  id: 'csww_vacancy',
  label: 'Social work workforce census vacancies',
  columns: ['Year', 'NumberOfVacancies', 'NoAgencyFTE', 'NoAgencyHeadcount'],
  schema: () =>
    z.object({ year: year(), numberofvacancies: number(), noagencyfte: number(), noagencyheadcount: number() })
      .transform((r) => ({ year: r.year, vacanciesFte: r.numberofvacancies, agencyFte: r.noagencyfte, agencyHeadcount: r.noagencyheadcount })),
  stage: [['year', 'smallint'], ['vacancies_fte', 'double precision'], ['agency_fte', 'double precision'], ['agency_headcount', 'integer']],
  toStage: (r) => [r.year, r.vacanciesFte, r.agencyFte, r.agencyHeadcount],
  key: ['year'],
  keyFields: ['Year'],
  upsert: replaceYears('csww_vacancy', VACANCY_COLUMNS),
};

export const CSWW_TABLES: readonly TableSpec<any>[] = [cswwWorkers, cswwVacancies];
