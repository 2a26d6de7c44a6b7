// The Children's social work workforce census (CSWW) as the XML a council sends the DfE: Message
// -> Header, LALevelVacancies, CSWWWorker (one per social worker's record). Validated against the
// schema in ./schemas/csww (Social Finance's copy of the DfE's 2022 schema); each CSWWWorker
// becomes a row of csww_worker, LALevelVacancies the year's row of csww_vacancy. Date of birth,
// sex, ethnicity and qualifications are read past and never stored.
import { readFileSync } from 'node:fs';
import { cswwYear } from '../../core/csww.ts';
import type { XmlNode } from './tree.ts';
import { compileXsd, type CompiledSchema } from './xsd.ts';
import type { XmlReturn } from './return.ts';

/** Census years (30 September of Year) read with the one schema csinsight holds (2022's, unchanged since as far as csinsight knows). */
export const CSWW_YEARS = [2022, 2023, 2024, 2025, 2026] as const;

let schema: CompiledSchema | null = null;
function cswwSchema(): CompiledSchema {
  schema ??= compileXsd(readFileSync(new URL('./schemas/csww/social_work_workforce_2022.xsd', import.meta.url), 'utf8'));
  return schema;
}

const first = (n: XmlNode | undefined, name: string) => n?.children.find((c) => c.name === name);
const value = (n: XmlNode | undefined, name: string) => first(n, name)?.text ?? '';

export const CSWW_RETURN: XmlReturn = {
  collection: 'CSWW',
  label: 'Social work workforce census (XML)',
  recordName: 'CSWWWorker',
  alsoWhole: ['LALevelVacancies'],
  years: CSWW_YEARS,
  schema: () => cswwSchema(),
  ruleFor: () => 'schema',
  headerFindings(header, year) {
    const details = first(header, 'CollectionDetails');
    const ref = value(details, 'ReferenceDate');
    const expected = cswwYear(year).end;
    return ref === expected ? [] : [{
      line: first(details, 'ReferenceDate')?.line ?? header.line, path: 'Message/Header/CollectionDetails/ReferenceDate', rule: 'header',
      message: `The workforce census of Year ${year} is taken on ${expected}, but the ReferenceDate is ${ref || 'missing'}.`,
    }];
  },
  duplicate: (key, line) => ({ rule: 'duplicate', message: `More than one CSWWWorker with the same SWENo (${key} is also on line ${line}).` }),
  read(node, path, year) {
    const loc = { line: node.line, path };
    if (node.name === 'LALevelVacancies') {
      return {
        key: 'LALevelVacancies', keyLoc: loc, findings: [],
        rows: [{ table: 'csww_vacancy', loc, record: { year: String(year), numberofvacancies: value(node, 'NumberOfVacancies'), noagencyfte: value(node, 'NoAgencyFTE'), noagencyheadcount: value(node, 'NoAgencyHeadcount') } }],
      };
    }
    const v = (name: string) => value(node, name);
    return {
      key: v('SWENo').toUpperCase(), keyLoc: { line: first(node, 'SWENo')?.line ?? node.line, path: `${path}/SWENo` }, findings: [],
      rows: [{
        table: 'csww_worker', loc,
        record: {
          year: String(year), sweno: v('SWENo'), agencyworker: v('AgencyWorker'), fte: v('FTE'), orgrole: v('OrgRole'), rolestartdate: v('RoleStartDate'),
          roleenddate: v('RoleEndDate'), reasonleave: v('ReasonLeave'), fte30: v('FTE30'), cases30: v('Cases30'), workingdayslost: v('WorkingDaysLost'),
          // Repeatable in the schema; the first says whether the worker was absent on 30 September.
          absat30sept: v('Absat30Sept'),
        },
      }],
    };
  },
};
