// DfE code lists with plain-English labels, as the SSDA903 and SEN2 guidance define them (sources
// in docs/dfe-reference.md). Importers validate against these; pages and reports show the labels.

export type CodeList = Readonly<Record<string, string>>;

/** 903 SEX (rule 101). */
export const SEX = { '1': 'Male', '2': 'Female' } as const;

/** 903, CIN and SEN2 ethnicity (rule 103). */
export const ETHNIC = {
  WBRI: 'White British',
  WIRI: 'White Irish',
  WOTH: 'Any other White background',
  WIRT: 'Traveller of Irish heritage',
  WROM: 'Gypsy/Roma',
  MWBC: 'White and Black Caribbean',
  MWBA: 'White and Black African',
  MWAS: 'White and Asian',
  MOTH: 'Any other Mixed background',
  AIND: 'Indian',
  APKN: 'Pakistani',
  ABAN: 'Bangladeshi',
  AOTH: 'Any other Asian background',
  BCRB: 'Caribbean',
  BAFR: 'African',
  BOTH: 'Any other Black background',
  CHNE: 'Chinese',
  OOTH: 'Any other ethnic group',
  REFU: 'Refused',
  NOBT: 'Information not yet obtained',
} as const;

/** Reason for new episode (rule 143). */
export const RNE = {
  S: 'Started to be looked after',
  L: 'Change of legal status only',
  P: 'Change of placement and carer(s) only',
  T: 'Change of placement (but same carer(s)) only',
  B: 'Change of legal status and placement and carer(s) at the same time',
  U: 'Change of legal status and change of placement (but same carer(s)) at the same time',
} as const;

/** Legal status (rule 144). */
export const LS = {
  C1: 'Interim care order',
  C2: 'Full care order',
  D1: 'Freeing order granted',
  E1: 'Placement order granted',
  V2: 'Single period of accommodation under section 20',
  V3: 'Agreed series of short-term breaks (individual episodes recorded)',
  V4: 'Agreed series of short-term breaks (agreements recorded)',
  L1: 'Under police protection and in local authority accommodation',
  L2: 'Emergency protection order',
  L3: 'Under child assessment order and in local authority accommodation',
  J1: 'Remanded to local authority or youth detention accommodation',
  J2: 'Placed in local authority accommodation under PACE 1984',
  J3: 'Sentenced to a youth rehabilitation order with residence or intensive fostering requirement',
} as const;

/** Short-break legal statuses, left out of care-period and care-leaver counts. */
export const SHORT_BREAK_LS: readonly string[] = ['V3', 'V4'];

/** Category of need (rule 145). */
export const CIN = {
  N1: 'Abuse or neglect',
  N2: "Child's disability",
  N3: 'Parental illness or disability',
  N4: 'Family in acute stress',
  N5: 'Family dysfunction',
  N6: 'Socially unacceptable behaviour',
  N7: 'Low income',
  N8: 'Absent parenting',
} as const;

/** Placement type (rule 146): every code of any year; ssda903-years.ts has each year's list. */
export const PLACE = {
  A3: 'Placed for adoption with consent, with current foster carer(s)',
  A4: 'Placed for adoption with consent, not with current foster carer(s)',
  A5: 'Placed for adoption with placement order, with current foster carer(s)',
  A6: 'Placed for adoption with placement order, not with current foster carer(s)',
  H5: 'Semi-independent living accommodation (until 2024-25)',
  K1: 'Secure children’s home',
  K2: 'Children’s home',
  K3: 'Supported accommodation not subject to children’s homes regulations (from 2024-25)',
  P1: 'Placed with own parent(s) or other person(s) with parental responsibility',
  P2: 'Independent living (until 2024-25)',
  P3: 'Residential employment',
  R1: 'Residential care home',
  R2: 'NHS or health trust establishment providing medical or nursing care',
  R3: 'Family centre or mother and baby unit',
  R5: 'Young offender institution or prison',
  S1: 'Residential school',
  T0: 'Temporary move',
  T1: 'Temporary period in hospital',
  T2: 'Temporary absence on holiday',
  T3: 'Temporary accommodation while foster carer(s) on holiday',
  T4: 'Temporary accommodation of seven days or less',
  U1: 'Foster placement with relative or friend: long-term',
  U2: 'Foster placement with relative or friend who is also an approved adopter',
  U3: 'Foster placement with relative or friend: not long-term',
  U4: 'Foster placement with other foster carer: long-term',
  U5: 'Foster placement with other foster carer who is also an approved adopter',
  U6: 'Foster placement with other foster carer: not long-term',
  Z1: 'Other placement (until 2024-25)',
  Z11: 'Other placement, type Z11 (from 2025-26)',
  Z12: 'Other placement, type Z12 (from 2025-26)',
  Z13: 'Other placement, type Z13 (from 2025-26)',
  Z14: 'Other placement, type Z14 (from 2025-26)',
} as const;

/** Placements for which no provider is recorded (rule 213). */
export const PLACE_WITHOUT_PROVIDER: readonly string[] = ['T0', 'T1', 'T2', 'T3', 'T4', 'Z1'];

/** Placement provider (rule 178). */
export const PLACE_PROVIDER = {
  PR0: 'Parent(s) or other person(s) with parental responsibility',
  PR1: 'Own provision by the local authority',
  PR2: 'Other local authority provision',
  PR3: 'Other public provision',
  PR4: 'Private provision',
  PR5: 'Voluntary or third sector provision',
} as const;

/** Reason episode ceased (rule 149). */
export const REC = {
  X1: 'Episode ceases and a new episode begins on the same day',
  E11: 'Adopted: application unopposed',
  E12: 'Adopted: consent dispensed with by the court',
  E13: 'Left care to live with parent(s), relative(s) or other person(s) with no parental responsibility',
  E14: 'Accommodation on remand ended',
  E15: 'Age assessment determined the child is 18 or over',
  E16: 'Child moved abroad',
  E17: 'Aged 18 or over and remained with current carers (including staying put)',
  E2: 'Died',
  E3: 'Care taken over by another local authority',
  E41: 'Residence order or child arrangements order granted',
  E45: 'Special guardianship order to former foster carer(s) who are relatives or friends',
  E46: 'Special guardianship order to former foster carer(s) who are not relatives or friends',
  E47: 'Special guardianship order to other carer(s) who are relatives or friends',
  E48: 'Special guardianship order to other carer(s) who are not relatives or friends',
  E4A: 'Returned home as part of the care planning process',
  E4B: 'Returned home not as part of the care planning process',
  E5: 'Moved into independent living with formal advice and support',
  E6: 'Moved into independent living without formal advice and support',
  E7: 'Transferred to residential care funded by adult social care',
  E8: 'Ceased to be looked after for any other reason',
  E9: 'Sentenced to custody',
} as const;

/** Reason for placement change (rule 1009). */
export const REASON_PLACE_CHANGE = {
  CARPL: 'Change to or implementation of care plan',
  CLOSE: 'Resignation or closure of provision',
  ALLEG: 'Allegation (section 47)',
  STAND: 'Standards of care concern',
  APPRR: 'Approval removed',
  CREQB: 'Carer requests placement end because of the child’s behaviour',
  CREQO: 'Carer requests placement end for another reason',
  CHILD: 'Child requests placement end',
  LAREQ: 'Responsible or area authority requests placement end',
  PLACE: 'Change in the status of placement only',
  CUSTOD: 'Custody arrangement',
  OTHER: 'Other',
} as const;

/** Missing type (rule 1006). */
export const MISSING = {
  M: 'Missing: whereabouts not known',
  A: 'Away from placement without authorisation',
} as const;

/** Care leaver in touch (rule 131). */
export const IN_TOUCH = {
  YES: 'In touch',
  NO: 'Not in touch',
  DIED: 'Died after leaving care',
  REFU: 'Refuses contact',
  NREQ: 'No longer requires services',
  RHOM: 'Returned home to parents for six months or more',
} as const;

/** Care leaver activity (rule 132). G4, G5 and G6 are NEET. */
export const ACTIV = {
  F1: 'Full-time in higher education',
  P1: 'Part-time in higher education',
  F2: 'Full-time in other education',
  P2: 'Part-time in other education',
  F4: 'Full-time apprenticeship',
  P4: 'Part-time apprenticeship',
  F5: 'Full-time training or employment',
  P5: 'Part-time training or employment',
  G4: 'Not in education, employment or training: illness or disability',
  G5: 'Not in education, employment or training: other reasons',
  G6: 'Not in education, employment or training: pregnancy or parenting',
  '0': 'Not known (not in touch, died or returned home)',
} as const;

const NEET: readonly string[] = ['G4', 'G5', 'G6'];

/** Not in education, employment or training. */
export function isNeet(activ: string | null | undefined): boolean {
  return activ != null && NEET.includes(activ);
}

/** In education, employment or training (activity known and not NEET). */
export function isEet(activ: string | null | undefined): boolean {
  return activ != null && activ in ACTIV && activ !== '0' && !isNeet(activ);
}

const ACCOM_TYPES = {
  B: 'With parents or relatives',
  C: 'Community home or other residential care',
  D: 'Semi-independent, transitional accommodation',
  E: 'Supported lodgings',
  G: 'Gone abroad',
  H: 'Deported',
  K: 'Ordinary lodgings without formal support',
  R: 'Residence not known',
  S: 'No fixed abode or homeless',
  T: 'Foyer or similar supported accommodation',
  U: 'Independent living',
  V: 'Emergency accommodation',
  W: 'Bed and breakfast',
  X: 'In custody',
  Y: 'Other accommodation',
  Z: 'With former foster carer(s) (staying put)',
} as const;

/** No fixed abode and custody can only be unsuitable (rule 133 leaves out S1 and X1). */
const NEVER_SUITABLE = ['S', 'X'];

/** Care leaver accommodation (rule 133): a type letter then 1 suitable or 2 unsuitable; 0 not known. */
export const ACCOM: CodeList = Object.freeze({
  ...Object.fromEntries(
    Object.entries(ACCOM_TYPES).flatMap(([letter, label]) => [
      ...(NEVER_SUITABLE.includes(letter) ? [] : [[`${letter}1`, `${label} (suitable)`]]),
      [`${letter}2`, `${label} (unsuitable)`],
    ]),
  ),
  '0': 'Not known (not in touch, died or returned home)',
});

export function isSuitableAccom(accom: string | null | undefined): boolean {
  return accom != null && accom.length === 2 && accom.endsWith('1') && accom in ACCOM;
}

export function isUnsuitableAccom(accom: string | null | undefined): boolean {
  return accom != null && accom.length === 2 && accom.endsWith('2') && accom in ACCOM;
}

/** UPN unknown reasons in the 903 (rule 168). */
export const UPN_UNKNOWN = {
  UN1: 'Not of school age and no UPN assigned yet',
  UN2: 'Never attended a maintained school in England',
  UN3: 'Educated outside England',
  UN4: 'Newly looked after and the UPN not yet known',
  UN5: 'Sources disagree, so the UPN cannot be matched reliably',
} as const;

/** Rule 168: check letter and 12 digits (or 11 digits and a letter), or UN1 to UN5. */
export const UPN_PATTERN = /^(?:[A-HJ-NP-RT-Z](?:\d{12}|\d{11}[A-Z])|UN[1-5])$/;

/** SEN2 person sex. */
export const SEN2_SEX = { M: 'Male', F: 'Female', U: 'Unknown' } as const;

/** SEN2 RequestOutcome. */
export const REQUEST_OUTCOME = {
  Y: 'Assessment agreed',
  N: 'Decided not to assess',
  A: 'Decision not yet made',
  W: 'Request withdrawn before a decision',
  H: 'Historical: decided before this collection period',
} as const;

/** SEN2 AssessmentOutcome. */
export const ASSESSMENT_OUTCOME = {
  Y: 'Decided to issue a plan',
  N: 'Decided not to issue a plan',
  A: 'Decision not yet made',
  W: 'Withdrawn before a decision to issue',
  H: 'Historical: decided before this collection period, or transferred in',
} as const;

/** SEN2 SENtype (primary need). DS is new in 2025. */
export const SEN_TYPE = {
  SPLD: 'Specific learning difficulty',
  MLD: 'Moderate learning difficulty',
  SLD: 'Severe learning difficulty',
  PMLD: 'Profound and multiple learning difficulty',
  SEMH: 'Social, emotional and mental health',
  SLCN: 'Speech, language and communication needs',
  HI: 'Hearing impairment',
  VI: 'Vision impairment',
  MSI: 'Multi-sensory impairment',
  PD: 'Physical disability',
  ASD: 'Autistic spectrum disorder',
  DS: 'Down syndrome',
  OTH: 'Other difficulty',
} as const;

/**
 * SEN2 SENSetting: where the plan names (PlanDetail) or the child attends (PlacementDetail), as
 * csinsight's SEN2 schema lists them (src/importers/xml/schemas/sen2; a test keeps the two equal).
 */
export const SEN_SETTING = {
  MSA: 'Mainstream school: academy or free school',
  MSM: 'Mainstream school: maintained',
  MRP: 'Mainstream school with SEN unit or resourced provision',
  SSA: 'Special school: academy or free school',
  SSM: 'Special school: maintained',
  NMS: 'Non-maintained special school',
  ISS: 'Independent special school',
  IMS: 'Independent mainstream school',
  APR: 'Alternative provision or pupil referral unit',
  FEC: 'Further education college',
  SFC: 'Sixth form college',
  SPI: 'Specialist post-16 institution',
  EYS: 'Early years setting',
  APP: 'Apprenticeship or traineeship',
  EHE: 'Elective home education',
  EOTAS: 'Education otherwise than at a school (section 61)',
  NIE: 'Not in education, employment or training',
  OTH: 'Other',
} as const;

/** SEN2 CeaseReason: why a plan ceased. */
export const CEASE_REASON = {
  '1': 'Reached maximum age (end of the academic year of their 25th birthday)',
  '2': 'Ongoing needs met without an EHC plan',
  '3': 'Moved on to higher education',
  '4': 'Moved on to paid employment, excluding apprenticeships',
  '5': 'Transferred to another local authority',
  '6': 'Young person no longer wishes to engage in education or training',
  '7': 'Moved outside England',
  '8': 'Deceased',
  '9': 'Other',
} as const;

/** CSWW OrgRole. */
export const CSWW_ROLE = {
  '1': 'Senior manager', '2': 'Middle manager', '3': 'First line manager', '4': 'Senior practitioner', '5': 'Case holder', '6': 'Qualified without cases',
} as const;

/** CSWW ReasonLeave. */
export const CSWW_REASON_LEAVE = {
  '1': 'Resignation', '2': 'Voluntary redundancy', '3': 'Compulsory redundancy', '4': 'Dismissed', '5': 'Retired', '6': 'Deceased',
  '7': 'Moved to a non-child and family social work role within the LA', '8': 'Other', '9': 'Not known', '10': 'Not yet collected',
} as const;

/** The label of a code, or the code itself when the list does not have it. */
export function label(list: CodeList, code: string | null | undefined): string {
  if (code == null || code === '') return 'Not recorded';
  return list[code] ?? code;
}

// Case-system lists (not DfE returns; see docs/formats.md).

/** Themes a return home interview can record. */
export const RHI_THEMES = {
  PUSH_HOME: 'Push factors at home',
  PUSH_PLACEMENT: 'Push factors in the placement',
  PEERS: 'Peers and friends',
  RELATIONSHIP: 'Boyfriend or girlfriend',
  SUBSTANCES: 'Drugs or alcohol',
  EXPLOITATION: 'Exploitation',
  BULLYING: 'Bullying',
  MENTAL_HEALTH: 'Mental health',
  FAMILY_CONTACT: 'Wanting contact with family',
  OTHER: 'Other',
} as const;

export const ACTION_STATUS = { not_started: 'Not started', in_progress: 'In progress', complete: 'Complete' } as const;

export const COMMITTEE_ACTION_STATUS = { open: 'Open', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' } as const;

export const RAG_CODES = { red: 'Red', amber: 'Amber', green: 'Green' } as const;
