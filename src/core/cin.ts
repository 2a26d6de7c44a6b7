// The front door in the CIN census (children in need census, DfE): referral source, need and
// closure codes, the 45-working-day assessment clock (Working Together to Safeguard Children) and
// the DfE's re-referral rule. Codes are those of the census schema and validator (docs/dfe-reference.md §3).
import { addDays, addMonths, type IsoDate, toEpochDay } from './dates.ts';

/** ReferralSource (N00152), validator rule 8866. */
export const REFERRAL_SOURCE = {
  '1A': 'Individual – family member, relative or carer',
  '1B': 'Individual – acquaintance (including neighbours and child minders)',
  '1C': 'Individual – self',
  '1D': 'Individual – other (including strangers)',
  '2A': 'Schools',
  '2B': 'Education services',
  '3A': 'Health services – general practitioner (GP)',
  '3B': 'Health services – health visitor',
  '3C': 'Health services – school nurse',
  '3D': 'Health services – other primary health services',
  '3E': 'Health services – A&E (accident and emergency department)',
  '3F': 'Health services – other (for example hospice)',
  '4': 'Housing – LA housing or housing association',
  '5A': 'LA services – social care, e.g. adults’ social care',
  '5B': 'LA services – other internal (e.g. youth offending, excluding housing)',
  '5C': 'LA services – external, e.g. another LA’s adults’ social care',
  // In the census validator's list (rule 8866, 2022-23) but not in the 2022 schema we read.
  '5D': 'LA services – other (code 5D)',
  '6': 'Police',
  '7': 'Other legal agency – courts, probation, immigration, CAFCASS or prison',
  '8': 'Other – children’s centres, independent agency providers or voluntary organisations',
  '9': 'Anonymous',
  '10': 'Unknown',
} as const;
export type ReferralSource = keyof typeof REFERRAL_SOURCE;

/** The groups the DfE publishes referrals by (Children in need, table C5). */
export const SOURCE_GROUP = {
  INDIVIDUAL: 'Individual',
  SCHOOLS: 'Schools',
  EDUCATION: 'Education services',
  HEALTH: 'Health services',
  HOUSING: 'Housing',
  LA_SERVICES: 'LA services',
  POLICE: 'Police',
  LEGAL: 'Other legal agency',
  OTHER: 'Other',
  ANONYMOUS: 'Anonymous',
  UNKNOWN: 'Unknown',
} as const;
export type SourceGroup = keyof typeof SOURCE_GROUP;

export function sourceGroup(code: ReferralSource): SourceGroup {
  if (code.startsWith('1')) return code === '10' ? 'UNKNOWN' : 'INDIVIDUAL';
  if (code === '2A') return 'SCHOOLS';
  if (code === '2B') return 'EDUCATION';
  if (code.startsWith('3')) return 'HEALTH';
  if (code === '4') return 'HOUSING';
  if (code.startsWith('5')) return 'LA_SERVICES';
  return ({ '6': 'POLICE', '7': 'LEGAL', '8': 'OTHER', '9': 'ANONYMOUS' } as const)[code as '6' | '7' | '8' | '9'];
}

/**
 * Local sub-codes a case system may add beside ReferralSource, so a partnership the census folds
 * into a wider code (the fire service is in "8 Other") can be followed on its own. Each belongs
 * to one census code; the census return itself is unchanged.
 */
export const LOCAL_SOURCE = {
  FIRE: { label: 'Fire and rescue service', census: '8' },
  FAMILY_HUB: { label: 'Family hub or children’s centre', census: '8' },
  VOLUNTARY: { label: 'Voluntary and community sector', census: '8' },
  AMBULANCE: { label: 'Ambulance service', census: '3F' },
  YOUTH_JUSTICE: { label: 'Youth justice service', census: '5B' },
} as const satisfies Record<string, { label: string; census: ReferralSource }>;
export type LocalSource = keyof typeof LOCAL_SOURCE;
export const LOCAL_SOURCE_LABEL = Object.fromEntries(Object.entries(LOCAL_SOURCE).map(([k, v]) => [k, v.label])) as Record<LocalSource, string>;

/** What a referral is counted as on the front-door page: its local partner where known, else its DfE group. */
export const REFERRAL_SOURCE_LABEL: Record<string, string> = { ...SOURCE_GROUP, ...LOCAL_SOURCE_LABEL };

/** PrimaryNeedCode (N00101): category of need. */
export const PRIMARY_NEED = {
  N0: 'Not stated',
  N1: 'Abuse or neglect',
  N2: 'Child’s disability',
  N3: 'Parental disability or illness',
  N4: 'Family in acute stress',
  N5: 'Family dysfunction',
  N6: 'Socially unacceptable behaviour',
  N7: 'Low income',
  N8: 'Absent parenting',
  N9: 'Cases other than children in need',
} as const;

/** ReasonForClosure (N00103). */
export const REASON_FOR_CLOSURE = {
  RC1: 'Adopted',
  RC2: 'Died',
  RC3: 'Child arrangements order',
  RC4: 'Special guardianship order',
  RC5: 'Transferred to services of another LA',
  RC6: 'Transferred to adult social care services',
  RC7: 'Services ceased for any other reason, including child no longer in need',
  RC8: 'Case closed after assessment, no further action',
  // From the 2022-23 census.
  RC9: 'Case closed after assessment, referred to early help',
} as const;

/** GenderCurrent (N00097). */
export const GENDER_CURRENT = { '0': 'Not known', '1': 'Male', '2': 'Female', '9': 'Indeterminate' } as const;

/** AssessmentFactors (N00181): factors identified at the end of assessment. */
export const ASSESSMENT_FACTORS = {
  '1A': 'Alcohol misuse – child', '1B': 'Alcohol misuse – parent or carer', '1C': 'Alcohol misuse – another person',
  '2A': 'Drug misuse – child', '2B': 'Drug misuse – parent or carer', '2C': 'Drug misuse – another person',
  '3A': 'Domestic abuse – child', '3B': 'Domestic abuse – parent or carer', '3C': 'Domestic abuse – another person',
  '4A': 'Mental health – child', '4B': 'Mental health – parent or carer', '4C': 'Mental health – another person',
  '5A': 'Learning disability – child', '5B': 'Learning disability – parent or carer', '5C': 'Learning disability – another person',
  '6A': 'Physical disability or illness – child', '6B': 'Physical disability or illness – parent or carer',
  '6C': 'Physical disability or illness – another person', '7A': 'Young carer',
  '8B': 'Privately fostered – overseas, intending to return', '8C': 'Privately fostered – overseas, intending to stay',
  '8D': 'Privately fostered – UK, educational placement', '8E': 'Privately fostered – UK, alternative family arrangement',
  '8F': 'Privately fostered – other', '9A': 'Unaccompanied asylum-seeking child', '10A': 'Going or being missing',
  '11A': 'Child sexual exploitation', '12A': 'Trafficking', '13A': 'Gangs', '14A': 'Socially unacceptable behaviour',
  '15A': 'Self-harm', '16A': 'Neglect', '17A': 'Emotional abuse', '18B': 'Physical abuse – child on child',
  '18C': 'Physical abuse – adult on child', '19B': 'Sexual abuse – child on child', '19C': 'Sexual abuse – adult on child',
  '20': 'Other', '21': 'No factors identified', '22A': 'Female genital mutilation', '23A': 'Abuse linked to faith or belief',
  '24A': 'Child criminal exploitation',
} as const;
/** Factor 21 ("no factors identified") stands alone (validator rule 8869). */
export const NO_FACTORS = '21';

// ---------------------------------------------------------------------------------------------
// Bank holidays in England and Wales, as published on GOV.UK, for the years csinsight's data
// covers. Years outside the list fall back to the standing rules (below), which cannot know of
// one-off holidays (jubilees, coronations, state funerals) or moved days: add the year here when
// GOV.UK publishes it.
export const BANK_HOLIDAYS: Readonly<Record<number, readonly IsoDate[]>> = {
  2018: ['2018-01-01', '2018-03-30', '2018-04-02', '2018-05-07', '2018-05-28', '2018-08-27', '2018-12-25', '2018-12-26'],
  2019: ['2019-01-01', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-08-26', '2019-12-25', '2019-12-26'],
  // Early May moved to Friday 8 May for the 75th anniversary of VE Day.
  2020: ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28'],
  2021: ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28'],
  // Spring moved to 2 June, plus 3 June (Platinum Jubilee); 19 September (the Queen's state funeral).
  2022: ['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27'],
  // 8 May: the coronation of King Charles III.
  2023: ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26'],
  2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
};

function iso(y: number, m: number, d: number): IsoDate {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 0 = Sunday ... 6 = Saturday. */
function weekday(date: IsoDate): number {
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

/** Easter Sunday (Gregorian; the anonymous algorithm of 1876). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return iso(year, month, ((h + l - 7 * m + 114) % 31) + 1);
}

/** The first (n = 1) or last (n = -1) Monday of a month. */
function monday(year: number, month: number, n: 1 | -1): IsoDate {
  if (n === 1) {
    const first = iso(year, month, 1);
    return addDays(first, (8 - weekday(first)) % 7);
  }
  const last = addDays(iso(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  return addDays(last, -((weekday(last) + 6) % 7));
}

/**
 * England and Wales bank holidays by the standing rules: New Year's Day, Good Friday, Easter
 * Monday, the first and last Mondays of May, the last Monday of August, Christmas and Boxing Day,
 * with a weekday substitute when one falls at a weekend.
 */
export function standingBankHolidays(year: number): IsoDate[] {
  const easter = easterSunday(year);
  let newYear = iso(year, 1, 1);
  if (weekday(newYear) === 6) newYear = addDays(newYear, 2);
  else if (weekday(newYear) === 0) newYear = addDays(newYear, 1);
  // Christmas on Saturday: Monday and Tuesday; on Sunday: Boxing Day Monday, Christmas Tuesday;
  // Boxing Day on Saturday: Monday.
  const christmasDay = weekday(iso(year, 12, 25));
  const christmas =
    christmasDay === 6 ? [iso(year, 12, 27), iso(year, 12, 28)]
    : christmasDay === 0 ? [iso(year, 12, 26), iso(year, 12, 27)]
    : christmasDay === 5 ? [iso(year, 12, 25), iso(year, 12, 28)]
    : [iso(year, 12, 25), iso(year, 12, 26)];
  return [newYear, addDays(easter, -2), addDays(easter, 1), monday(year, 5, 1), monday(year, 5, -1), monday(year, 8, -1), ...christmas];
}

const holidayCache = new Map<number, ReadonlySet<IsoDate>>();

export function bankHolidays(year: number): ReadonlySet<IsoDate> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(BANK_HOLIDAYS[year] ?? standingBankHolidays(year));
    holidayCache.set(year, set);
  }
  return set;
}

export function isWorkingDay(date: IsoDate): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !bankHolidays(Number(date.slice(0, 4))).has(date);
}

/** The date `n` working days after `date` (the day itself is not counted; n = 0 gives `date`). */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** Working days after `from` up to and including `to`: the next working day is 1. Zero when `to` is not later. */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
  return n;
}

/** Working Together to Safeguard Children: an assessment is completed within 45 working days of its start. */
export const ASSESSMENT_WORKING_DAYS = 45;

/** The last day an assessment started on `start` can be authorised and be in time. */
export function assessmentDueDate(start: IsoDate): IsoDate {
  return addWorkingDays(start, ASSESSMENT_WORKING_DAYS);
}

export function assessmentInTime(start: IsoDate, authorised: IsoDate): boolean {
  return authorised <= assessmentDueDate(start);
}

/** The DfE's re-referral: a referral within 12 months of the same child's previous referral. */
export const RE_REFERRAL_MONTHS = 12;

export function isReReferral(previous: IsoDate | null, referral: IsoDate): boolean {
  return previous !== null && previous < referral && referral <= addMonths(previous, RE_REFERRAL_MONTHS);
}
