// Early help episodes from the case system (no DfE return; layout in docs/formats.md).
import * as z from 'zod';
import { EARLY_HELP_LEVEL, EARLY_HELP_OUTCOME, EARLY_HELP_SOURCE, LEAD_AGENCY } from '../../core/earlyHelp.ts';
import { earlyHelpRules, type EarlyHelpRow } from '../../core/rules/cin.ts';
import { code, date, text } from '../fields.ts';
import { upsertInto } from '../bulk.ts';
import { afterImport, type TableSpec } from '../spec.ts';

const COLUMNS = ['episode_id', 'child_id', 'birth_date', 'start_date', 'end_date', 'level', 'lead_agency', 'source', 'outcome'];

export const earlyHelpEpisodes: TableSpec<EarlyHelpRow> = {
  id: 'early_help',
  label: 'Early help episodes',
  columns: ['EpisodeID', 'ChildID', 'BirthDate', 'StartDate', 'EndDate', 'Level', 'LeadAgency', 'Source', 'Outcome'],
  schema: (ctx) =>
    z
      .object({
        episodeid: text({ required: true, max: 40 }),
        childid: text({ required: true, max: 40 }),
        birthdate: date({ notAfter: ctx.today }),
        startdate: date({ required: true, notAfter: ctx.today }),
        enddate: date({ notAfter: ctx.today }),
        level: code(EARLY_HELP_LEVEL, { required: true }),
        leadagency: code(LEAD_AGENCY, { required: true }),
        source: code(EARLY_HELP_SOURCE, { required: true }),
        outcome: code(EARLY_HELP_OUTCOME),
      })
      .transform(
        (r): EarlyHelpRow => ({
          episode: r.episodeid,
          child: r.childid,
          birthDate: r.birthdate,
          start: r.startdate,
          end: r.enddate,
          level: r.level,
          leadAgency: r.leadagency,
          source: r.source,
          outcome: r.outcome,
        }),
      ),
  rules: earlyHelpRules,
  stage: [
    ['episode_id', 'text'], ['child_id', 'text'], ['birth_date', 'date'], ['start_date', 'date'], ['end_date', 'date'], ['level', 'text'],
    ['lead_agency', 'text'], ['source', 'text'], ['outcome', 'text'],
  ],
  toStage: (r) => [r.episode, r.child, r.birthDate, r.start, r.end, r.level, r.leadAgency, r.source, r.outcome],
  key: ['episode_id'],
  keyFields: ['EpisodeID'],
  checks: [
    // One episode at a time for a child: the next may start the day the last one ends.
    `WITH e AS ${afterImport({
       stages: ['s_early_help'], table: 'early_help_episode', columns: ['episode_id', 'child_id', 'start_date', 'end_date'], key: ['episode_id'], withRow: true,
     })}
     SELECT COALESCE(b.f, a.f) AS f, COALESCE(b.r, a.r) AS r, 'StartDate' AS field, 'overlap' AS rule,
       'Episode ' || b.episode_id || ' starts on ' || to_char(b.start_date, 'DD/MM/YYYY') || ' while episode ' || a.episode_id
         || ' for the same child is still open (' || COALESCE('to ' || to_char(a.end_date, 'DD/MM/YYYY'), 'no end date') || ').' AS message
     FROM e a JOIN e b ON a.child_id = b.child_id AND a.episode_id <> b.episode_id
       AND (a.start_date, a.episode_id) < (b.start_date, b.episode_id) AND (a.end_date IS NULL OR a.end_date > b.start_date)
     WHERE a.f IS NOT NULL OR b.f IS NOT NULL`,
  ],
  upsert: upsertInto('early_help_episode', 's_early_help', COLUMNS, ['episode_id']),
};

export const EARLY_HELP_TABLES: readonly TableSpec<any>[] = [earlyHelpEpisodes];
