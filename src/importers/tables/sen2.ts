// SEN2 requests with their plans, one row per request, as the SEN2 XML gives them (or the same
// items as CSV): no RequestID in SEN2, so a request is the child (UPN, or ULN) and the day it was
// received. A request the case system already sent (same PersonID and ReceivedDate) keeps its
// RequestID, its draft plan date, exception reason and partner advice, and gains SEN2's outcomes
// and plan details; a new one is stored as PersonID/ReceivedDate.
import * as z from 'zod';
import { ASSESSMENT_OUTCOME, CEASE_REASON, REQUEST_OUTCOME, SEN2_SEX, SEN_SETTING, SEN_TYPE } from '../../core/codes.ts';
import { sen2RequestId, sen2RequestRules, type Sen2RequestRow } from '../../core/rules/sen2Plan.ts';
import { code, date, text, yesNo } from '../fields.ts';
import { script, type TableSpec } from '../spec.ts';
import { requestFields, requestItems } from './ehcp.ts';

/** Stored columns SEN2 fills (not RequestID, DraftPlanDate or ExceptionReason, which it lacks). */
const SEN2_COLUMNS = [
  'person_birth_date', 'sex', 'request_outcome_date', 'request_outcome', 'assessment_outcome_date', 'assessment_outcome',
  'week20', 'start_date', 'sen_type', 'sen_setting', 'cease_date', 'cease_reason', 'last_review',
];
const match = 't.person_id = s.person_id AND t.received_date = s.received_date';

export const sen2Requests: TableSpec<Sen2RequestRow> = {
  id: 'sen2_request',
  label: 'SEN2 requests and plans',
  columns: [
    'PersonID', 'PersonBirthDate', 'Sex', 'ReceivedDate', 'RequestOutcomeDate', 'RequestOutcome', 'AssessmentOutcomeDate',
    'AssessmentOutcome', 'Week20', 'StartDate', 'SENtype', 'SENSetting', 'CeaseDate', 'CeaseReason', 'LastReview',
  ],
  schema: (ctx) => {
    const day = () => date({ notAfter: ctx.today });
    return z
      .object({
        ...requestItems(ctx.today),
        startdate: day(),
        sentype: code(SEN_TYPE),
        sensetting: code(SEN_SETTING),
        ceasedate: day(),
        ceasereason: code(CEASE_REASON),
        lastreview: day(),
      })
      .transform((r) => ({
        requestId: sen2RequestId(r.personid, r.receiveddate),
        ...requestFields(r),
        exceptionReason: null,
        draftPlanDate: null,
        startDate: r.startdate,
        senType: r.sentype,
        senSetting: r.sensetting,
        ceaseDate: r.ceasedate,
        ceaseReason: r.ceasereason,
        lastReview: r.lastreview,
      }));
  },
  rules: sen2RequestRules,
  stage: [
    ['person_id', 'text'], ['received_date', 'date'], ['person_birth_date', 'date'], ['sex', 'text'], ['request_outcome_date', 'date'],
    ['request_outcome', 'text'], ['assessment_outcome_date', 'date'], ['assessment_outcome', 'text'], ['week20', 'boolean'],
    ['start_date', 'date'], ['sen_type', 'text'], ['sen_setting', 'text'], ['cease_date', 'date'], ['cease_reason', 'text'], ['last_review', 'date'],
  ],
  toStage: (r) => [
    r.personId, r.receivedDate, r.personBirthDate, r.sex, r.requestOutcomeDate, r.requestOutcome, r.assessmentOutcomeDate,
    r.assessmentOutcome, r.week20, r.startDate, r.senType, r.senSetting, r.ceaseDate, r.ceaseReason, r.lastReview,
  ],
  key: ['person_id', 'received_date'],
  keyFields: ['PersonID', 'ReceivedDate'],
  upsert: script(`
    UPDATE ehcp_request t SET ${SEN2_COLUMNS.map((c) => `${c} = s.${c}`).join(', ')}
      FROM s_sen2_request s WHERE ${match};
    INSERT INTO ehcp_request (request_id, person_id, received_date, ${SEN2_COLUMNS.join(', ')})
      SELECT s.person_id || '/' || to_char(s.received_date, 'YYYY-MM-DD'), s.person_id, s.received_date, ${SEN2_COLUMNS.map((c) => `s.${c}`).join(', ')}
      FROM s_sen2_request s WHERE NOT EXISTS (SELECT 1 FROM ehcp_request t WHERE ${match});`),
};
