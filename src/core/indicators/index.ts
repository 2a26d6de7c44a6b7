// Every indicator csinsight computes. Each area file holds its definitions; the engine and the
// pages read this list, so adding an indicator means adding one object to one area file.
import { CARE_LEAVER_INDICATORS } from './careLeavers.ts';
import { CHILD_PROTECTION_INDICATORS } from './childProtection.ts';
import { EARLY_HELP_INDICATORS } from './earlyHelp.ts';
import { EHCP_INDICATORS } from './ehcp.ts';
import { FRONT_DOOR_INDICATORS } from './frontDoor.ts';
import { HOME_EDUCATION_INDICATORS } from './homeEducation.ts';
import { VOICE_INDICATORS } from './voice.ts';
import { LOOKED_AFTER_INDICATORS } from './lookedAfter.ts';
import { MISSING_INDICATORS } from './missing.ts';
import { WORKFORCE_INDICATORS } from './workforce.ts';
import type { IndicatorDefinition } from './types.ts';

export type * from './types.ts';
export { DIMENSION_LABEL, groupLabel, sortGroups } from './dimensions.ts';
export { quantityHeadings, type QuantityHeadings } from './quantities.ts';

export const INDICATORS: readonly IndicatorDefinition[] = [
  ...EHCP_INDICATORS,
  ...CARE_LEAVER_INDICATORS,
  ...MISSING_INDICATORS,
  ...LOOKED_AFTER_INDICATORS,
  ...FRONT_DOOR_INDICATORS,
  ...CHILD_PROTECTION_INDICATORS,
  ...EARLY_HELP_INDICATORS,
  ...WORKFORCE_INDICATORS,
  ...HOME_EDUCATION_INDICATORS,
  ...VOICE_INDICATORS,
];

const BY_ID = new Map(INDICATORS.map((d) => [d.id, d]));
if (BY_ID.size !== INDICATORS.length) throw new Error('Two indicators share an id');

export function indicatorById(id: string): IndicatorDefinition | undefined {
  return BY_ID.get(id);
}
