// Code lists of the SSDA903 tables beyond Header, Episodes, Missing and OC3 (Reviews, OC2, AD1,
// PlacedAdoption, PrevPerm, SWEpisodes), as the DfE guidance and the open 903 validator's rules
// (the rule number beside each) define them. Labels are csinsight's own wording.

/** Reviews REVIEW_CODE: how the child took part in the review (rule 167). */
export const REVIEW_CODE = {
  PN0: 'Child aged under 4 at the time of the review',
  PN1: 'Child attended and spoke for themselves',
  PN2: 'Child attended and an advocate spoke for them',
  PN3: 'Child attended and conveyed their views non-verbally',
  PN4: 'Child attended but did not convey their views',
  PN5: 'Child did not attend but briefed an advocate',
  PN6: 'Child did not attend but conveyed their views another way',
  PN7: 'Child did not attend nor convey their views',
} as const;

/** 0 or 1 items of OC2 and AD1 (rules 114, and the OC2 items). */
export const YES_NO_01 = { '0': 'No', '1': 'Yes' } as const;

/** OC2 SDQ_REASON: why there is no SDQ score (rule 196). */
export const SDQ_REASON = {
  SDQ1: 'No form returned: child aged under 4 or over 17',
  SDQ2: 'Carer refused to complete the questionnaire',
  SDQ3: 'Not possible because of the severity of the child’s disability',
  SDQ4: 'Other reason',
  SDQ5: 'Child or young person refused',
} as const;

/** AD1 NB_ADOPTR: number of adopters (rule 175). */
export const NB_ADOPTR = { '1': 'One adopter', '2': 'Two adopters' } as const;

/** AD1 SEX_ADOPTR (rule 176). */
export const SEX_ADOPTR = { M1: 'Single male', F1: 'Single female', MM: 'Male couple', FF: 'Female couple', MF: 'Male and female couple' } as const;

/** AD1 LS_ADOPTR: legal status of the adopters (rule 177). */
export const LS_ADOPTR = {
  L0: 'Single adopter',
  L11: 'Married couple of different sexes',
  L12: 'Married couple of the same sex',
  L2: 'Civil partners',
  L3: 'Unmarried couple of different sexes',
  L4: 'Unmarried couple of the same sex',
} as const;

/** PlacedAdoption REASON_PLACED_CEASED (rule 120). */
export const REASON_PLACED_CEASED = {
  RD1: 'Child’s needs changed after the decision',
  RD2: 'The court did not grant a placement order',
  RD3: 'Prospective adopters could not be found',
  RD4: 'Any other reason',
} as const;

/** PrevPerm PREV_PERM: permanence before this period of care (rule 631). */
export const PREV_PERM = {
  P1: 'Adoption',
  P2: 'Special guardianship order',
  P3: 'Residence order or child arrangements order',
  P4: 'Adopted abroad',
  Z1: 'Not known, or no previous permanence',
} as const;

/** SWEpisodes SW_REASON: why the social worker changed (rule SW13STG1). */
export const SW_REASON = {
  MANAGE: 'Management decision',
  FCONTA: 'Family requested a change',
  LEFTRL: 'Social worker left the role',
  ORGRST: 'Organisational restructure',
  TSPROC: 'Transfer between teams as part of the process',
  ABSENC: 'Social worker absent',
  CHCHAN: 'Child requested a change',
  PCCHAN: 'Parent or carer requested a change',
  SWDIED: 'Social worker died',
  OTHERS: 'Other reason',
} as const;
