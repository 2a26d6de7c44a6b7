// CIN census pre-proceedings (the Public Law Outline) with family group decision making, from the
// 2026-27 census: one row per PreProceedingsandFGDM group of a referral (CINdetails), staged from
// the CIN census XML (src/importers/xml/cin.ts) or CSV with the census item names as headers.
import * as z from 'zod';
import type { IsoDate } from '../../core/dates.ts';
import type { CensusPreProceedings } from '../../core/rules/cinCensus.ts';
import { checkOrder, type RuleIssue } from '../../core/rules/issue.ts';
import { upsertInto } from '../bulk.ts';
import { code, date, integer, text } from '../fields.ts';
import type { TableSpec } from '../spec.ts';
import { referralExistsCheck } from './cin.ts';
import { YES_NO, yes } from './childProtection.ts';

/**
 * Review meetings in one pre-proceedings: they run for weeks or months (the Public Law Outline's
 * 16 weeks, longer by exception), so a count past this is a keying error.
 */
export const MAX_REVIEW_MEETINGS = 99;

/** A stored pre-proceedings row: the census item, keyed by its child and referral. */
type PreProceedingsRow = Omit<CensusPreProceedings, 'loc'> & { child: string; referralDate: IsoDate };

const flag = (v: string | null) => (v === null ? null : yes(v));
const COLUMNS = [
  'la_child_id', 'referral_date', 'start_date', 'lbp_sent_date', 'fgdm_offered', 'fgdm_facilitated', 'initial_meeting_date', 'review_meetings',
  'step_decision_date', 'outcome', 'court_application_date', 'letter_initiating_date',
];

export const preProceedings: TableSpec<PreProceedingsRow> = {
  id: 'cin_pre_proceedings',
  label: 'CIN census pre-proceedings',
  columns: [
    'LAchildID', 'CINreferralDate', 'PPStartDate', 'LBPSentDate', 'FGDMMeetingOffer', 'FGDMMeetingFac', 'InitialPPMeetingDate', 'ReviewMeetingsCount',
    'StepDecisionDate', 'PPOutcome', 'CourtAppDate', 'LetterInitCPDate',
  ],
  schema: (ctx) =>
    z.object({
      lachildid: text({ required: true, max: 40 }),
      cinreferraldate: date({ required: true, notAfter: ctx.today }),
      ppstartdate: date({ required: true, notAfter: ctx.today }),
      lbpsentdate: date({ notAfter: ctx.today }),
      fgdmmeetingoffer: code(YES_NO),
      fgdmmeetingfac: code(YES_NO),
      initialppmeetingdate: date({ notAfter: ctx.today }),
      reviewmeetingscount: integer(0, MAX_REVIEW_MEETINGS),
      stepdecisiondate: date({ notAfter: ctx.today }),
      ppoutcome: text({ max: 10 }),
      courtappdate: date({ notAfter: ctx.today }),
      letterinitcpdate: date({ notAfter: ctx.today }),
    }).transform((r): PreProceedingsRow => ({
      child: r.lachildid, referralDate: r.cinreferraldate, start: r.ppstartdate, letterSent: r.lbpsentdate, fgdmOffered: flag(r.fgdmmeetingoffer),
      fgdmFacilitated: flag(r.fgdmmeetingfac), initialMeeting: r.initialppmeetingdate, reviewMeetings: r.reviewmeetingscount, stepDecision: r.stepdecisiondate,
      outcome: r.ppoutcome, courtApplication: r.courtappdate, letterInitiatingProceedings: r.letterinitcpdate,
    })),
  rules: (r) => {
    const issues: RuleIssue[] = [];
    checkOrder(issues, r.referralDate, r.start, 'PPStartDate', 'pp-before-referral', 'Pre-proceedings cannot start before the referral date');
    return issues;
  },
  stage: [
    ['la_child_id', 'text'], ['referral_date', 'date'], ['start_date', 'date'], ['lbp_sent_date', 'date'], ['fgdm_offered', 'boolean'], ['fgdm_facilitated', 'boolean'],
    ['initial_meeting_date', 'date'], ['review_meetings', 'integer'], ['step_decision_date', 'date'], ['outcome', 'text'], ['court_application_date', 'date'],
    ['letter_initiating_date', 'date'],
  ],
  toStage: (r) => [
    r.child, r.referralDate, r.start, r.letterSent, r.fgdmOffered, r.fgdmFacilitated, r.initialMeeting, r.reviewMeetings, r.stepDecision, r.outcome,
    r.courtApplication, r.letterInitiatingProceedings,
  ],
  key: ['la_child_id', 'referral_date', 'start_date'],
  keyFields: ['LAchildID', 'CINreferralDate', 'PPStartDate'],
  checks: [referralExistsCheck('s_cin_pre_proceedings')],
  upsert: upsertInto('cin_pre_proceedings', 's_cin_pre_proceedings', COLUMNS, ['la_child_id', 'referral_date', 'start_date']),
};
