// The parent or carer a family's EHCP letters go to, as a case system's export carries them:
// obviously made-up names ("Ms Alex Example") at made-up addresses in Northbridge, the fictional
// authority (NB is no real postcode area). Some requests have none, as in a real export.
import type { Cell } from './csv.ts';
import type { Random } from './random.ts';

/** Share of requests whose export row carries a parent or carer. */
const WITH_CONTACT = 0.9;
/** Share of those with a name but no address (the address not yet recorded). */
const NO_ADDRESS = 0.05;

const TITLES = ['Ms', 'Mr', 'Mrs', 'Mx', 'Dr'] as const;
const FIRST = ['Alex', 'Sam', 'Jo', 'Chris', 'Pat', 'Robin', 'Jamie', 'Morgan', 'Taylor', 'Casey', 'Jordan', 'Charlie'] as const;
const SURNAMES = ['Example', 'Sample', 'Specimen', 'Placeholder', 'Fictional', 'Madeup', 'Pretend', 'Testcase'] as const;
const STREETS = ['Example', 'Sample', 'Pretend', 'Fiction', 'Nowhere', 'Imaginary'] as const;
const STREET_TYPES = ['Street', 'Road', 'Close', 'Avenue', 'Lane', 'Way'] as const;
const TOWNS = ['Northbridge', 'East Northbridge', 'Upper Northbridge'] as const;
/** Letters the inward part of a UK postcode may use (no C, I, K, M, O or V). */
const INWARD = 'ABDEFGHJLNPQRSTUWXYZ';

/** ParentCarerName, ParentCarerAddress1, ParentCarerAddress2, ParentCarerTown, ParentCarerPostcode: five blanks when none. */
export function contactCells(r: Random): Cell[] {
  if (!r.chance(WITH_CONTACT)) return [null, null, null, null, null];
  const name = `${r.pick(TITLES)} ${r.pick(FIRST)} ${r.pick(SURNAMES)}`;
  if (r.chance(NO_ADDRESS)) return [name, null, null, null, null];
  const street = `${r.int(1, 180)} ${r.pick(STREETS)} ${r.pick(STREET_TYPES)}`;
  const flat = r.chance(0.2) ? `Flat ${r.int(1, 24)}` : null;
  const postcode = `NB${r.int(1, 9)} ${r.int(1, 9)}${r.pick([...INWARD])}${r.pick([...INWARD])}`;
  return [name, flat ?? street, flat ? street : null, r.pick(TOWNS), postcode];
}
