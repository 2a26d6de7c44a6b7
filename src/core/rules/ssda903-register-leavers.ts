// SSDA903 rules about OC2, OC3, Missing, SWEpisodes and DoLo: entries of the register
// (./ssda903-register.ts), in the same shape: [code, tables, fields, how, message, years].
// OC2 rules about "children looked after for 12 months" use the validator's test of being looked
// after continuously through the collection year (CONTINUOUSLY_LOOKED_AFTER in
// importers/tables/ssda903-checks-leavers.ts).
import type { Entry } from './ssda903-register.ts';

const OC2_ITEMS = 'CONVICTED HEALTH_CHECK IMMUNISATIONS TEETH_CHECK HEALTH_ASSESSMENT SUBSTANCE_MISUSE INTERVENTION_RECEIVED INTERVENTION_OFFERED';
const OC3_ITEMS = 'IN_TOUCH ACTIV ACCOM';

export const LEAVER_AREA_ENTRIES: readonly Entry[] = [
  // OC2: one row's items
  ['182', 'OC2', `IMMUNISATIONS TEETH_CHECK HEALTH_ASSESSMENT SUBSTANCE_MISUSE CONVICTED HEALTH_CHECK INTERVENTION_RECEIVED INTERVENTION_OFFERED`, 'row',
    'Immunisations, teeth check, health assessment and substance misuse must all be completed, or every OC2 item left blank.'],
  ['158', 'OC2', 'INTERVENTION_OFFERED INTERVENTION_RECEIVED', 'row', 'An intervention for substance misuse was received, so whether one was offered must be left blank.'],
  ['159', 'OC2', 'INTERVENTION_OFFERED SUBSTANCE_MISUSE INTERVENTION_RECEIVED', 'row', 'A substance misuse problem is recorded and no intervention was received, so whether one was offered must be completed.'],
  ['542', 'OC2', 'CONVICTED DOB', 'row', 'The child was under 10 at 31 March, so conviction must be left blank.'],
  ['544', 'OC2', 'CONVICTED IMMUNISATIONS TEETH_CHECK HEALTH_ASSESSMENT SUBSTANCE_MISUSE', 'row', 'Conviction is recorded, so immunisations, teeth check, health assessment and substance misuse must be completed too.'],
  ['547', 'OC2', 'HEALTH_CHECK IMMUNISATIONS TEETH_CHECK HEALTH_ASSESSMENT SUBSTANCE_MISUSE', 'row', 'A health check is recorded, so immunisations, teeth check, health assessment and substance misuse must be completed too.'],
  ['188', 'OC2', 'SDQ_SCORE SDQ_REASON DOB', 'row', 'The child was under 4 at 31 March, so the SDQ score and the reason for no score must be blank.'],
  ['189', 'OC2', 'SDQ_SCORE SDQ_REASON DOB', 'row', 'The child was 17 or over at the start of the year, so the SDQ score and the reason for no score must be blank.'],
  // OC2 against the child's episodes (looked after continuously through the year)
  ['185', 'OC2 Episodes', 'SDQ_SCORE', 'files', 'The child was not looked after continuously for 12 months at 31 March, but an SDQ score is given.'],
  ['198', 'OC2 Episodes', 'SDQ_REASON', 'files', 'The child was not looked after continuously for 12 months at 31 March, but a reason for no SDQ score is given.'],
  ['190', 'OC2 Episodes', OC2_ITEMS, 'files', 'The child was not looked after continuously for 12 months at 31 March, so the items about children looked after for 12 months must be blank.'],
  ['191', 'OC2 Episodes', 'IMMUNISATIONS TEETH_CHECK HEALTH_ASSESSMENT SUBSTANCE_MISUSE CHILD', 'files',
    'The child was looked after continuously for 12 months at 31 March, so immunisations, teeth check, health assessment and substance misuse must be completed (in an OC2 row).'],
  ['186', 'OC2 Episodes', 'SDQ_SCORE SDQ_REASON', 'files', 'The child was 4 to 16 and looked after continuously for 12 months at 31 March, so an SDQ score or a reason for none is due.'],
  ['197B', 'OC2 Episodes', 'SDQ_REASON DOB', 'files', 'The child turned 4 or 17 this year and was looked after continuously for 12 months, so an SDQ score or a reason for none is due.'],
  ['157', 'OC2 Episodes', 'SDQ_REASON DOB', 'files', 'The child was 4 to 16 and looked after continuously for 12 months, so SDQ1 (under 4 or over 17) cannot be the reason for no SDQ score.'],
  ['543', 'OC2 Episodes', 'CONVICTED DOB', 'files', 'The child was 10 or over at 31 March and looked after continuously for 12 months, so conviction must be completed.'],
  ['545', 'OC2 Episodes', 'HEALTH_CHECK DOB', 'files', 'The child was under 5 at 31 March and looked after continuously for 12 months, so the health check must be completed.'],
  ['546', 'OC2 Episodes', 'HEALTH_CHECK DOB', 'files', 'The child was 5 or over at 31 March, so the health check must be blank.'],
  ['215', 'OC2 OC3', `${OC3_ITEMS} ${OC2_ITEMS}`, 'files', 'The young person has care leaver information, so the items about children looked after for 12 months (OC2) must be blank.'],
  // OC3 against episodes, this year's and last year's
  ['1001', 'OC3 Episodes Header', OC3_ITEMS, 'last-year',
    'The episodes of this year and last year do not show a relevant or former relevant child (13 weeks looked after from age 14, some of it after 16, not ending in adoption), so no care leaver information is due.'],
  ['1002', 'OC3 Episodes', OC3_ITEMS, 'last-year', 'The young person has no episodes this year or last year, so no care leaver information is due.'],
  ['1010', 'OC3 Episodes', OC3_ITEMS, 'last-year', "The young person was still looked after at the end of last year's return but has no episodes this year."],
  ['1014', 'OC3 UASC Episodes', `${OC3_ITEMS} DUC`, 'files', 'The young person has no episode in the year, so UASC information is not due for a care leaver.'],
  ['1016', 'OC3 Episodes', OC3_ITEMS, 'files', 'The young person (17 or 18 at 31 March) ceased to be looked after on or after that birthday, so no care leaver information is due.', { from: 2023 }],
  ['628', 'Header Episodes OC3', 'MOTHER', 'files', 'The care leaver was not looked after in the year, so MOTHER must be blank.'],
  // Missing
  ['564', 'Missing', 'MIS_START MISSING', 'row', 'The child was missing or away without authorisation but the date it started is blank.'],
  ['565', 'Missing', 'MISSING MIS_START', 'row', 'The date the child went missing is given, but not whether missing (M) or away without authorisation (A).'],
  ['566', 'Missing', 'MISSING MIS_END', 'row', 'The date the child returned is given, but not whether missing (M) or away without authorisation (A).'],
  ['580', 'Episodes Missing', 'REC', 'files', 'The child was missing when ceasing to be looked after at 18, so the reason the episode ceased must be E8.'],
  // SWEpisodes
  ['SW01aSTG1', 'SWEpisodes', 'SW_DECOM SW_ID', 'row', 'The social worker episode has no start date, or began before 1 April 2023 without a social worker ID.', { from: 2024 }],
  ['SW01bSTG1', 'SWEpisodes', 'SW_DECOM SW_ID SW_REASON', 'row',
    'The social worker episode has no start date, or began on or after 1 April 2023 without a social worker ID or a reason for the change.', { from: 2024 }],
  ['SW06STG2', 'SWEpisodes', 'SW_DECOM', 'row', 'The social worker episode began after the end of the collection year.', { from: 2023 }],
  ['SW07STG2', 'SWEpisodes', 'SW_DEC', 'row', 'The social worker episode ended outside the reporting period (from the start of the collection year, a year earlier from 2024-25, to its end).', { from: 2023 }],
  ['SW08STG2', 'SWEpisodes', 'SW_DEC', 'rows', 'A later social worker episode has begun but this one has no end date.', { from: 2023 }],
  ['SW11bSTG2', 'SWEpisodes', 'SW_DEC', 'rows', 'The social worker episode ended in the last days of March and no later episode follows it.', { from: 2023 }],
  ['SW12STG2', 'Episodes SWEpisodes', 'SW_DECOM', 'files', 'The child started or ceased to be looked after but no social worker episode covers that date.', { from: 2023 }],
  ['SW17STG2', 'SWEpisodes', 'SW_DEC SW_DECOM', 'rows', "The child's latest social worker episode has ended: one must be open at 31 March.", { from: 2025 }],
  // DoLo
  ['706', 'DoLo', 'DOLO_START', 'last-year', "A deprivation of liberty order open at the end of last year's return is not in this year's return.", { from: 2026 }],
  ['707', 'DoLo Episodes', 'DOLO_END', 'files', 'The deprivation of liberty order lies outside every period of care of the child (or is still open after the child ceased to be looked after).', { from: 2026 }],
  ['709', 'DoLo Episodes', 'DOLO_START PLACE', 'files', 'During the deprivation of liberty order the child was in a placement other than K2, Z12 or Z13.', { from: 2026 }],
  ['710', 'DoLo Episodes', 'DOLO_START PLACE', 'files', 'During the deprivation of liberty order the child was in a secure home, with parents, in a young offender institution or in supported accommodation (K1, P1, R5, K3).', { from: 2026 }],
];
