// Every indicator csinsight computes. Each area file holds its definitions; the engine and the
// pages read this list, so adding an indicator means adding one object to one area file.
import { CARE_LEAVER_INDICATORS } from './careLeavers.ts';
import { EHCP_INDICATORS } from './ehcp.ts';
import { LOOKED_AFTER_INDICATORS } from './lookedAfter.ts';
import { MISSING_INDICATORS } from './missing.ts';
import type { IndicatorDefinition } from './types.ts';

export type * from './types.ts';
export { DIMENSION_LABEL, groupLabel } from './dimensions.ts';

export const INDICATORS: readonly IndicatorDefinition[] = [
  ...EHCP_INDICATORS,
  ...CARE_LEAVER_INDICATORS,
  ...MISSING_INDICATORS,
  ...LOOKED_AFTER_INDICATORS,
];

const BY_ID = new Map(INDICATORS.map((d) => [d.id, d]));
if (BY_ID.size !== INDICATORS.length) throw new Error('Two indicators share an id');

export function indicatorById(id: string): IndicatorDefinition | undefined {
  return BY_ID.get(id);
}
