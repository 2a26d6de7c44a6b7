// The files the generator writes and their header rows, as docs/formats.md defines them.

export const HEADER = ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'];
export const EPISODES = ['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'URN'];
export const MISSING = ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'];
export const OC3 = ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'];
export const PREV_PERM = ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'];
export const PLACED_ADOPTION = ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'];
export const RHI = ['CHILD', 'MIS_START', 'RHI_OFFERED', 'RHI_COMPLETED', 'RHI_DECLINED', 'START_TIME', 'EXPLOITATION_RISK', 'THEMES'];
export const MISSING_FROM_HOME = ['CHILD', 'SEX', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'];
export const LEAVER_ACTIVITY = ['CHILD', 'ACTIV', 'START', 'END'];
export const EHCP_REQUESTS = [
  'RequestID', 'PersonID', 'PersonBirthDate', 'Sex', 'ReceivedDate', 'RequestOutcomeDate', 'RequestOutcome',
  'AssessmentOutcomeDate', 'AssessmentOutcome', 'Week20', 'ExceptionReason', 'DraftPlanDate', 'StartDate', 'SENtype',
  'ParentCarerName', 'ParentCarerAddress1', 'ParentCarerAddress2', 'ParentCarerTown', 'ParentCarerPostcode',
];
export const EHCP_ADVICE = ['RequestID', 'Partner', 'RequestedDate', 'ReceivedDate'];
export const STRATEGY_ACTIONS = ['PriorityID', 'PriorityTitle', 'ActionID', 'Action', 'Owner', 'DueDate', 'Status', 'RAG'];
export const ACTION_HISTORY = ['ActionID', 'UpdateDate', 'RAG', 'Status', 'Note', 'UpdatedBy'];
export const COMMITTEE_ACTIONS = ['ActionID', 'MeetingDate', 'Committee', 'Item', 'Action', 'Responsible', 'DueDate', 'Status', 'Response'];
export const BENCHMARKS = ['Indicator', 'Area', 'Year', 'Value'];

/** Folder of one SSDA903 return, named for the calendar year in which its collection year ends. */
export function ssda903Folder(fy: number): string {
  return `ssda903_${fy + 1}`;
}

export const FILES = {
  rhi: 'case_system/return_home_interviews.csv',
  missingFromHome: 'case_system/missing_from_home.csv',
  leaverActivity: 'case_system/leaver_activity.csv',
  ehcpRequests: 'sen2/ehcp_requests.csv',
  ehcpAdvice: 'sen2/ehcp_advice.csv',
  strategyActions: 'strategy/actions.csv',
  actionHistory: 'strategy/action_history.csv',
  committeeActions: 'strategy/committee_actions.csv',
  benchmarks: 'benchmarks.csv',
} as const;
