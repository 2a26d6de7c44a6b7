// The synthetic CIN census as the XML a council sends the DfE, one file per census year
// (cin_census_xml/cin_census_YYYY.xml, Year = the year ending 31 March), with the same referrals
// and assessments as the CSV layouts plus CIN plans, section 47 enquiries, conferences and child
// protection plans. Each year holds the episodes open at any time in it, with the activity the
// census rules allow in it (nothing ended before the year, nothing after its end).
import { fromEpochDay } from '../core/dates.ts';
import type { TextWriter } from './csv.ts';

export interface GenEpisode {
  referral: number;
  source: string;
  need: string;
  nfa: boolean;
  closure: number | null;
  reason: string | null;
  assessment: { start: number; review: number | null; authorised: number | null; factors: string[] } | null;
  plan: { start: number; end: number | null } | null;
  s47: { start: number; target: number; icpc: number | null; notRequired: boolean } | null;
  cpp: { start: number; end: number | null; category: string; previous: number; reviews: number[] } | null;
}

export interface GenChild {
  id: string;
  dob: number;
  sex: 'M' | 'F';
  ethnicity: string;
  episodes: GenEpisode[];
}

const sexElement = (year: number, sex: 'M' | 'F' | 'U') => (year >= SEX_FROM_YEAR ? `<Sex>${sex}</Sex>` : `<GenderCurrent>${GENDER_CURRENT[sex]}</GenderCurrent>`);
const iso = (d: number) => fromEpochDay(d);
const el = (name: string, v: string | number | null | undefined) => (v === null || v === undefined ? '' : `<${name}>${v}</${name}>`);

export function censusHeader(year: number, la: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>${year}</Year>` +
    `<ReferenceDate>${year}-03-31</ReferenceDate></CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>${la}</LEA>` +
    `<SoftwareCode>csinsight generator</SoftwareCode><Release>1</Release><SerialNo>001</SerialNo><DateTime>${year}-04-15T09:00:00</DateTime></Source></Header>\n<Children>\n`;
}
export const CENSUS_FOOTER = '</Children></Message>\n';

/** Sex from the 2024-25 census (Year 2025); GenderCurrent (1 male, 2 female, 0 not known) before. */
const SEX_FROM_YEAR = 2025;
const GENDER_CURRENT = { M: '1', F: '2', U: '0' } as const;

/** Writes a child into the census of `year`, [start, end] (epoch days), if any episode was open in it. */
export function writeCensusChild(out: TextWriter, child: GenChild, year: number, start: number, end: number): void {
  const cut = (d: number | null) => (d !== null && d <= end ? d : null);
  const inYear = (d: number | null) => d === null || d >= start;
  const episodes = child.episodes.filter((e) => e.referral <= end && (e.closure === null || e.closure >= start));
  if (!episodes.length) return;
  const unborn = child.dob > end;
  let x = `<Child><ChildIdentifiers><LAchildID>${child.id}</LAchildID><UPNunknown>UN1</UPNunknown>` +
    (unborn ? el('ExpectedPersonBirthDate', iso(child.dob)) : el('PersonBirthDate', iso(child.dob))) +
    sexElement(year, unborn ? 'U' : child.sex) + `</ChildIdentifiers><ChildCharacteristics><Ethnicity>${child.ethnicity}</Ethnicity></ChildCharacteristics>`;
  for (const e of episodes) {
    const closure = cut(e.closure);
    x += `<CINdetails><CINreferralDate>${iso(e.referral)}</CINreferralDate><ReferralSource>${e.source}</ReferralSource><PrimaryNeedCode>${e.need}</PrimaryNeedCode>` +
      (closure !== null ? `<CINclosureDate>${iso(closure)}</CINclosureDate><ReasonForClosure>${e.reason}</ReasonForClosure>` : '');
    const a = e.assessment;
    if (a && a.start <= end && inYear(cut(a.authorised))) {
      const done = cut(a.authorised);
      x += `<Assessments><AssessmentActualStartDate>${iso(a.start)}</AssessmentActualStartDate>` +
        (cut(a.review) !== null ? el('AssessmentInternalReviewDate', iso(a.review!)) : '') +
        (done !== null ? `<AssessmentAuthorisationDate>${iso(done)}</AssessmentAuthorisationDate><FactorsIdentifiedAtAssessment>` +
          a.factors.map((f) => `<AssessmentFactors>${f}</AssessmentFactors>`).join('') + '</FactorsIdentifiedAtAssessment>' : '') + '</Assessments>';
    }
    if (e.plan && e.plan.start <= end && inYear(cut(e.plan.end))) {
      x += `<CINPlanDates><CINPlanStartDate>${iso(e.plan.start)}</CINPlanStartDate>${cut(e.plan.end) !== null ? el('CINPlanEndDate', iso(e.plan.end!)) : ''}</CINPlanDates>`;
    }
    const s = e.s47;
    if (s && s.start <= end && inYear(s.notRequired ? s.start : cut(s.icpc))) {
      x += `<Section47><S47ActualStartDate>${iso(s.start)}</S47ActualStartDate><InitialCPCtarget>${iso(s.target)}</InitialCPCtarget>` +
        (cut(s.icpc) !== null ? el('DateOfInitialCPC', iso(s.icpc!)) : '') + `<ICPCnotRequired>${s.notRequired ? 1 : 0}</ICPCnotRequired></Section47>`;
    }
    x += `<ReferralNFA>${e.nfa ? 1 : 0}</ReferralNFA>`;
    const p = e.cpp;
    if (p && p.start <= end && inYear(cut(p.end))) {
      const reviews = p.reviews.filter((r) => r <= end);
      x += `<ChildProtectionPlans><CPPstartDate>${iso(p.start)}</CPPstartDate>${cut(p.end) !== null ? el('CPPendDate', iso(p.end!)) : ''}` +
        `<InitialCategoryOfAbuse>${p.category}</InitialCategoryOfAbuse><LatestCategoryOfAbuse>${p.category}</LatestCategoryOfAbuse>` +
        `<NumberOfPreviousCPP>${p.previous}</NumberOfPreviousCPP>` +
        (reviews.length ? `<Reviews>${reviews.map((r) => `<CPPreviewDate>${iso(r)}</CPPreviewDate>`).join('')}</Reviews>` : '') + '</ChildProtectionPlans>';
    }
    x += '</CINdetails>';
  }
  out.text(`${x}</Child>\n`);
  out.rows += 1;
}
