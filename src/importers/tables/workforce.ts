// Social care workforce per team and month (docs/formats.md, "Social care workforce"): the HR and
// case-system position of each team, in the terms of the DfE's Children's social work workforce
// collection. Keyed by Month + Team; re-importing a month replaces its figures.
import * as z from 'zod';
import type { IsoDate } from '../../core/dates.ts';
import { parseMonth, workforceRules, type WorkforceRow } from '../../core/workforce.ts';
import { number, text } from '../fields.ts';
import { upsertInto } from '../bulk.ts';
import { type TableSpec } from '../spec.ts';

const COLUMNS = [
  'month', 'team', 'employed_fte', 'agency_fte', 'vacant_fte', 'starters_fte', 'leavers_fte', 'cases', 'case_holding_fte',
  'training_required', 'training_completed',
] as const;

/** A month cell: `YYYY-MM`, `MM/YYYY` or a date in the month; not a month that has not begun. */
function month(today: IsoDate) {
  return z.string().transform((raw, ctx): IsoDate => {
    const s = raw.trim();
    const fail = (rule: string, message: string) => {
      ctx.addIssue({ code: 'custom', message, params: { rule } });
      return z.NEVER;
    };
    if (s === '') return fail('required', 'This must not be blank.');
    const first = parseMonth(s);
    if (first === null) return fail('month', `"${s}" is not a month (use YYYY-MM, e.g. 2025-04).`);
    if (first > today) return fail('future-date', `${s} has not begun yet.`);
    return first;
  });
}

export const workforceMonths: TableSpec<WorkforceRow> = {
  id: 'workforce',
  label: 'Social care workforce',
  columns: [
    'Month', 'Team', 'EmployedFTE', 'AgencyFTE', 'VacantFTE', 'StartersFTE', 'LeaversFTE', 'Cases', 'CaseHoldingFTE',
    'TrainingRequired', 'TrainingCompleted',
  ],
  schema: (ctx) =>
    z
      .object({
        month: month(ctx.today),
        team: text({ required: true, max: 80 }),
        employedfte: number(),
        agencyfte: number(),
        vacantfte: number(),
        startersfte: number(),
        leaversfte: number(),
        cases: number(),
        caseholdingfte: number(),
        trainingrequired: number(),
        trainingcompleted: number(),
      })
      .transform((r) => ({
        month: r.month,
        team: r.team,
        employedFte: r.employedfte,
        agencyFte: r.agencyfte,
        vacantFte: r.vacantfte,
        startersFte: r.startersfte,
        leaversFte: r.leaversfte,
        cases: r.cases,
        caseHoldingFte: r.caseholdingfte,
        trainingRequired: r.trainingrequired,
        trainingCompleted: r.trainingcompleted,
      })),
  rules: workforceRules,
  stage: [
    ['month', 'date'], ['team', 'text'], ['employed_fte', 'double precision'], ['agency_fte', 'double precision'],
    ['vacant_fte', 'double precision'], ['starters_fte', 'double precision'], ['leavers_fte', 'double precision'],
    ['cases', 'integer'], ['case_holding_fte', 'double precision'], ['training_required', 'integer'], ['training_completed', 'integer'],
  ],
  toStage: (r) => [
    r.month, r.team, r.employedFte, r.agencyFte, r.vacantFte, r.startersFte, r.leaversFte, r.cases, r.caseHoldingFte,
    r.trainingRequired, r.trainingCompleted,
  ],
  key: ['month', 'team'],
  keyFields: ['Month', 'Team'],
  upsert: upsertInto('workforce_month', 's_workforce', COLUMNS, ['month', 'team']),
};

export const WORKFORCE_TABLES: readonly TableSpec<any>[] = [workforceMonths];
