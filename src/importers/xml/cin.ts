// The CIN census as the XML a council sends the DfE: Message -> Header -> Children/Child. Each
// Child (validated against its year's schema in ./schemas/cin) becomes rows of the same staged
// tables as the CSV layouts (referrals, assessments, CIN plans, section 47 enquiries, child
// protection plans and reviews), after the census rules about the whole child (core/rules/cinCensus.ts).
import { readFileSync } from 'node:fs';
import { censusYear } from '../../core/childProtection.ts';
import { CensusReturnTally, checkCensusChild, type CensusChild, type CensusEpisode, type CensusFinding, type Loc } from '../../core/rules/cinCensus.ts';
import type { XmlNode } from './tree.ts';
import { compileXsd, type CompiledSchema, type Particle, type SchemaIssue } from './xsd.ts';
import type { XmlFinding, XmlReturn, XmlRow } from './return.ts';

/** Census Years (ending 31 March) whose schema csinsight holds: 2022 = 2021-22 (2027's is csinsight's transcription, schemas/SOURCES.md). */
export const CIN_YEARS = [2022, 2023, 2024, 2025, 2026, 2027] as const;
const LATEST = 2027;
/**
 * The year in progress after the latest schema (2027 = 2026-27) is read with the latest: councils
 * check their data all year, and the DfE publishes a year's schema late in it.
 */
const YEARS = [...CIN_YEARS, LATEST + 1];

const schemas = new Map<number, CompiledSchema>();
function cinSchema(year: number): CompiledSchema {
  let s = schemas.get(year);
  if (!s) {
    s = compileXsd(readFileSync(new URL(`./schemas/cin/CIN_schema_${year}.xsd`, import.meta.url), 'utf8'));
    allowBooleanWords(s);
    schemas.set(year, s);
  }
  return s;
}

/**
 * The census yes/no items (ReferralNFA, ICPCnotRequired) are XML booleans: true and false as well as
 * 1 and 0, as the DfE's validator reads them (rule 8568 lets "true" and "false" through). The kept
 * schemas list 0 and 1 only, so the yes/no types (the enumerations of exactly 0 and 1) are widened.
 */
function allowBooleanWords(schema: CompiledSchema): void {
  const seen = new Set<object>();
  const walk = (p: Particle) => {
    if (seen.has(p.type)) return;
    seen.add(p.type);
    if (p.type.kind === 'complex') p.type.sequence.forEach(walk);
    else if (p.type.enumeration?.size === 2 && p.type.enumeration.has('0') && p.type.enumeration.has('1')) {
      p.type.enumeration.set('true', 'True').set('false', 'False');
    }
  };
  walk(schema.root);
}

/** A census yes/no: 1 or true. */
const yes = (v: string | null) => v === '1' || v === 'true';

/** The DfE rule a schema problem breaks, by element; problems without one are 'schema'. */
export const ELEMENT_RULE: Readonly<Record<string, string>> = {
  LAchildID: '8500', Sex: '4180', GenderCurrent: '4180', Ethnicity: '4220', Disability: '8540', CINdetails: '8590',
  CINreferralDate: '8600', ReferralSource: '8866', PrimaryNeedCode: '8650', ReasonForClosure: '8640', ReferralNFA: '8568',
  CINPlanStartDate: '4010', S47ActualStartDate: '8615', CPPstartDate: '8720', InitialCategoryOfAbuse: '8905',
  LatestCategoryOfAbuse: '8910', NumberOfPreviousCPP: '8730', ReferenceDate: '100',
};

/** Sex (2024-25 on) as the stored GenderCurrent code: M 1, F 2, U 0 (not known). */
const SEX_AS_GENDER: Record<string, string> = { M: '1', F: '2', U: '0' };

const first = (n: XmlNode, name: string) => n.children.find((c) => c.name === name);
const value = (n: XmlNode, name: string) => first(n, name)?.text ?? null;
const all = (n: XmlNode, name: string) => n.children.filter((c) => c.name === name);
/** Children named `name` with their paths (indexed, as the schema lets them repeat). */
const items = (n: XmlNode, path: string, name: string) => all(n, name).map((node, i) => ({ node, loc: { line: node.line, path: `${path}/${name}[${i + 1}]` } }));

function episodeOf(node: XmlNode, loc: Loc): CensusEpisode {
  return {
    loc,
    referralDate: value(node, 'CINreferralDate')!,
    source: value(node, 'ReferralSource')!,
    closureDate: value(node, 'CINclosureDate'),
    closureReason: value(node, 'ReasonForClosure'),
    primaryNeed: value(node, 'PrimaryNeedCode'),
    icpc: value(node, 'DateOfInitialCPC'),
    nfa: yes(value(node, 'ReferralNFA')),
    assessments: items(node, loc.path, 'Assessments').map(({ node: a, loc }) => ({
      loc, start: value(a, 'AssessmentActualStartDate')!, review: value(a, 'AssessmentInternalReviewDate'), authorised: value(a, 'AssessmentAuthorisationDate'),
      factors: all(first(a, 'FactorsIdentifiedAtAssessment') ?? a, 'AssessmentFactors').map((f) => f.text),
    })),
    plans: items(node, loc.path, 'CINPlanDates').map(({ node: p, loc }) => ({ loc, start: value(p, 'CINPlanStartDate')!, end: value(p, 'CINPlanEndDate') })),
    s47: items(node, loc.path, 'Section47').map(({ node: s, loc }) => ({
      loc, start: value(s, 'S47ActualStartDate')!, target: value(s, 'InitialCPCtarget'), icpc: value(s, 'DateOfInitialCPC'), notRequired: yes(value(s, 'ICPCnotRequired')),
    })),
    cpps: items(node, loc.path, 'ChildProtectionPlans').map(({ node: p, loc }) => ({
      loc, start: value(p, 'CPPstartDate')!, end: value(p, 'CPPendDate'), initial: value(p, 'InitialCategoryOfAbuse')!, latest: value(p, 'LatestCategoryOfAbuse')!,
      previous: Number(value(p, 'NumberOfPreviousCPP')),
      reviews: all(first(p, 'Reviews') ?? p, 'CPPreviewDate').map((r, i) => ({ loc: { line: r.line, path: `${loc.path}/Reviews/CPPreviewDate[${i + 1}]` }, date: r.text })),
    })),
    preProceedings: items(node, loc.path, 'PreProceedingsandFGDM').map(({ node: p, loc }) => {
      const flag = (name: string) => (value(p, name) === null ? null : yes(value(p, name)));
      const count = value(p, 'ReviewMeetingsCount');
      return {
        loc, start: value(p, 'PPStartDate')!, letterSent: value(p, 'LBPSentDate'), fgdmOffered: flag('FGDMMeetingOffer'), fgdmFacilitated: flag('FGDMMeetingFac'),
        initialMeeting: value(p, 'InitialPPMeetingDate'), reviewMeetings: count === null ? null : Number(count), stepDecision: value(p, 'StepDecisionDate'),
        outcome: value(p, 'PPOutcome'), courtApplication: value(p, 'CourtAppDate'), letterInitiatingProceedings: value(p, 'LetterInitCPDate'),
      };
    }),
  };
}

/** A schema-valid Child as the census rules see it. */
export function censusChild(node: XmlNode, path: string): CensusChild {
  const ids = first(node, 'ChildIdentifiers')!;
  const chars = first(node, 'ChildCharacteristics')!;
  const idPath = `${path}/ChildIdentifiers`;
  return {
    loc: { line: ids.line, path: idPath },
    id: value(ids, 'LAchildID')!,
    birthDate: value(ids, 'PersonBirthDate'),
    expectedBirthDate: value(ids, 'ExpectedPersonBirthDate'),
    deathDate: value(ids, 'PersonDeathDate'),
    sex: value(ids, 'Sex') ?? value(ids, 'GenderCurrent')!,
    upn: value(ids, 'UPN'),
    formerUpn: value(ids, 'FormerUPN'),
    upnUnknown: value(ids, 'UPNunknown'),
    disabilities: all(first(chars, 'Disabilities') ?? chars, 'Disability').map((d, i) => ({ loc: { line: d.line, path: `${path}/ChildCharacteristics/Disabilities/Disability[${i + 1}]` }, code: d.text })),
    episodes: items(node, path, 'CINdetails').map(({ node: e, loc }) => episodeOf(e, loc)),
  };
}

const d = (v: string | null) => v ?? '';

/** The staged rows of a child, each keyed by the CSV layout's lower-cased column names. */
export function cinRows(child: CensusChild, ethnicity: string): XmlRow[] {
  const rows: XmlRow[] = [];
  const gender = SEX_AS_GENDER[child.sex] ?? child.sex;
  for (const e of child.episodes) {
    const ref = { lachildid: child.id, cinreferraldate: e.referralDate };
    rows.push({
      table: 'cin_referral', loc: e.loc,
      record: {
        ...ref, personbirthdate: d(child.birthDate), gendercurrent: gender, ethnicity, referralsource: e.source, localreferralsource: '',
        primaryneedcode: d(e.primaryNeed), referralnfa: e.nfa ? '1' : '0', cinclosuredate: d(e.closureDate), reasonforclosure: d(e.closureReason),
      },
    });
    for (const a of e.assessments) {
      rows.push({ table: 'cin_assessment', loc: a.loc, record: { ...ref, assessmentactualstartdate: a.start, assessmentinternalreviewdate: d(a.review), assessmentauthorisationdate: d(a.authorised), assessmentfactors: a.factors.join(';') } });
    }
    for (const p of e.plans) rows.push({ table: 'cin_plan', loc: p.loc, record: { ...ref, cinplanstartdate: p.start, cinplanenddate: d(p.end) } });
    for (const s of e.s47) {
      rows.push({ table: 'cin_section47', loc: s.loc, record: { ...ref, s47actualstartdate: s.start, initialcpctarget: d(s.target), dateofinitialcpc: d(s.icpc), icpcnotrequired: s.notRequired ? '1' : '0' } });
    }
    for (const p of e.cpps) {
      rows.push({
        table: 'cin_cp_plan', loc: p.loc,
        record: { ...ref, cppstartdate: p.start, cppenddate: d(p.end), initialcategoryofabuse: p.initial, latestcategoryofabuse: p.latest, numberofpreviouscpp: String(p.previous) },
      });
      for (const r of p.reviews) rows.push({ table: 'cin_cp_review', loc: r.loc, record: { ...ref, cppstartdate: p.start, cppreviewdate: r.date } });
    }
    const flag = (v: boolean | null) => (v === null ? '' : v ? '1' : '0');
    for (const p of e.preProceedings) {
      rows.push({
        table: 'cin_pre_proceedings', loc: p.loc,
        record: {
          ...ref, ppstartdate: p.start, lbpsentdate: d(p.letterSent), fgdmmeetingoffer: flag(p.fgdmOffered), fgdmmeetingfac: flag(p.fgdmFacilitated),
          initialppmeetingdate: d(p.initialMeeting), reviewmeetingscount: p.reviewMeetings === null ? '' : String(p.reviewMeetings),
          stepdecisiondate: d(p.stepDecision), ppoutcome: d(p.outcome), courtappdate: d(p.courtApplication), letterinitcpdate: d(p.letterInitiatingProceedings),
        },
      });
    }
  }
  return rows;
}

export const CIN_CENSUS: XmlReturn = {
  collection: 'CIN',
  label: 'CIN census (XML)',
  recordName: 'Child',
  years: YEARS,
  schema: (year) => cinSchema(Math.min(year, LATEST)),
  ruleFor: (issue: SchemaIssue) => ELEMENT_RULE[issue.element] ?? 'schema',
  headerFindings(header, year) {
    const details = first(header, 'CollectionDetails');
    const ref = details && value(details, 'ReferenceDate');
    const expected = censusYear(year).end;
    return ref === expected ? [] : [{
      line: (details && first(details, 'ReferenceDate')?.line) ?? header.line, path: 'Message/Header/CollectionDetails/ReferenceDate', rule: '100',
      message: `Reference Date is incorrect: the census of Year ${year} has ReferenceDate ${expected}, but the file gives ${ref ?? 'none'}.`,
    }];
  },
  duplicate: (key, line) => ({ rule: '8510', message: `More than one child record with the same LA Child ID (${key} is also on line ${line}).` }),
  read(node, path, year) {
    return readChild(node, path, year, null);
  },
  fileReader(year) {
    const tally = new CensusReturnTally(year);
    return {
      read: (node, path) => readChild(node, path, year, tally),
      refused: (node) => {
        const ids = first(node, 'ChildIdentifiers');
        const chars = first(node, 'ChildCharacteristics');
        const disabilities = chars ? all(first(chars, 'Disabilities') ?? chars, 'Disability').map((d) => d.text) : [];
        tally.count(ids ? value(ids, 'Sex') ?? value(ids, 'GenderCurrent') : null, ids ? value(ids, 'ExpectedPersonBirthDate') : null, disabilities);
      },
      end: (at) => tally.end(at).map(asFinding),
    };
  },
};

const asFinding = (f: CensusFinding): XmlFinding => ({ line: f.line, path: f.path, rule: f.code, message: f.message, ...(f.severity === 'query' ? { query: true } : {}) });

/** A schema-valid Child's rows and the census rules it breaks (with those across the return so far, given a tally). */
function readChild(node: XmlNode, path: string, year: number, tally: CensusReturnTally | null) {
  const child = censusChild(node, path);
  const findings = [...checkCensusChild(child, censusYear(year)), ...(tally?.add(child) ?? [])].map(asFinding);
  return { key: child.id, keyLoc: child.loc, rows: cinRows(child, value(first(node, 'ChildCharacteristics')!, 'Ethnicity')!), findings };
}
