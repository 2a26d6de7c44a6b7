// SSDA903 rules about placements (type, provider, reason for change, URN): entries of the register
// (./ssda903-register.ts), in the same shape: [code, tables, fields, how, message, years].
// Row rules are in ./ssda903-placements.ts, the others in importers/tables/ssda903-checks-placements.ts.
import type { Entry } from './ssda903-register.ts';

export const PLACEMENT_AREA_ENTRIES: readonly Entry[] = [
  // One episode's own fields
  ['217', 'Episodes', 'RNE PLACE DECOM', 'row', 'The child is placed for adoption with the current foster carers (A3 or A5), so the reason for new episode must be S, T or U.'],
  ['233', 'Episodes', 'REASON_PLACE_CHANGE', 'row', 'A reason for placement change is given but the episode has not ceased: the reason belongs on the episode that ends with the change.', { from: 2025 }],
  ['378', 'Episodes', 'LS PLACE', 'row', 'The child is placed with parents (P1), so cannot be looked after under a single period of accommodation (V2).'],
  ['380', 'Episodes', 'RNE PLACE', 'row', 'A period of care cannot begin with a temporary placement (T0 to T4): the reason for new episode must be P or B.'],
  ['381', 'Episodes', 'REC PLACE', 'row', 'A period of care cannot end in a temporary placement (T0 to T4): the episode must cease with X1.'],
  ['382', 'Episodes', 'LS PLACE', 'row', 'A child on short breaks (V3, V4) cannot be in a temporary placement (T0 to T4).'],
  ['384', 'Episodes', 'LS PLACE', 'row', 'A child on short breaks (V3, V4) cannot be in a long-term foster placement (U1, U4).'],
  ['390', 'Episodes', 'REC PLACE', 'row', 'The episode ceased with an adoption (E11, E12) but the placement is not an adoptive one (A3 to A6).'],
  ['408', 'Episodes', 'LS PLACE', 'row', 'The child is placed for adoption under a placement order (A5, A6), so the legal status must be E1.'],
  ['516', 'Episodes', 'REC PLACE', 'row', 'The episode ceased with a special guardianship order to former foster carers (E45, E46), so the placement must be with foster carers (U1 to U6).'],
  ['526', 'Episodes', 'PLACE_PROVIDER PLACE', 'row', "The placement provider is missing: only temporary placements (T0 to T4) and other placements (this year's Z codes) take none."],
  ['527', 'Episodes', 'PLACE_PROVIDER PLACE', 'row', "The authority's own provision (PR1) cannot provide a placement with parents (P1), in a health setting (R2) or in custody (R5)."],
  ['528', 'Episodes', 'PLACE_PROVIDER PLACE', 'row', "Another authority's provision (PR2) cannot provide a placement with parents (P1), in a health setting (R2) or in custody (R5)."],
  ['529', 'Episodes', 'PLACE_PROVIDER PLACE', 'row', 'Other public provision (PR3) cannot provide a placement with parents (P1), for adoption (A3 to A6), in a children\'s home (K1, K2) or with foster carers (U1 to U6).'],
  ['530', 'Episodes', 'PLACE_PROVIDER PLACE', 'row', 'Private provision (PR4) cannot provide a placement with parents (P1).'],
  ['531', 'Episodes', 'PLACE_PROVIDER PLACE', 'row', 'Voluntary or third sector provision (PR5) cannot provide a placement with parents (P1).'],
  ['550', 'Episodes', 'PLACE_PROVIDER PLACE', 'row', 'The provider is the parents (PR0) but the placement is not with parents (P1).'],
  ['214', 'Episodes', 'PL_POST URN LS', 'row', 'The child is on short breaks (V3, V4), so the placement postcode and URN must be blank.'],
  ['398', 'Episodes', 'HOME_POST PL_POST LS', 'row', 'The child is on short breaks (V3, V4), so the home and placement postcodes must be blank.'],
  ['392d', 'Episodes', 'PL_POST HOME_POST PLACE', 'row', 'The home and placement postcodes are the same, but the child is not placed with parents (P1).'],
  ['375', 'Episodes', 'DEC PLACE DECOM', 'row', 'A temporary placement in hospital (T1) lasted more than six weeks.'],
  ['376', 'Episodes', 'DEC PLACE DECOM', 'row', "A temporary placement for the foster carers' holiday (T3) lasted more than three weeks."],
  ['379', 'Episodes', 'DEC PLACE DECOM', 'row', 'A temporary placement for another reason (T4) lasted more than seven days.'],
  // Along the child's chain of episodes
  ['225', 'Episodes', 'REASON_PLACE_CHANGE', 'rows', 'The placement changed when this episode ceased (X1, and the next episode is a new placement), so the reason for the placement change is needed.'],
  ['336', 'Episodes', 'PLACE', 'rows', 'The child was placed for adoption (A3, A4) straight from a placement that was neither foster care nor adoptive (A3 to A6, U1 to U6).'],
  ['377', 'Episodes', 'PLACE', 'rows', "More than two temporary placements for the foster carers' holiday (T3) in the return."],
  ['383', 'Episodes', 'RNE PLACE PL_POST', 'rows', 'After a temporary placement (T0 to T4) the child must return to the placement before it: reason for new episode P and the same placement type (from 2025-26 also the same placement postcode).'],
  ['504', 'Episodes', 'CIN', 'rows', 'The category of need differs from the previous episode, which ended the day this one began without the child leaving care.'],
  // Against the Header, UASC and Reviews
  ['372', 'Episodes Header', 'DECOM PLACE', 'files', 'The child is in youth custody or prison (R5) but was under 10 when the episode began.'],
  ['373', 'Episodes Header', 'DECOM PLACE', 'files', 'The child is placed in a school (S1) but was under 4 when the episode began.'],
  ['374', 'Episodes Header', 'DECOM PLACE', 'files', 'The child is in residential employment (P3) but was under 14 when the episode began.'],
  ['234', 'Episodes Header', 'REASON_PLACE_CHANGE DECOM', 'files', 'The placement changed because the child was taken into custody (CUSTOD), but the child was under 10 when the episode began.', { from: 2025 }],
  ['392b', 'Episodes UASC', 'HOME_POST PL_POST', 'files', 'The home or placement postcode is missing: both are needed unless the child is on short breaks (V3, V4) or is or was an unaccompanied asylum-seeking child.'],
  ['399', 'Header Reviews Episodes', 'MOTHER REVIEW REVIEW_CODE LS', 'files', 'The child is looked after only on short breaks (V3, V4), so MOTHER and the reviews must be blank.'],
  ['347', 'OC3', 'ACCOM DOB', 'row', 'A care leaver under 18 at the start of the year cannot be living in a foyer (accommodation T1 or T2).'],
  // Against last year
  ['503F', 'Episodes', 'URN', 'last-year', "The first episode's Ofsted URN differs from the episode open at the end of last year."],
];
