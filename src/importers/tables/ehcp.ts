// EHCP requests (SEN2 items, one row per request, and optionally the parent or carer the family's
// letters go to) and the advice asked of each partner.
import * as z from 'zod';
import { ASSESSMENT_OUTCOME, REQUEST_OUTCOME, SEN2_SEX, SEN_TYPE } from '../../core/codes.ts';
import { EXCEPTION_REASONS, PARTNERS } from '../../core/ehcp.ts';
import { ehcpAdviceRules, ehcpRequestRules, type EhcpAdviceRow, type EhcpRequestRow } from '../../core/rules/sen2.ts';
import { code, date, text, yesNo } from '../fields.ts';
import { upsertInto } from '../bulk.ts';
import { type RowContext, type TableSpec } from '../spec.ts';

const REQUEST_COLUMNS = [
  'request_id', 'person_id', 'person_birth_date', 'sex', 'received_date', 'request_outcome_date', 'request_outcome',
  'assessment_outcome_date', 'assessment_outcome', 'week20', 'exception_reason', 'draft_plan_date', 'start_date', 'sen_type',
];

/** The SEN2 items of a request, from the child to Week20: the same in the case system's CSV and the SEN2 return. */
export function requestItems(today: string) {
  const day = () => date({ notAfter: today });
  return {
    personid: text({ required: true, max: 40 }),
    personbirthdate: date({ required: true, notAfter: today }),
    sex: code(SEN2_SEX),
    receiveddate: date({ required: true, notAfter: today }),
    requestoutcomedate: day(),
    requestoutcome: code(REQUEST_OUTCOME),
    assessmentoutcomedate: day(),
    assessmentoutcome: code(ASSESSMENT_OUTCOME),
    week20: yesNo(),
  };
}

type RequestItems = z.infer<z.ZodObject<ReturnType<typeof requestItems>>>;

/** The request's SEN2 items, parsed, under the row's names. */
export function requestFields(r: RequestItems) {
  return {
    personId: r.personid,
    personBirthDate: r.personbirthdate,
    sex: r.sex,
    receivedDate: r.receiveddate,
    requestOutcomeDate: r.requestoutcomedate,
    requestOutcome: r.requestoutcome ?? 'A',
    assessmentOutcomeDate: r.assessmentoutcomedate,
    assessmentOutcome: r.assessmentoutcome,
    week20: r.week20,
  };
}

/**
 * The parent or carer's name and postal address, as a case system's export may carry them: optional
 * columns, personal data (never quoted in an error), stored apart in ehcp_contact for the letters.
 */
const CONTACT_COLUMNS = ['ParentCarerName', 'ParentCarerAddress1', 'ParentCarerAddress2', 'ParentCarerTown', 'ParentCarerPostcode'] as const;
const CONTACT_STORED = ['parent_name', 'address_line1', 'address_line2', 'town', 'postcode'] as const;
/** Longest postcode with its space (e.g. "SW1A 1AA" is 8). */
const POSTCODE_MAX_CHARS = 8;

interface EhcpRequestWithContact extends EhcpRequestRow {
  contact: (string | null)[];
}

/** Whether the file has the contact columns: only then may a blank clear a stored contact. */
const givesContact = (() => {
  const seen = new WeakMap<readonly string[], boolean>();
  return (ctx: RowContext): boolean => {
    const header = ctx.header;
    if (!header) return false;
    let gives = seen.get(header);
    if (gives === undefined) seen.set(header, (gives = header.some((h) => h.trim().toLowerCase() === CONTACT_COLUMNS[0].toLowerCase())));
    return gives;
  };
})();

export const ehcpRequests: TableSpec<EhcpRequestWithContact> = {
  id: 'ehcp_request',
  label: 'EHCP requests',
  columns: [
    'RequestID', 'PersonID', 'PersonBirthDate', 'Sex', 'ReceivedDate', 'RequestOutcomeDate', 'RequestOutcome',
    'AssessmentOutcomeDate', 'AssessmentOutcome', 'Week20', 'ExceptionReason', 'DraftPlanDate', 'StartDate', 'SENtype',
  ],
  optionalColumns: CONTACT_COLUMNS,
  personalColumns: CONTACT_COLUMNS,
  schema: (ctx) => {
    const day = () => date({ notAfter: ctx.today });
    return z
      .object({
        requestid: text({ required: true, max: 40 }),
        ...requestItems(ctx.today),
        exceptionreason: code(EXCEPTION_REASONS),
        draftplandate: day(),
        startdate: day(),
        sentype: code(SEN_TYPE),
        parentcarername: text({ max: 200 }),
        parentcareraddress1: text({ max: 200 }),
        parentcareraddress2: text({ max: 200 }),
        parentcarertown: text({ max: 100 }),
        parentcarerpostcode: text({ max: POSTCODE_MAX_CHARS }),
      })
      .transform((r) => ({
        requestId: r.requestid,
        ...requestFields(r),
        exceptionReason: r.exceptionreason,
        draftPlanDate: r.draftplandate,
        startDate: r.startdate,
        senType: r.sentype,
        contact: [r.parentcarername, r.parentcareraddress1, r.parentcareraddress2, r.parentcarertown, r.parentcarerpostcode?.toUpperCase() ?? null],
      }));
  },
  rules: ehcpRequestRules,
  stage: [
    ['request_id', 'text'], ['person_id', 'text'], ['person_birth_date', 'date'], ['sex', 'text'], ['received_date', 'date'],
    ['request_outcome_date', 'date'], ['request_outcome', 'text'], ['assessment_outcome_date', 'date'], ['assessment_outcome', 'text'],
    ['week20', 'boolean'], ['exception_reason', 'text'], ['draft_plan_date', 'date'], ['start_date', 'date'], ['sen_type', 'text'],
    ['contact_given', 'boolean'], ...CONTACT_STORED.map((c) => [c, 'text'] as const),
  ],
  toStage: (r, ctx) => [
    r.requestId, r.personId, r.personBirthDate, r.sex, r.receivedDate, r.requestOutcomeDate, r.requestOutcome,
    r.assessmentOutcomeDate, r.assessmentOutcome, r.week20, r.exceptionReason, r.draftPlanDate, r.startDate, r.senType,
    givesContact(ctx), ...r.contact,
  ],
  key: ['request_id'],
  keyFields: ['RequestID'],
  async upsert(tx, run) {
    await upsertInto('ehcp_request', 's_ehcp_request', REQUEST_COLUMNS, ['request_id'])(tx, run);
    // A file with the contact columns says who the family's letters go to: blank cells clear what was
    // stored. A file without them leaves stored contacts as they were.
    const given = `s.contact_given AND num_nonnulls(${CONTACT_STORED.map((c) => `s.${c}`).join(', ')})`;
    await tx.exec(`
      DELETE FROM ehcp_contact c USING s_ehcp_request s WHERE c.request_id = s.request_id AND ${given} = 0;
      INSERT INTO ehcp_contact (request_id, ${CONTACT_STORED.join(', ')})
        SELECT request_id, ${CONTACT_STORED.join(', ')} FROM s_ehcp_request s WHERE ${given} > 0
        ON CONFLICT (request_id) DO UPDATE SET ${CONTACT_STORED.map((c) => `${c} = excluded.${c}`).join(', ')};`);
  },
};

const PARTNER_CODES = Object.fromEntries(PARTNERS.map((p) => [p, p])) as Record<(typeof PARTNERS)[number], string>;

export const ehcpAdvice: TableSpec<EhcpAdviceRow> = {
  id: 'ehcp_advice',
  label: 'EHCP advice',
  columns: ['RequestID', 'Partner', 'RequestedDate', 'ReceivedDate'],
  schema: (ctx) =>
    z
      .object({
        requestid: text({ required: true, max: 40 }),
        partner: code(PARTNER_CODES, { required: true }),
        requesteddate: date({ required: true, notAfter: ctx.today }),
        receiveddate: date({ notAfter: ctx.today }),
      })
      .transform((r) => ({ requestId: r.requestid, partner: r.partner, requestedDate: r.requesteddate, receivedDate: r.receiveddate })),
  rules: ehcpAdviceRules,
  stage: [['request_id', 'text'], ['partner', 'text'], ['requested_date', 'date'], ['received_date', 'date']],
  toStage: (r) => [r.requestId, r.partner, r.requestedDate, r.receivedDate],
  key: ['request_id', 'partner'],
  keyFields: ['RequestID', 'Partner'],
  checks: [
    `SELECT s.f, s.r, 'RequestID' AS field, 'request-exists' AS rule,
       'There is no EHCP request ' || s.request_id || ' (in this import or already stored).' AS message
     FROM s_ehcp_advice s
     WHERE NOT EXISTS (SELECT 1 FROM s_ehcp_request q WHERE q.request_id = s.request_id)
       AND NOT EXISTS (SELECT 1 FROM ehcp_request q WHERE q.request_id = s.request_id)
       AND NOT EXISTS (SELECT 1 FROM s_sen2_request q WHERE q.person_id || '/' || to_char(q.received_date, 'YYYY-MM-DD') = s.request_id)`,
  ],
  upsert: upsertInto('ehcp_advice', 's_ehcp_advice', ['request_id', 'partner', 'requested_date', 'received_date'], ['request_id', 'partner']),
};
