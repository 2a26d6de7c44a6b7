// Unique Pupil Numbers with a valid DfE check letter (docs/dfe-reference.md 1.9), built from a
// sequence number so no two synthetic children share one (903 rule 444).

const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'; // 23 letters: no I, O or S

/** The check letter for the 12 digits that follow it. */
export function upnCheckLetter(digits: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (i + 2);
  return CHECK_LETTERS[sum % 23] as string;
}

/** A permanent UPN: LA code, a synthetic establishment, the year allocated and a serial. */
export function makeUpn(laCode: number, serial: number, yearAllocated: number): string {
  const establishment = String(1000 + (Math.floor(serial / 1000) % 9000)).padStart(4, '0');
  const digits = `${String(laCode).padStart(3, '0')}${establishment}${String(yearAllocated % 100).padStart(2, '0')}${String(serial % 1000).padStart(3, '0')}`;
  return upnCheckLetter(digits) + digits;
}
