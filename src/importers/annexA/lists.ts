// Ofsted's ILACS Annex A lists 1-11 as data: one declarative object per list, each column with
// the header patterns that recognise it (councils' case systems word the headings differently,
// so headings are matched by pattern, not by name). Lists, columns and the header patterns follow
// SocialFinanceDigitalLabs/liia-tools-pipeline, liiatools/annex_a_pipeline/spec/Annex_A_schema.yml
// (MIT), trimmed of the code lists: a category is kept as the text the case system wrote.

/** How one cell is read: child id or text, a date, a whole number, or yes/no. */
export type AnnexAType = 'text' | 'date' | 'number' | 'yesno';

export interface AnnexAColumn {
  /** Key in the stored row (jsonb) and in code. */
  key: string;
  /** The heading as Ofsted's template writes it (shown in messages and written by the generator). */
  name: string;
  type: AnnexAType;
  required?: boolean;
  /**
   * Patterns tried on the heading once normalised (lower case, punctuation as spaces, single
   * spaces). The first column whose pattern matches and is not yet taken gets the heading.
   */
  patterns: readonly RegExp[];
}

export interface AnnexAList {
  list: number;
  /** Staging table s_<id>. */
  id: string;
  label: string;
  /** Recognises the list's sheet name ("List 3", "L3 Referrals", "Referrals"). */
  sheet: RegExp;
  /** A column only this list has: a CSV whose heading matches it is this list. */
  signature: string;
  columns: readonly AnnexAColumn[];
}

export const col = (key: string, name: string, type: AnnexAType, patterns: RegExp[], required = false): AnnexAColumn => ({ key, name, type, patterns, required });

const childId = col('child_id', 'Child Unique ID', 'text', [/\bchild\b.*\b(id|identifier|ref|reference)\b|\b(id|identifier)\b.*\bchild\b/, /^(person|client|case) (id|ref|reference|number)$/], true);
const gender = col('gender', 'Gender', 'text', [/^(gender|sex)\b/]);
const ethnicity = col('ethnicity', 'Ethnicity', 'text', [/^ethnic/]);
const birth = col('birth_date', 'Date of Birth', 'date', [/\bdate\b.*\bbirth\b|^dob$|^birth date$/]);
const age = col('age', 'Age of Child (Years)', 'number', [/^age\b/]);
const disability = col('disability', 'Does the Child have a Disability', 'text', [/\bdisab/]);
const team = col('team', 'Allocated Team', 'text', [/\bteam\b/]);
const worker = col('worker', 'Allocated Worker', 'text', [/\b(allocated )?(social )?worker\b/]);
const PERSON = [childId, gender, ethnicity, birth, age];

export const ANNEX_A_LISTS: readonly AnnexAList[] = [
  {
    list: 1, id: 'aa_contacts', label: 'Annex A List 1: Contacts', sheet: /\b(list|l) ?1\b(?!\d)|contacts?/, signature: 'contact_date',
    columns: [
      ...PERSON,
      col('contact_date', 'Date of Contact', 'date', [/\bdate\b.*\bcontact\b|^contact date$/], true),
      col('contact_source', 'Contact Source', 'text', [/\bcontact\b.*\bsource\b|^source\b/]),
    ],
  },
  {
    list: 2, id: 'aa_early_help', label: 'Annex A List 2: Early help', sheet: /\b(list|l) ?2\b|early help/, signature: 'eh_start',
    columns: [
      ...PERSON,
      col('eh_start', 'Assessment start date', 'date', [/\b(assessment|early help|eh)\b.*\bstart/], true),
      col('eh_end', 'Assessment completion date', 'date', [/\b(assessment|early help|eh)\b.*\b(completion|completed|end)/]),
      col('organisation', 'Organisation completing assessment', 'text', [/\borganisation\b/]),
    ],
  },
  {
    list: 3, id: 'aa_referrals', label: 'Annex A List 3: Referrals', sheet: /\b(list|l) ?3\b|referrals?/, signature: 'referral_date',
    columns: [
      ...PERSON,
      col('referral_date', 'Date of referral', 'date', [/\bdate\b.*\breferral\b|^referral date$/], true),
      col('referral_source', 'Referral Source', 'text', [/\breferral\b.*\bsource\b/]),
      col('nfa', 'Referral NFA?', 'yesno', [/\bnfa\b|no further action/]),
      col('referrals_12m', 'Number of Referrals in Last 12 Months', 'number', [/\b(number|no)\b.*\breferrals?\b/]),
      team, worker,
    ],
  },
  {
    list: 4, id: 'aa_assessments', label: 'Annex A List 4: Assessments', sheet: /\b(list|l) ?4\b|assessments?/, signature: 'assessment_start',
    columns: [
      ...PERSON, disability,
      col('assessment_start', 'Continuous Assessment Start Date', 'date', [/\bassessment\b.*\bstart/], true),
      col('seen', 'Child Seen During Continuous Assessment', 'yesno', [/\bseen\b/]),
      col('assessment_authorised', 'Continuous Assessment Date of Authorisation', 'date', [/\bauthori[sz]ation\b|\bassessment\b.*\b(end|completion|completed)/]),
      col('needs_support', "Was the child assessed as requiring LA children's social care support?", 'yesno', [/\bassessed\b.*\brequiring\b|\bsocial care support\b/]),
      team, worker,
    ],
  },
  {
    list: 5, id: 'aa_s47', label: 'Annex A List 5: Section 47 enquiries and ICPCs', sheet: /\b(list|l) ?5\b|s47|section 47/, signature: 'strategy_date',
    columns: [
      ...PERSON, disability,
      col('strategy_date', 'Strategy discussion initiating Section 47 Enquiry Start Date', 'date', [/\bstrategy\b|\b(s47|section 47)\b.*\bstart/], true),
      col('icpc_unnecessary', 'Was an Initial Child Protection Conference deemed unnecessary?', 'yesno', [/\bunnecessary\b/]),
      col('icpc_date', 'Date of Initial Child Protection Conference', 'date', [/\bdate\b.*\b(initial child protection conference|icpc)\b/]),
      col('icpc_plan', 'Did the Initial Child Protection Conference Result in a Child Protection Plan', 'yesno', [/\bresult\b.*\bplan\b/]),
      col('s47_12m', 'Number of Section 47 Enquiries in the last 12 months', 'number', [/\b(number|no)\b.*\b(section 47|s47)\b/]),
      col('icpc_12m', 'Number of ICPCs in the last 12 months', 'number', [/\b(number|no)\b.*\bicpcs?\b/]),
      team, worker,
    ],
  },
  {
    list: 6, id: 'aa_cin', label: 'Annex A List 6: Children in need', sheet: /\b(list|l) ?6\b|children in need|\bcin\b/, signature: 'case_status',
    columns: [
      ...PERSON, disability,
      col('cin_start', 'CIN Start Date', 'date', [/\bcin\b.*\bstart|\bin need\b.*\bstart/]),
      col('primary_need', 'Primary Need Code', 'text', [/\bprimary need\b|\bneed code\b/]),
      col('last_seen', 'Date Child Was Last Seen', 'date', [/\blast seen\b/]),
      col('cin_closure', 'CIN Closure Date', 'date', [/\bclosure date\b|\bcin\b.*\b(end|closed)/]),
      col('closure_reason', 'Reason for Closure', 'text', [/\breason\b.*\bclosure\b/]),
      col('case_status', 'Case Status', 'text', [/^case status$/], true),
      team, worker,
    ],
  },
  {
    list: 7, id: 'aa_cp', label: 'Annex A List 7: Child protection', sheet: /\b(list|l) ?7\b|child protection|\bcpp?\b/, signature: 'cp_start',
    columns: [
      ...PERSON, disability,
      col('cp_start', 'Child Protection Plan Start Date', 'date', [/\b(child protection|cp) plan\b.*\bstart/], true),
      col('initial_category', 'Initial Category of Abuse', 'text', [/\binitial category\b/]),
      col('latest_category', 'Latest Category of Abuse', 'text', [/\blatest category\b/]),
      col('last_visit', 'Date of the Last Statutory Visit', 'date', [/\blast statutory visit\b/]),
      col('seen_alone', 'Was the Child Seen Alone?', 'yesno', [/\bseen alone\b/]),
      col('last_review', 'Date of latest review conference', 'date', [/\breview conference\b/]),
      col('cp_end', 'Child Protection Plan End Date', 'date', [/\b(child protection|cp) plan\b.*\bend/]),
      col('epo', 'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)', 'yesno', [/\bemergency protection order\b/]),
      col('previous_plans', 'Number of Previous Child Protection Plans', 'number', [/\bprevious\b.*\bplans?\b/]),
      team, worker,
    ],
  },
  {
    list: 8, id: 'aa_cla', label: 'Annex A List 8: Children looked after', sheet: /\b(list|l) ?8\b|looked after|\bcla\b|\blac\b/, signature: 'cla_start',
    columns: [
      ...PERSON,
      col('uasc', 'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)', 'yesno', [/\bunaccompanied\b|\buasc\b/]),
      disability,
      col('cla_start', 'Date Started to be Looked After', 'date', [/\bstarted to be looked after\b|\b(cla|lac|care) start/], true),
      col('category_of_need', "Child's Category of Need", 'text', [/\bcategory of need\b/]),
      col('subsequent', 'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)', 'yesno', [/\bsecond or subsequent\b/]),
      col('legal_status_start', 'Start date of current legal status', 'date', [/\bstart\b.*\blegal status\b/]),
      col('legal_status', "Child's Legal Status", 'text', [/\blegal status$/]),
      col('last_review', 'Date of Latest Statutory Review', 'date', [/\bstatutory review\b/]),
      col('last_visit', 'Date of Last Social Work Visit', 'date', [/\bsocial work visit\b/]),
      col('permanence_plan', 'What is the permanence plan for this child?', 'text', [/\bpermanence plan\b/]),
      col('last_iro', 'Date of Last IRO Visit / Contact to the Child', 'date', [/\biro\b/]),
      col('last_health', 'Date of Last Health Assessment', 'date', [/\bhealth assessment\b/]),
      col('last_dental', 'Date of Last Dental Check', 'date', [/\bdental\b/]),
      col('placements_12m', 'Number of Placements in the Last 12 months', 'number', [/\b(number|no)\b.*\bplacements\b/]),
      col('cla_end', 'Date Ceased to be Looked After', 'date', [/\bdate\b.*\bceased\b/]),
      col('reason_ceased', 'Reason Ceased to be Looked After', 'text', [/\breason\b.*\bceased\b/]),
      col('placement_start', 'Start Date of Most Recent Placement', 'date', [/\bstart\b.*\bplacement\b/]),
      col('placement_type', 'Placement Type', 'text', [/^placement type$/]),
      col('placement_provider', 'Placement Provider', 'text', [/^placement provider$/]),
      col('placement_postcode', 'Placement postcode', 'text', [/\bpostcode\b/]),
      col('placement_urn', 'URN of Placement', 'text', [/\burn\b/]),
      col('placement_location', 'Placement Location', 'text', [/^placement location$/]),
      col('placement_la', 'LA of Placement', 'text', [/^la of placement$|\bplacement\b.*\b(la|authority)$/]),
      col('missing_12m', "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months", 'number', [/\bmissing\b.*\bplacement\b/]),
      col('absent_12m', "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months", 'number', [/\babsent\b/]),
      col('ri_offered', 'Was the child offered a Return Interview after their last missing episode (Y/N)?', 'yesno', [/\boffered\b.*\breturn interview\b/]),
      col('ri_accepted', 'Did the child accept a Return Interview after their last missing episode (Y/N)?', 'yesno', [/\baccept\b.*\breturn interview\b/]),
      team, worker,
    ],
  },
  {
    list: 9, id: 'aa_leavers', label: 'Annex A List 9: Care leavers', sheet: /\b(list|l) ?9\b|care leavers?|leaving care/, signature: 'eligibility',
    columns: [
      ...PERSON,
      col('uasc', 'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)', 'yesno', [/\bunaccompanied\b|\buasc\b/]),
      disability, team, worker,
      col('personal_adviser', 'Allocated Personal Advisor', 'text', [/\bpersonal advi[sc]or\b|\bpa\b/]),
      col('eligibility', 'Eligibility Category', 'text', [/\beligibility\b/], true),
      col('pathway_review', 'Latest Pathway Plan Review Date', 'date', [/\bpathway plan\b/]),
      col('in_touch', 'LA in Touch', 'text', [/\bin touch\b/]),
      col('last_contact', 'Latest Date of Contact', 'date', [/\bdate of contact\b|\blast contact\b/]),
      col('accommodation', 'Type of Accommodation', 'text', [/\btype of accommodation\b/]),
      col('suitable', 'Suitability of Accommodation', 'text', [/\bsuitab/]),
      col('activity', 'Activity Status', 'text', [/\bactivity\b/]),
    ],
  },
  {
    list: 10, id: 'aa_adoption', label: 'Annex A List 10: Adoption', sheet: /\b(list|l) ?10\b|adoption/, signature: 'adoption_decision',
    columns: [
      childId,
      col('family_id', 'Family identifier', 'text', [/\bfamily\b.*\b(id|identifier)\b/]),
      gender, ethnicity, birth, age, disability,
      col('entered_care', 'Date the Child Entered Care', 'date', [/\bentered care\b/], true),
      col('adoption_decision', 'Date of Decision that Child Should be Placed for Adoption', 'date', [/\bshould be placed for adoption\b|\bshould placed\b|\bshould be placed\b/], true),
      col('placement_order', 'Date of Placement Order', 'date', [/\bplacement order\b/]),
      col('matched', 'Date of Matching Child and Prospective Adopters', 'date', [/\bmatching\b/]),
      col('placed', 'Date Placed for Adoption', 'date', [/^date placed for adoption$/]),
      col('adoption_order', 'Date of Adoption Order', 'date', [/\badoption order\b/]),
      col('no_longer_decision', 'Date of Decision that Child Should No Longer be Placed for Adoption', 'date', [/\bno longer\b.*\bdate\b|\bdate\b.*\bno longer\b/]),
      col('no_longer_reason', 'Reason Why Child No Longer Placed for Adoption', 'text', [/\breason\b.*\bno longer\b/]),
      col('ffa_date', 'Date the child was placed for fostering in FFA or concurrent planning placement', 'date', [/\bffa\b|\bconcurrent\b/]),
    ],
  },
  {
    list: 11, id: 'aa_adopters', label: 'Annex A List 11: Adopters', sheet: /\b(list|l) ?11\b|adopters?\b/, signature: 'adopter_id',
    columns: [
      col('adopter_id', 'Individual adopter identifier', 'text', [/\badopter\b.*\b(id|identifier)\b/], true),
      col('family_id', 'Family identifier', 'text', [/\bfamily\b.*\b(id|identifier)\b/]),
      gender, ethnicity,
      col('disability', 'Disability', 'text', [/\bdisab/]),
      col('ffa', 'Is the (prospective) adopter fostering for adoption?', 'yesno', [/\bfostering for adoption\b/]),
      col('enquiry', 'Date enquiry received', 'date', [/\benquiry\b/], true),
      col('stage1_start', 'Date Stage 1 started', 'date', [/\bstage 1 start/]),
      col('stage1_end', 'Date Stage 1 ended', 'date', [/\bstage 1 end/]),
      col('stage2_start', 'Date Stage 2 started', 'date', [/\bstage 2 start/]),
      col('stage2_end', 'Date Stage 2 ended', 'date', [/\bstage 2 end/]),
      col('applied', 'Date application submitted', 'date', [/\bapplication submitted\b/]),
      col('approved', 'Date application approved', 'date', [/\bapplication approved\b/]),
      col('matched', 'Date adopter matched with child(ren)', 'date', [/\bmatched\b/]),
      col('placed', 'Date child/children placed with adopter(s)', 'date', [/\bplaced with\b/]),
      col('children_placed', 'No. of children placed', 'number', [/\b(no|number)\b.*\bchildren placed\b/]),
      col('adoption_order', 'Date of Adoption Order', 'date', [/\badoption order\b/]),
      col('left', 'Date of leaving adoption process', 'date', [/\bdate\b.*\bleaving\b/]),
      col('left_reason', 'Reason for leaving adoption process', 'text', [/\breason\b.*\bleaving\b/]),
    ],
  },
];

/** A heading as the patterns see it: lower case, punctuation as spaces, single spaces. */
export function normaliseHeading(heading: string): string {
  return heading.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

export interface HeaderMatch {
  /** The column each heading (by position) is, or null when no column's pattern matches it. */
  columns: (AnnexAColumn | null)[];
  /** Headings that match no column (or only columns already taken), as written. */
  unknown: string[];
  /** Required columns no heading matched. */
  missing: AnnexAColumn[];
  /** Positions of blank headings (a merged or empty heading cell). */
  blank: number[];
}

/** Which column each heading is. Exact names are tried first, then the patterns in column order. */
export function matchHeader(list: AnnexAList, header: readonly string[]): HeaderMatch {
  const taken = new Set<AnnexAColumn>();
  const columns: (AnnexAColumn | null)[] = header.map(() => null);
  const norm = header.map(normaliseHeading);
  const blank = norm.flatMap((n, i) => (n === '' ? [i] : []));
  norm.forEach((n, i) => {
    const exact = list.columns.find((c) => !taken.has(c) && normaliseHeading(c.name) === n);
    if (exact) {
      columns[i] = exact;
      taken.add(exact);
    }
  });
  norm.forEach((n, i) => {
    if (columns[i] || n === '') return;
    const found = list.columns.find((c) => !taken.has(c) && c.patterns.some((p) => p.test(n)));
    if (found) {
      columns[i] = found;
      taken.add(found);
    }
  });
  const unknown = header.filter((h, i) => !columns[i] && norm[i] !== '');
  const missing = list.columns.filter((c) => c.required && !taken.has(c));
  return { columns, unknown, missing, blank };
}

/** The list a CSV's heading row is: it has the list's signature column (and its id column). */
export function listOfHeader(header: readonly string[], lists: readonly AnnexAList[] = ANNEX_A_LISTS): AnnexAList | null {
  return bestListOfHeader(header, lists)?.list ?? null;
}

/** The list of `lists` a heading row matches best, with how many of its headings it matched. */
export function bestListOfHeader(header: readonly string[], lists: readonly AnnexAList[]): { list: AnnexAList; matched: number } | null {
  let best: { list: AnnexAList; matched: number } | null = null;
  for (const list of lists) {
    const m = matchHeader(list, header);
    if (!m.columns.some((c) => c?.key === list.signature) || !m.columns.some((c) => c === list.columns[0])) continue;
    const matched = m.columns.filter(Boolean).length;
    if (!best || matched > best.matched) best = { list, matched };
  }
  return best;
}

/** The list a sheet name is ("List 3 - Referrals", "L8 CLA"), or null. */
export function listOfSheet(name: string, lists: readonly AnnexAList[] = ANNEX_A_LISTS): AnnexAList | null {
  const n = normaliseHeading(name);
  // A list number decides first ("List 1 Contacts" is list 1 even though it names contacts).
  const numbered = /\b(?:list|l) ?(\d{1,2})\b/.exec(n);
  if (numbered) return lists.find((l) => l.list === Number(numbered[1])) ?? null;
  return lists.find((l) => l.sheet.test(n)) ?? null;
}
