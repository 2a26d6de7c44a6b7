// Labels for breakdown groups. Row sources emit codes (or already plain groups); the engine
// turns them into the words a councillor reads here.
import { REFERRAL_SOURCE_LABEL } from '../cin.ts';
import { EARLY_HELP_LEVEL } from '../earlyHelp.ts';
import { EHE_REASONS } from '../homeEducation.ts';
import { EXPLOITATION_RISKS } from '../missing.ts';
import type { Dimension } from './types.ts';

export const DIMENSION_LABEL: Record<Dimension, string> = {
  age_band: 'Age band',
  sex: 'Sex',
  ethnicity: 'Ethnicity',
  placement_type: 'Placement type',
  looked_after: 'Looked after or missing from home',
  primary_need: 'Primary need',
  exploitation_risk: 'Exploitation risk',
  team: 'Team',
  ehe_reason: 'Reason for home education',
  referral_source: 'Source of referral',
  early_help_level: 'Level of early help',
};

/** 903 / SEN2 / CIN ETHNIC codes (docs/dfe-reference.md 1.2). */
export const ETHNICITY_LABEL: Record<string, string> = {
  WBRI: 'White British', WIRI: 'White Irish', WOTH: 'Any other White background',
  WIRT: 'Traveller of Irish heritage', WROM: 'Gypsy/Roma', MWBC: 'White and Black Caribbean',
  MWBA: 'White and Black African', MWAS: 'White and Asian', MOTH: 'Any other Mixed background',
  AIND: 'Indian', APKN: 'Pakistani', ABAN: 'Bangladeshi', AOTH: 'Any other Asian background',
  BCRB: 'Caribbean', BAFR: 'African', BOTH: 'Any other Black background', CHNE: 'Chinese',
  OOTH: 'Any other ethnic group', REFU: 'Refused', NOBT: 'Information not yet obtained',
};

/** SEN2 SENtype primary need codes. */
export const PRIMARY_NEED_LABEL: Record<string, string> = {
  SPLD: 'Specific learning difficulty', MLD: 'Moderate learning difficulty', SLD: 'Severe learning difficulty',
  PMLD: 'Profound and multiple learning difficulty', SEMH: 'Social, emotional and mental health',
  SLCN: 'Speech, language and communication needs', HI: 'Hearing impairment', VI: 'Vision impairment',
  MSI: 'Multi-sensory impairment', PD: 'Physical disability', ASD: 'Autistic spectrum disorder',
  OTH: 'Other difficulty or disability', NSA: 'SEN support but no specialist assessment of type of need',
};

const LABELS: Partial<Record<Dimension, Record<string, string>>> = {
  ethnicity: ETHNICITY_LABEL,
  primary_need: PRIMARY_NEED_LABEL,
  exploitation_risk: EXPLOITATION_RISKS,
  ehe_reason: EHE_REASONS,
  referral_source: REFERRAL_SOURCE_LABEL,
  early_help_level: EARLY_HELP_LEVEL,
};

export function groupLabel(dimension: Dimension, key: string | null): string {
  if (key === null || key === '') return 'Not recorded';
  return LABELS[dimension]?.[key] ?? key;
}

/**
 * Where an age band's label sorts: by the first age it covers ("Under 1" and "Under 5" first,
 * "26 and over" after "22-25"), so bands read youngest to oldest rather than as text (1-4,
 * 10-15, 16-17, 5-9). Groups that are not an age ("Unborn or not recorded", "Mixed ages") last.
 */
export function ageBandRank(label: string): number {
  if (/^Under \d/.test(label)) return -1;
  const from = /^(\d+)(?:-\d+| and over)$/.exec(label);
  return from ? Number(from[1]) : Number.MAX_SAFE_INTEGER;
}

/** Breakdown groups in reading order: age bands youngest first, other dimensions as the row source sorts them; "Not recorded" last. */
export function sortGroups<T extends { key: string | null; label: string }>(dimension: Dimension, rows: readonly T[]): T[] {
  const last = (r: T) => (r.label === 'Not recorded' ? 1 : 0);
  const rank = (r: T) => (dimension === 'age_band' ? ageBandRank(r.label) : 0);
  // Array.prototype.sort is stable: ties keep the row source's order.
  return [...rows].sort((a, b) => last(a) - last(b) || rank(a) - rank(b));
}

/** Themes recorded from return home interviews (docs/formats.md). */
export const THEME_LABEL: Record<string, string> = {
  PUSH_HOME: 'Push factors at home', PUSH_PLACEMENT: 'Push factors in the placement', PEERS: 'Peers and friends',
  RELATIONSHIP: 'A relationship', SUBSTANCES: 'Drugs or alcohol', EXPLOITATION: 'Exploitation', BULLYING: 'Bullying',
  MENTAL_HEALTH: 'Mental health', FAMILY_CONTACT: 'Wanting contact with family', OTHER: 'Other',
};
