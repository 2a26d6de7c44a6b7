// Ofsted's Annex A SEND lists (the area SEND inspection's child-level lists): List 1, children and
// young people with an EHC plan; List 2, those on SEN support. Declared as the ILACS lists are
// (lists.ts), headings matched by pattern. Columns as data-to-insight/annex-a-sen-validator-be
// names them (sen_validator/config.py, MIT): no request date is among them, so these lists give
// plans in force, their needs, settings and reviews, not the 20-week clock.
import { col, type AnnexAList } from './lists.ts';

const id = col('child_id', 'Unique ID', 'text', [/^unique (id|identifier)$|\b(child|person|young person|pupil)\b.*\b(id|identifier|ref)\b/], true);
const PERSON = [
  id,
  col('upn', 'UPN', 'text', [/^upn$|\bunique pupil number\b/]),
  col('uln', 'ULN', 'text', [/^uln$|\bunique learner number\b/]),
  col('birth_date', 'Date of birth', 'date', [/\bdate\b.*\bbirth\b|^dob$/]),
  col('gender', 'Gender', 'text', [/^(gender|sex)\b/]),
  col('ethnicity', 'Ethnicity', 'text', [/^ethnic/]),
];
const need = col('sen_need', 'SEN primary need', 'text', [/\bsend? (primary )?need\b|^primary (sen )?need$/], true);
const SCHOOL = [
  col('urn', 'Main education establishment – URN', 'text', [/\burn\b/]),
  col('phase', 'Main education establishment – phase', 'text', [/^main\b.*\bphase\b|^phase$/]),
  col('subsidiary_phase', 'Subsidiary education establishment – phase (dual registration)', 'text', [/\bsubsidiary\b|\bdual registration\b/]),
];
const AFTER = [
  col('suspensions', 'Suspensions', 'number', [/\bsuspensions?\b/]),
  col('exclusions', 'Permanent exclusions', 'number', [/\bpermanent exclusions?\b/]),
  // Absence is a count of sessions in some systems and a percentage in others: kept as written.
  col('absence', 'Absence', 'text', [/\babsence\b/]),
  col('pupil_premium', 'Pupil Premium', 'text', [/\bpupil premium\b/]),
  col('known_to_csc', "Known to children's social care?", 'text', [/\bknown to\b.*\bsocial care\b/]),
  col('csc_team', "Which children's social care team?", 'text', [/\bwhich\b.*\bteam\b|\bsocial care team\b/]),
  col('disability', 'Does the child or young person have a disability?', 'text', [/\bdisab/]),
];

export const ANNEX_A_SEND_LISTS: readonly AnnexAList[] = [
  {
    list: 1, id: 'aa_send_plans', label: 'Annex A SEND List 1: EHC plans', sheet: /\behc ?plans?\b|\behcp\b/, signature: 'plan_issued',
    columns: [
      ...PERSON,
      col('plan_issued', 'Date initial EHC plan issued', 'date', [/^(?!.*\bupdated\b).*(\binitial\b.*\bissued\b|\bplan issued\b)/], true),
      col('plan_updated', 'Date updated EHC plan issued', 'date', [/\bupdated\b.*\bissued\b/]),
      col('last_review', 'Date EHC plan last reviewed', 'date', [/\blast reviewed\b|\b(last|latest) (annual )?review\b/]),
      need, ...SCHOOL,
      col('ehe', 'Elective home education', 'text', [/\belective home education\b|^ehe$/]),
      ...AFTER,
    ],
  },
  {
    list: 2, id: 'aa_send_support', label: 'Annex A SEND List 2: SEN support', sheet: /\bsen support\b/, signature: 'sen_need',
    columns: [...PERSON, need, ...SCHOOL, ...AFTER],
  },
];

/** True when a sheet's name says it holds a SEND list ("SEND List 1", "SEN support"). */
export function isSendSheetName(name: string): boolean {
  return /\bsend?\b|\behc/i.test(name.replace(/[^A-Za-z0-9]+/g, ' '));
}
