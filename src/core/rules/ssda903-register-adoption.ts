// SSDA903 rules about AD1, PlacedAdoption and PrevPerm: entries of the register
// (./ssda903-register.ts), in the same shape: [code, tables, fields, how, message, years].
import type { Entry } from './ssda903-register.ts';

export const ADOPTION_AREA_ENTRIES: readonly Entry[] = [
  // AD1: the adopters' legal status against their sex (a blank sex is reported too).
  ['517', 'AD1', 'LS_ADOPTR SEX_ADOPTR', 'row', "The adopters are an unmarried couple of different sexes (L3), so their sex must be MF."],
  ['518', 'AD1', 'LS_ADOPTR SEX_ADOPTR', 'row', "The adopters are an unmarried couple of the same sex (L4), so their sex must be MM or FF."],
  ['519', 'AD1', 'LS_ADOPTR SEX_ADOPTR', 'row', "The adopters are civil partners (L2), so their sex must be that of a couple (MM, FF or MF)."],
  ['520', 'AD1', 'LS_ADOPTR SEX_ADOPTR', 'row', "The adopters are a married couple of different sexes (L11), so their sex must be MF."],
  ['524', 'AD1', 'LS_ADOPTR SEX_ADOPTR', 'row', "The adopters are a married couple of the same sex (L12), so their sex must be MM or FF."],
  // AD1 against the episodes, OC3 and PlacedAdoption.
  ['134', 'AD1 OC3', 'DATE_INT DATE_MATCH FOSTER_CARE NB_ADOPTR SEX_ADOPTR LS_ADOPTR', 'files', 'The child is in the care leavers (OC3) cohort, so the adoption items must be blank.'],
  ['187', 'AD1 OC3 Episodes', 'DATE_INT DATE_MATCH FOSTER_CARE NB_ADOPTR SEX_ADOPTR LS_ADOPTR IN_TOUCH ACTIV ACCOM', 'files',
    'The child has been looked after all year (the OC2 cohort), so the adoption and care leaver items must be blank.'],
  ['331', 'AD1 Episodes', 'DATE_MATCH DECOM REC', 'files', 'The child was matched with the adopters after the episode that ended in adoption began.'],
  ['334', 'AD1 Episodes', 'DATE_INT DECOM RNE', 'files', 'The decision that the child should be placed for adoption is before the latest period of care began (the last episode with reason S).'],
  ['335', 'AD1 Episodes', 'FOSTER_CARE PLACE', 'files',
    'Whether the adopters were the foster carers does not agree with the placement the child was adopted from (A2, A3, A5: with the foster carers; A1, A4, A6: not).'],
  ['521', 'AD1 Episodes', 'DATE_INT DECOM PLACE', 'files', 'The decision that adoption is in the best interests of the child is after the child was placed for adoption (placement A3 to A6).'],
  ['582', 'Episodes AD1', 'DEC DATE_MATCH', 'files', 'The child was adopted on the day they were matched with the adopters: the match is normally earlier. Check both dates.'],
  ['601', 'AD1 Episodes', 'DATE_INT DATE_MATCH FOSTER_CARE NB_ADOPTR SEX_ADOPTR LS_ADOPTR REC', 'files', 'The child was adopted this year (an episode ceased with E11 or E12), so every adoption item must be given.'],
  ['602', 'AD1 Episodes', 'CHILD', 'files', 'Adoption items are given but no episode this year ceased with adoption (E11 or E12).'],
  ['523', 'PlacedAdoption AD1', 'DATE_PLACED DATE_INT', 'files', 'The decision to place for adoption is dated differently from the decision that adoption is in the best interests of the child (AD1).'],
  ['525', 'PlacedAdoption AD1', 'DATE_PLACED_CEASED DATE_INT DATE_MATCH FOSTER_CARE NB_ADOPTR SEX_ADOPTR LS_ADOPTR', 'files',
    'The decision to place for adoption was reversed, so the child cannot have been adopted: the adoption items must be blank.'],
  // PlacedAdoption: its own rows.
  ['579', 'PlacedAdoption', 'DATE_PLACED DATE_PLACED_CEASED', 'rows', 'A decision to place for adoption begins while the previous one was still in force (not reversed, or reversed later).'],
  ['583', 'PlacedAdoption', 'DATE_PLACED DATE_PLACED_CEASED', 'rows', 'A later decision to place for adoption is recorded, but this earlier one has no date of reversal.'],
  // PlacedAdoption against the episodes.
  ['1003', 'PlacedAdoption Episodes', 'DATE_PLACED DECOM RNE', 'files', 'The decision to place for adoption is dated before the child first started to be looked after (the first episode with reason S).'],
  ['117', 'PlacedAdoption Episodes', 'DATE_PLACED DATE_PLACED_CEASED DEC REC', 'files',
    'The decision to place for adoption, or its reversal, is dated after the end of the collection year or after the child ceased to be looked after.'],
  ['118', 'PlacedAdoption Episodes', 'DATE_PLACED_CEASED DECOM LS', 'files',
    'The reversal of the decision to place for adoption is dated before the collection year or before the child first started to be looked after (not counting short breaks, V3 or V4).'],
  ['551', 'Episodes PlacedAdoption', 'PLACE DATE_PLACED', 'files', 'The child is placed for adoption (A3 to A6) but there is no date of the decision to place for adoption.'],
  ['552', 'PlacedAdoption Episodes', 'DATE_PLACED DECOM', 'files', 'The latest decision to place for adoption is dated after the child was first placed for adoption (placement A3 to A6).'],
  ['553', 'Episodes PlacedAdoption', 'CHILD DATE_PLACED DATE_PLACED_CEASED REASON_PLACED_CEASED', 'files',
    'A placement order was granted (legal status E1) but there is no decision to place for adoption, or that decision is recorded as reversed while the order is still in force.'],
  ['554', 'PlacedAdoption Episodes', 'DATE_PLACED DECOM LS', 'files', 'The decision to place for adoption is dated after the placement order was granted (the first episode with legal status E1).'],
  ['557', 'Episodes PlacedAdoption', 'REC DATE_PLACED_CEASED REASON_PLACED_CEASED PLACE LS', 'files',
    'The child left care without being adopted after a placement for adoption or a placement order, so the date and reason the decision to place for adoption was reversed are needed.'],
  ['558', 'Episodes PlacedAdoption', 'REC DATE_PLACED_CEASED', 'files',
    'The child was adopted, yet every decision to place for adoption (more than one) is recorded as reversed: the latest should have no date of reversal.'],
  // PlacedAdoption against last year's return.
  ['559', 'PlacedAdoption', 'DATE_PLACED', 'last-year', "The decision to place for adoption is dated before this collection year but is not in last year's return."],
  ['560', 'PlacedAdoption', 'DATE_PLACED', 'last-year', "Last year's return has a decision to place for adoption that was not reversed, but this year's has no decision of that date."],
  ['561', 'PlacedAdoption', 'DATE_PLACED', 'last-year', "This decision to place for adoption was recorded as reversed in last year's return."],
  ['584', 'PlacedAdoption', 'DATE_PLACED', 'last-year', "Last year's return has a reversed decision to place for adoption, so a decision this year must be dated after it."],
  // PrevPerm.
  ['630', 'Episodes PrevPerm', 'RNE', 'files', 'The child started to be looked after this year, so the previous permanence option must be given (with its authority and date unless it is Z1).'],
  ['632', 'PrevPerm Episodes', 'DATE_PERM DECOM', 'files',
    'The date of the previous permanence order is not a valid date (DD/MM/YYYY, ZZ for a day or month not known, ZZZZ for a year), or is not before the first episode began.'],
  ['633', 'PrevPerm', 'LA_PERM', 'row', "The authority of the previous permanence order is not the code of an English authority (nor the council's own, as set by csinsight council), WAL, SCO, NIR or NUK."],
  ['634', 'PrevPerm Episodes', 'PREV_PERM LA_PERM DATE_PERM', 'files', 'Previous permanence items are given but the child has not started to be looked after this year (the latest episode began before it).'],
];
