// Weights behind the synthetic data: shaped on published national statistics (children looked
// after in England, SEN2, care leavers' activity) so that the dashboards tell a plausible story.
// They are not any council's real figures.
import { weights, type Random } from './random.ts';

export const ETHNICITY = weights({
  WBRI: 66, WIRI: 0.5, WOTH: 4, WIRT: 0.5, WROM: 1, MWBC: 4, MWBA: 1.5, MWAS: 1.5, MOTH: 3, AIND: 1,
  APKN: 2, ABAN: 1, AOTH: 2, BCRB: 2, BAFR: 4, BOTH: 2, CHNE: 0.3, OOTH: 3, REFU: 0.2, NOBT: 0.5,
});

/** Category of need: abuse or neglect dominates. */
export const NEED = weights({ N1: 65, N2: 3, N3: 3, N4: 8, N5: 13, N6: 2, N7: 0.2, N8: 6 });

export const FIRST_LEGAL_STATUS_YOUNG = weights({ C1: 55, V2: 30, L2: 8, L1: 7 });
export const FIRST_LEGAL_STATUS_TEEN = weights({ V2: 50, C1: 32, L1: 8, J1: 6, L2: 4 });

/** Placement types by age band; residential care (K1, K2, R1, S1) is mostly for teenagers. */
export const PLACEMENT_0_4 = weights({ U6: 45, U4: 20, U3: 15, U1: 5, U5: 5, P1: 5, R3: 5 });
export const PLACEMENT_5_12 = weights({ U4: 35, U6: 30, U1: 10, U3: 10, K2: 8, P1: 5, S1: 2 });
export const PLACEMENT_13_15 = weights({ U4: 25, U6: 25, U3: 8, K2: 26, R1: 3, S1: 3, K1: 2, P1: 5, R5: 3 });
export const PLACEMENT_16_17 = weights({ U4: 15, U6: 15, K2: 22, H5: 38, P2: 5, P1: 5 });

export const RESIDENTIAL = new Set(['K1', 'K2', 'R1', 'S1']);
export const ADOPTION_PLACEMENTS = weights({ A6: 70, A5: 20, A4: 7, A3: 3 });

export function providerFor(place: string, r: Random): string {
  if (place === 'P1') return 'PR0';
  if (place.startsWith('A')) return r.chance(0.7) ? 'PR1' : 'PR2';
  if (['U1', 'U2', 'U3', 'K1'].includes(place)) return 'PR1';
  if (place.startsWith('U')) return r.chance(0.6) ? 'PR1' : 'PR4';
  if (place === 'K2') return r.chance(0.8) ? 'PR4' : 'PR1';
  if (place === 'R1' || place === 'R5') return 'PR3';
  if (place === 'S1') return 'PR5';
  return r.chance(0.6) ? 'PR4' : 'PR5';
}

export const PLACEMENT_CHANGE_REASON = weights({
  CARPL: 40, CREQB: 15, CREQO: 10, CHILD: 8, LAREQ: 8, STAND: 4, ALLEG: 3, CLOSE: 4, APPRR: 1, PLACE: 3, OTHER: 4,
});

/** Why care ends, by the child's age when it ends. */
export const CEASE_YOUNG = weights({ E4A: 30, E4B: 5, E13: 10, E41: 7, E45: 15, E46: 3, E47: 5, E48: 1, E3: 3, E8: 5 });
export const CEASE_16_17 = weights({ E5: 30, E8: 20, E13: 25, E4A: 15, E6: 5, E9: 5 });
export const CEASE_AT_18 = weights({ E17: 25, E5: 40, E6: 5, E8: 15, E13: 10, E7: 5 });

export const IN_TOUCH = weights({ YES: 90, NO: 4, REFU: 3, NREQ: 2, RHOM: 1 });
export const ACCOM_SUITABLE = weights({ D: 25, U: 30, Z: 12, E: 8, B: 12, T: 5, K: 3, C: 3, Y: 2 });
export const ACCOM_UNSUITABLE = weights({ S: 25, V: 20, W: 15, X: 15, K: 10, R: 5, Y: 10 });
export const EET_UNDER_19 = weights({ F2: 50, P2: 10, F4: 10, F5: 15, P5: 15 });
export const EET_19_PLUS = weights({ F1: 15, P1: 3, F2: 20, P2: 7, F4: 12, P4: 3, F5: 28, P5: 12 });
export const NEET = weights({ G5: 70, G4: 18, G6: 12 });

/** Hour a child is reported missing: afternoons and evenings. */
export const MISSING_HOUR = weights({
  '0': 3, '1': 2, '2': 1, '3': 1, '4': 0.5, '5': 0.5, '6': 1, '7': 1.5, '8': 2, '9': 2, '10': 2, '11': 2,
  '12': 3, '13': 3, '14': 4, '15': 6, '16': 8, '17': 9, '18': 10, '19': 11, '20': 11, '21': 10, '22': 8, '23': 5,
});
export const EXPLOITATION = weights({ CCE: 50, CSE: 35, BOTH: 15 });
export const THEMES = ['PEERS', 'RELATIONSHIP', 'SUBSTANCES', 'BULLYING', 'MENTAL_HEALTH', 'FAMILY_CONTACT', 'OTHER'] as const;

export const SEN_TYPE = weights({
  ASD: 33, SLCN: 22, SEMH: 17, MLD: 8, SPLD: 5, SLD: 4, PD: 3, HI: 2, VI: 1, PMLD: 1, MSI: 0.3, OTH: 3,
});
export const SEN_SEX = weights({ M: 70, F: 29, U: 1 });
export const EXCEPTION_REASON = weights({
  PERSONAL_CIRCUMSTANCES: 40, MISSED_APPOINTMENT: 30, ABSENT_FROM_AREA: 20, SCHOOL_CLOSURE: 10,
});

// Postcodes: valid in shape only (outward area + district, inward digit + two letters).
const AREAS = ['M', 'SK', 'OL', 'BL', 'WN', 'WA', 'PR', 'BB'];
const INWARD = [...'ABDEFGHJLNPQRSTUWXYZ'];

export function postcode(r: Random): string {
  return `${r.pick(AREAS)}${r.int(1, 40)} ${r.int(1, 9)}${r.pick(INWARD)}${r.pick(INWARD)}`;
}
