// The synthetic EHCP requests as the SEN2 XML a council sends the DfE (sen2_xml/sen2_YYYY.xml):
// the return in preparation, Year the coming January census, holding every request as it stands
// on asOf, with what SEN2 says about each plan once issued: the setting (PlanDetail, and
// PlacementDetail while in force), primary need (SENneed rank 1), the last annual review, and
// when and why a plan ceased. The case system's CSV carries the same requests (same UPN as
// PersonID, same day received), so the XML adds plan details to the stored rows and changes no figure.
import { fromEpochDay, toEpochDay } from '../core/dates.ts';
import type { TextWriter } from './csv.ts';
import { YEAR_DAYS } from './days.ts';
import type { Request } from './ehcp.ts';
import { weights, type Random } from './random.ts';

export const SEN2_XML_DIR = 'sen2_xml';
const SEN2_LA = '999';

const SETTING = weights({ MSM: 30, MSA: 22, SSA: 14, SSM: 10, MRP: 6, ISS: 5, NMS: 1, IMS: 1, APR: 2, FEC: 4, SFC: 1, SPI: 1, EYS: 2, EHE: 0.5, EOTAS: 0.5 });
const CEASE = weights({ '2': 30, '5': 20, '4': 12, '3': 10, '1': 8, '6': 8, '7': 4, '9': 8 });

export interface PlanDetails {
  setting: string;
  lastReview: number | null;
  cease: { date: number; reason: string } | null;
}

/** What SEN2 says of a plan issued on `start`: reviews yearly (a fifth miss the latest), some cease. */
export function planDetails(r: Random, start: number, asOf: number): PlanDetails {
  const setting = r.weighted(SETTING);
  const cease = asOf - start > YEAR_DAYS && r.chance(0.08) ? { date: start + r.int(Math.round(YEAR_DAYS), asOf - start), reason: r.weighted(CEASE) } : null;
  const until = cease?.date ?? asOf;
  let review: number | null = null;
  for (let k = 1; start + Math.round(k * YEAR_DAYS) - 14 <= until; k++) review = start + Math.round(k * YEAR_DAYS) - r.int(0, 28);
  if (review !== null && review > until) review = until;
  if (review !== null && r.chance(0.2)) review = review - Math.round(YEAR_DAYS) >= start ? review - Math.round(YEAR_DAYS) : null;
  return { setting, lastReview: review, cease };
}

/** The January census a return prepared on asOf is for: this January's until its end, then next. */
export function sen2Year(asOf: number): number {
  const d = fromEpochDay(asOf);
  return Number(d.slice(0, 4)) + (d.slice(5, 7) === '01' ? 0 : 1);
}

/** The SEN2 census day: the third Thursday of January. */
export function sen2ReferenceDate(year: number): string {
  const first = toEpochDay(`${year}-01-01`);
  const weekday = (first + 4) % 7; // 1970-01-01 was a Thursday: 0 = Thursday
  return fromEpochDay(first + ((7 - weekday) % 7) + 14);
}

export function sen2Header(year: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Message><Header><CollectionDetails><Collection>SEN2</Collection><Year>${year}</Year>` +
    `<ReferenceDate>${sen2ReferenceDate(year)}</ReferenceDate></CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>${SEN2_LA}</LEA>` +
    `<SoftwareCode>csinsight generator</SoftwareCode><Release>1</Release><SerialNo>001</SerialNo><DateTime>${fromEpochDay(toEpochDay(sen2ReferenceDate(year)) - 7)}T09:00:00</DateTime></Source></Header>\n<Persons>\n`;
}
export const SEN2_FOOTER = '</Persons></Message>\n';

const iso = (d: number | null) => (d === null ? null : fromEpochDay(d));
const el = (name: string, v: string | null) => (v === null ? '' : `<${name}>${v}</${name}>`);

/** Writes one Person with its request (the generator's children have one request each). */
export function writeSen2Person(out: TextWriter, q: Request, plan: PlanDetails | null): void {
  let x = `<Person><PersonBirthDate>${iso(q.dob)}</PersonBirthDate><Sex>${q.sex}</Sex><UPN>${q.personId}</UPN>` +
    `<Requests><ReceivedDate>${iso(q.received)}</ReceivedDate>${el('RequestOutcomeDate', iso(q.requestOutcomeDate))}<RequestOutcome>${q.requestOutcome}</RequestOutcome>`;
  if (q.assessmentOutcome !== null) {
    x += `<Assessment><AssessmentOutcome>${q.assessmentOutcome}</AssessmentOutcome>${el('AssessmentOutcomeDate', iso(q.assessmentOutcomeDate))}<Week20>${q.week20 ? 1 : 0}</Week20>`;
    if (q.startDate !== null && plan) {
      x += `<NamedPlan><StartDate>${iso(q.startDate)}</StartDate><PlanDetail><SENSetting>${plan.setting}</SENSetting><PlacementRank>1</PlacementRank></PlanDetail>` +
        (plan.cease ? `<CeaseDate>${iso(plan.cease.date)}</CeaseDate><CeaseReason>${plan.cease.reason}</CeaseReason>` : '') + '</NamedPlan>';
    }
    x += '</Assessment>';
  }
  // The need is kept for every request, as the case system keeps it (SENneed sits in ActivePlans).
  x += `<ActivePlans>${q.startDate !== null && plan && !plan.cease ? `<PlacementDetail><SENSetting>${plan.setting}</SENSetting><PlacementRank>1</PlacementRank></PlacementDetail>` : ''}` +
    `<SENneed><SENtype>${q.senType}</SENtype><SENtypeRank>1</SENtypeRank></SENneed>${el('LastReview', iso(plan?.lastReview ?? null))}</ActivePlans>`;
  out.text(`${x}</Requests></Person>\n`);
  out.rows += 1;
}
