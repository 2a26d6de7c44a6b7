// The synthetic workforce census (CSWW) as the XML a council sends the DfE, one file per census
// (csww_xml/csww_YYYY.xml, as at 30 September of Year) within the window: the service's posts
// (the same as the monthly team figures'), about 82% filled by employed social workers who stay
// from year to year, about 15% of them leaving in a year and replaced, agency workers covering
// most vacancies, with caseloads, sickness days and absence on census day.
import { fromEpochDay, toEpochDay } from '../core/dates.ts';
import type { AreaGenerator } from './area.ts';
import type { TextWriter } from './csv.ts';
import type { Random } from './random.ts';
import { servicePosts } from './workforce.ts';

export const CSWW_XML_DIR = 'csww_xml';
const CSWW_LA = '999';
/** Share of employed social workers leaving in a year (England: about 16%). */
const YEARLY_LEAVING = 0.15;

interface Worker {
  swe: string;
  fte: number;
  role: string;
  start: number;
}

const iso = fromEpochDay;
const fteText = (f: number) => f.toFixed(6);

function header(year: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Message><Header><CollectionDetails><Collection>CSWW</Collection><Year>${year}</Year>` +
    `<ReferenceDate>${year}-09-30</ReferenceDate></CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>${CSWW_LA}</LEA>` +
    `<SoftwareCode>csinsight generator</SoftwareCode><DateTime>${year}-10-15T09:00:00</DateTime></Source></Header>\n`;
}

function worker(out: TextWriter, agency: boolean, w: Worker, inner: string): void {
  out.text(`<CSWWWorker><AgencyWorker>${agency ? 1 : 0}</AgencyWorker><SWENo>${w.swe}</SWENo><FTE>${fteText(w.fte)}</FTE>` +
    `<QualInst>Synthetic University</QualInst><OrgRole>${w.role}</OrgRole>${agency ? '' : `<RoleStartDate>${iso(w.start)}</RoleStartDate>`}${inner}</CSWWWorker>\n`);
  out.rows += 1;
}

export const generateCsww: AreaGenerator = ({ scale, win, random: r, openText }) => {
  const posts = servicePosts(scale);
  let serial = 0;
  const hire = (start: number): Worker => ({
    swe: `SW${String(++serial).padStart(10, '0')}`, fte: r.chance(0.8) ? 1 : [0.5, 0.6, 0.8][r.int(0, 2)]!, role: r.chance(0.7) ? '5' : String(r.int(1, 4)), start,
  });
  const firstYear = Number(iso(win.start).slice(0, 4));
  let staff: Worker[] = Array.from({ length: Math.round(posts * 0.82) }, () => hire(win.start - r.int(30, 3650)));
  for (let year = firstYear; toEpochDay(`${year}-09-30`) <= win.asOf; year++) {
    const [from, to] = [toEpochDay(`${year - 1}-10-01`), toEpochDay(`${year}-09-30`)];
    if (to < win.start) continue;
    const out = openText(`${CSWW_XML_DIR}/csww_${year}.xml`);
    out.text(header(year));
    const leavers = staff.filter(() => r.chance(YEARLY_LEAVING));
    const stayed = staff.filter((w) => !leavers.includes(w));
    const joined = leavers.map(() => hire(r.int(from, to)));
    staff = [...stayed, ...joined];
    const inPost = staff.reduce((n, w) => n + w.fte, 0);
    const vacancies = Math.max(0, posts - inPost);
    const agencyFte = Math.round(vacancies * (0.85 + r.normal(0, 0.05)) * 100) / 100;
    const agency = Array.from({ length: Math.max(0, Math.round(agencyFte)) }, () => hire(to));
    out.text(`<LALevelVacancies><NumberOfVacancies>${vacancies.toFixed(2)}</NumberOfVacancies><NoAgencyFTE>${agencyFte.toFixed(2)}</NoAgencyFTE><NoAgencyHeadcount>${agency.length}</NoAgencyHeadcount></LALevelVacancies>\n`);
    for (const w of staff) {
      const absent = r.chance(0.05);
      worker(out, false, w, `${w.role === '5' ? `<Cases30>${r.int(10, 22)}</Cases30>` : ''}<WorkingDaysLost>${Math.max(0, r.normal(8, 6)).toFixed(2)}</WorkingDaysLost>` +
        `<Absat30Sept>${absent ? 1 : 0}</Absat30Sept>${absent ? '<ReasonAbsence>SIC</ReasonAbsence>' : ''}`);
    }
    for (const w of leavers) {
      const end = Math.max(w.start + 1, r.int(from, to));
      worker(out, false, w, `<RoleEndDate>${iso(end)}</RoleEndDate><ReasonLeave>${r.chance(0.7) ? 1 : r.int(2, 9)}</ReasonLeave><FTE30>${fteText(w.fte)}</FTE30>`);
    }
    for (const w of agency) worker(out, true, w, w.role === '5' ? `<Cases30>${r.int(12, 24)}</Cases30>` : '');
    out.text('</Message>\n');
  }
};

