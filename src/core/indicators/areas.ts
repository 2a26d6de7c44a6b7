// The strategy's areas of indicators, in the order the committee takes them: SEND first, then a
// child's way through the front door into help and care, then the workforce and children's voice.
import type { IndicatorArea } from './types.ts';

export const AREA_ORDER: readonly IndicatorArea[] = [
  'ehcp',
  'home_education',
  'front_door',
  'child_protection',
  'early_help',
  'missing',
  'looked_after',
  'care_leavers',
  'workforce',
  'voice',
];

export const AREA_LABEL: Record<IndicatorArea, string> = {
  ehcp: 'Education, health and care plans',
  care_leavers: 'Care leavers',
  missing: 'Children missing from home or care',
  looked_after: 'Children looked after',
  front_door: 'Front door: contacts and referrals',
  child_protection: 'Child protection',
  early_help: 'Early help',
  workforce: 'Social care workforce',
  home_education: 'Elective home education',
  voice: 'Voice of the child',
};

/** How an area reads inside a sentence: "… on early help, care leavers and the voice of the child". */
export const AREA_PHRASE: Record<IndicatorArea, string> = {
  ehcp: 'Education, Health and Care plans',
  care_leavers: 'care leavers',
  missing: 'children missing from home or care',
  looked_after: 'children looked after',
  front_door: 'contacts and referrals at the front door',
  child_protection: 'child protection',
  early_help: 'early help',
  workforce: 'the social care workforce',
  home_education: 'elective home education',
  voice: 'the voice of the child',
};

/** Items grouped by area in committee order (areas with none left out), list order kept within each. */
export function groupInAreaOrder<T>(items: readonly T[], areaOf: (item: T) => IndicatorArea): { area: IndicatorArea; items: T[] }[] {
  return AREA_ORDER.map((area) => ({ area, items: items.filter((item) => areaOf(item) === area) })).filter((g) => g.items.length > 0);
}
