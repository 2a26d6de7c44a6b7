// Statistical disclosure control for published figures: a count of 1 to 5 children could identify
// a child, so public (councillor) views show it as "<6". Zero is not disclosive and is shown.

export const DEFAULT_SUPPRESSION_THRESHOLD = 6;

export function isSuppressed(count: number | null, threshold = DEFAULT_SUPPRESSION_THRESHOLD): boolean {
  return count !== null && count > 0 && count < threshold;
}

/** A count as it may be published: the number, or "<6" (or "<threshold") when it is small. */
export function publishCount(count: number | null, threshold = DEFAULT_SUPPRESSION_THRESHOLD): string {
  if (count === null) return '';
  return isSuppressed(count, threshold) ? `<${threshold}` : String(count);
}

/**
 * A rate built from small counts discloses them too (3 of 4 = 75%), so it is withheld when its
 * numerator or denominator is suppressed.
 */
export function rateIsDisclosive(
  numerator: number | null,
  denominator: number | null,
  threshold = DEFAULT_SUPPRESSION_THRESHOLD,
): boolean {
  return isSuppressed(numerator, threshold) || isSuppressed(denominator, threshold);
}
