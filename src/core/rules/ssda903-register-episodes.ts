// SSDA903 rules about Header and Episodes (chains, legal status, placements, UASC status): entries of the register
// (./ssda903-register.ts), in the same shape: [code, tables, fields, how, message, years].
// UASC status is derived as the open 903 validator derives it for CSV returns: a child has it in a
// year when the child is in that year's UASC file.
import type { Entry } from './ssda903-register.ts';

export const EPISODE_AREA_ENTRIES: readonly Entry[] = [
  // Header
  ['209', 'Header', 'UPN DOB', 'row', 'The child was of school age (4 by 31 August before the collection year began), so the UPN cannot be UN1.'],
  ['620', 'Header', 'DOB MOTHER', 'row', 'The child is recorded as a mother but was under 11 at the start of the collection year.'],
  ['442', 'Header Episodes', 'UPN', 'files', 'The UPN is blank, but the child was looked after other than on short breaks (V3, V4): give the UPN, or UN1 to UN5.'],
  ['625', 'Header Episodes', 'MC_DOB', 'files', "The date of birth of the mother's child is after the end of the collection year, or after the mother's last episode ceased."],
  ['EPI', 'Header Episodes OC3', 'CHILD', 'files', 'The child is in the Header but has no episodes and no care leaver information (OC3) in this return.'],
  ['207', 'Header Episodes', 'MOTHER', 'last-year', "Last year's return recorded the child as a mother (MOTHER 1), but this year's does not."],
  ['626', 'Header', 'MOTHER MC_DOB', 'last-year', "The child is a mother whose child was born before this collection year, but last year's return said she was not a mother."],
  // Episodes: one row
  ['355', 'Episodes', 'DECOM DEC', 'row', 'The episode ceased the day it began (it lasted under 24 hours).'],
  ['365', 'Episodes', 'LS DECOM DEC', 'row', 'A short break (legal status V3) lasted more than 17 days; an open one counts to the end of the collection year.'],
  ['366', 'Episodes', 'RNE', 'row', 'A short break (legal status V3) must begin a new period of care (reason S): the placement cannot change during a break.'],
  ['446', 'Episodes', 'LS DECOM', 'row', 'A placement order (legal status E1) cannot begin before 1 December 2005.'],
  // Episodes against the Header
  ['210', 'Episodes Header', 'DECOM UPN', 'files', 'The UPN is UN4, which is not accepted for a child with an episode beginning on or after 24 March of the collection year.'],
  ['352', 'Episodes Header', 'RNE DECOM', 'files', 'The child started to be looked after (reason for new episode S) at 18 or over.'],
  ['358', 'Episodes Header', 'LS DECOM', 'files', 'The legal status is J1, J2 or J3 (youth justice), but the child was 10 or under when the episode began.'],
  ['359', 'Episodes Header', 'LS PLACE DEC', 'files', "The child turns 18 before the end of the collection year and is still looked after, so the episode must be accommodation under section 20 (V2) in a children's home (K2)."],
  ['407', 'Episodes Header', 'REC DEC', 'files', 'The episode ceased with a special guardianship order (E45 to E48) after the child turned 18.'],
  ['460', 'Episodes Header', 'REC DEC', 'files', 'The episode ceased with the child staying with the carers at 18 or over (E17), but the child was under 18.'],
  // Episodes across rows
  ['361', 'Episodes', 'LS DECOM DEC', 'rows', 'Police protection (legal status L1) lasted more than 72 hours (3 days), counting episodes that follow on.'],
  ['362', 'Episodes', 'LS DECOM DEC', 'rows', 'An emergency protection order (legal status L2) lasted more than 21 days, counting episodes that follow on.'],
  ['363', 'Episodes', 'LS DECOM DEC', 'rows', 'A child assessment order (legal status L3) lasted more than 7 days, counting episodes that follow on.'],
  ['364', 'Episodes', 'LS DECOM DEC', 'rows', 'Accommodation under PACE (legal status J2) lasted more than 21 days, counting episodes that follow on.'],
  ['367', 'Episodes', 'LS DECOM DEC', 'rows', "The child's short breaks (legal status V3) in the collection year add up to more than 75 days."],
  ['426', 'Episodes', 'LS', 'rows', 'The child has short breaks recorded both as individual episodes (V3) and as an agreed series (V4) in the same year.'],
  ['1012', 'Episodes Missing Reviews OC2 AD1 PlacedAdoption PrevPerm', 'CHILD', 'files', 'The child has no episodes in this return, so only care leaver information (OC3) may be returned for the child.'],
  // Episodes against last year's return
  ['199', 'Episodes', 'CHILD', 'last-year', 'The child was adopted from care (an earlier episode, this year or last, ceased with E11 or E12), yet has a later episode.'],
  ['562', 'Episodes', 'DECOM', 'last-year', "The child's first episode began before this collection year, but it is not the latest episode of last year's return."],
  ['NoE', 'Episodes', 'DECOM', 'last-year', "The episode began before this collection year, but the child has no episodes in last year's return."],
  // UASC status (from the UASC file)
  ['231', 'Header UASC', 'DOB', 'files', 'The child is UASC (in the UASC file) but under 11 at the end of the collection year: check the date of birth.', { from: 2024 }],
  ['205A', 'UASC Header', 'CHILD', 'last-year', "The child was UASC last year and has no UASC status this year (the child is not in this year's Header), but the dates UASC ceased do not show it ending last year."],
  ['205B', 'UASC Header', 'DUC', 'last-year', "The child was UASC last year and this year, so last year's date UASC ceased must be the 18th birthday, and this year's the same date or a date in this collection year."],
  ['205C', 'UASC Header', 'DUC', 'last-year', 'A date UASC ceased is given, but the child had UASC status neither this year nor last (the child is not in the Header).'],
  ['205D', 'UASC Header', 'CHILD', 'last-year', "The child is UASC this year but was in last year's return without UASC status (not in last year's UASC file)."],
];
