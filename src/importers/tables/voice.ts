// Voice of the child: feedback from children and young people against strategy priorities
// (docs/formats.md, "Voice of the child feedback"). The priority, and the action when one is
// named, must be in the strategy file of the same import or already stored.
import * as z from 'zod';
import { FEEDBACK_SOURCES, feedbackRules, SENTIMENTS, VOICE_AGE_BANDS, VOICE_THEMES, type FeedbackRow, type VoiceTheme } from '../../core/voice.ts';
import { code, codeSet, date, number, text, yesNo } from '../fields.ts';
import { upsertInto } from '../bulk.ts';
import { afterImport, type TableSpec } from '../spec.ts';

const COLUMNS = [
  'feedback_id', 'received_date', 'source', 'priority_id', 'themes', 'sentiment', 'age_band', 'care_experienced',
  'participants', 'summary', 'you_said_we_did', 'response_date', 'action_id',
] as const;

/** The strategy's actions after this import: staged ones, and stored ones the import leaves alone. */
const ACTIONS = afterImport({ stages: ['s_strategy'], table: 'strategy_action', columns: ['action_id', 'priority_id'], key: ['action_id'] });

export const voiceFeedback: TableSpec<FeedbackRow> = {
  id: 'voice',
  label: 'Voice of the child feedback',
  columns: [
    'FeedbackID', 'Date', 'Source', 'PriorityID', 'Themes', 'Sentiment', 'AgeBand', 'CareExperienced', 'Participants',
    'Summary', 'YouSaidWeDid', 'ResponseDate', 'ActionID',
  ],
  schema: (ctx) =>
    z
      .object({
        feedbackid: text({ required: true, max: 40 }),
        date: date({ required: true, notAfter: ctx.today }),
        source: code(FEEDBACK_SOURCES, { required: true }),
        priorityid: text({ required: true, max: 40 }),
        themes: codeSet(VOICE_THEMES),
        sentiment: code(SENTIMENTS),
        ageband: code(VOICE_AGE_BANDS),
        careexperienced: yesNo(),
        // Blank: one child or young person.
        participants: z.string().transform((s) => (s.trim() === '' ? '1' : s)).pipe(number()),
        summary: text({ required: true, max: 1000 }),
        yousaidwedid: text({ max: 2000 }),
        responsedate: date({ notAfter: ctx.today }),
        actionid: text({ max: 40 }),
      })
      .transform((r) => ({
        feedbackId: r.feedbackid,
        date: r.date,
        source: r.source,
        priorityId: r.priorityid,
        themes: r.themes as VoiceTheme[],
        sentiment: r.sentiment,
        ageBand: r.ageband,
        careExperienced: r.careexperienced,
        participants: r.participants,
        summary: r.summary,
        youSaidWeDid: r.yousaidwedid,
        responseDate: r.responsedate,
        actionId: r.actionid,
      })),
  rules: feedbackRules,
  stage: [
    ['feedback_id', 'text'], ['received_date', 'date'], ['source', 'text'], ['priority_id', 'text'], ['themes', 'text[]'],
    ['sentiment', 'text'], ['age_band', 'text'], ['care_experienced', 'boolean'], ['participants', 'integer'], ['summary', 'text'],
    ['you_said_we_did', 'text'], ['response_date', 'date'], ['action_id', 'text'],
  ],
  toStage: (r) => [
    r.feedbackId, r.date, r.source, r.priorityId, r.themes, r.sentiment, r.ageBand, r.careExperienced, r.participants, r.summary,
    r.youSaidWeDid, r.responseDate, r.actionId,
  ],
  key: ['feedback_id'],
  keyFields: ['FeedbackID'],
  checks: [
    `SELECT s.f, s.r, 'PriorityID' AS field, 'priority-exists' AS rule,
       'There is no strategy priority ' || s.priority_id || ' (in the strategy actions file of this import or already stored).' AS message
     FROM s_voice s
     WHERE NOT EXISTS (SELECT 1 FROM s_strategy p WHERE p.priority_id = s.priority_id)
       AND NOT EXISTS (SELECT 1 FROM priority p WHERE p.priority_id = s.priority_id)`,
    `SELECT s.f, s.r, 'ActionID' AS field, 'action-exists' AS rule,
       'There is no strategy action ' || s.action_id || ' (in the strategy actions file of this import or already stored).' AS message
     FROM s_voice s
     WHERE s.action_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${ACTIONS} a WHERE a.action_id = s.action_id)`,
    `SELECT s.f, s.r, 'ActionID' AS field, 'action-priority' AS rule,
       'Action ' || s.action_id || ' is under priority ' || a.priority_id || ', not ' || s.priority_id || '.' AS message
     FROM s_voice s JOIN ${ACTIONS} a ON a.action_id = s.action_id
     WHERE a.priority_id <> s.priority_id`,
  ],
  upsert: upsertInto('voice_feedback', 's_voice', COLUMNS, ['feedback_id']),
};

export const VOICE_TABLES: readonly TableSpec<any>[] = [voiceFeedback];
