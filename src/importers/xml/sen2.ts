// SEN2 as the child-level XML a council sends the DfE each January: Message -> Header -> Persons/
// Person -> Requests -> Assessment -> NamedPlan/PlanDetail, and Requests -> ActivePlans ->
// PlacementDetail, SENneed. Each Person (validated against csinsight's SEN2 schema in
// ./schemas/sen2) becomes one row per request of the sen2_request table (src/importers/tables/sen2.ts),
// which joins the case system's EHCP requests by child and day received. Names, postcode and
// ethnicity are read past and never stored.
import { readFileSync } from 'node:fs';
import type { XmlNode } from './tree.ts';
import { compileXsd, type CompiledSchema } from './xsd.ts';
import type { XmlFinding, XmlReturn, XmlRow } from './return.ts';

/** Collection years (the Header's Year, the January census) read with csinsight's SEN2 schema. */
export const SEN2_YEARS = [2024, 2025, 2026, 2027] as const;
const SCHEMA_FILE = 'SEN2_schema_2025.xsd';

let schema: CompiledSchema | null = null;
function sen2Schema(): CompiledSchema {
  schema ??= compileXsd(readFileSync(new URL(`./schemas/sen2/${SCHEMA_FILE}`, import.meta.url), 'utf8'));
  return schema;
}

const first = (n: XmlNode | undefined, name: string) => n?.children.find((c) => c.name === name);
const value = (n: XmlNode | undefined, name: string) => first(n, name)?.text ?? '';
const all = (n: XmlNode | undefined, name: string) => n?.children.filter((c) => c.name === name) ?? [];
/** The child element of rank 1 (PlacementRank or SENtypeRank), or the first when none says 1. */
const rankOne = (items: XmlNode[], rank: string) => items.find((i) => value(i, rank) === '1') ?? items[0];

/** The staged rows of a Person: one per Requests, keyed by the table's lower-cased column names. */
export function sen2Rows(person: XmlNode, path: string, personId: string): XmlRow[] {
  return all(person, 'Requests').map((req, i) => {
    const assessment = first(req, 'Assessment');
    const plan = first(assessment, 'NamedPlan');
    const active = first(req, 'ActivePlans');
    // Where the child is now (ActivePlans) before where the plan first named (NamedPlan).
    const setting = rankOne(all(active, 'PlacementDetail'), 'PlacementRank') ?? rankOne(all(plan, 'PlanDetail'), 'PlacementRank');
    const at = `${path}/Requests[${i + 1}]`;
    const [inAssessment, inPlan, inActive] = [`${at}/Assessment`, `${at}/Assessment/NamedPlan`, `${at}/ActivePlans`];
    return {
      table: 'sen2_request',
      loc: { line: req.line, path: at },
      fieldPaths: {
        PersonBirthDate: `${path}/PersonBirthDate`, Sex: `${path}/Sex`, AssessmentOutcome: `${inAssessment}/AssessmentOutcome`,
        AssessmentOutcomeDate: `${inAssessment}/AssessmentOutcomeDate`, Week20: `${inAssessment}/Week20`, StartDate: `${inPlan}/StartDate`,
        CeaseDate: `${inPlan}/CeaseDate`, CeaseReason: `${inPlan}/CeaseReason`, LastReview: `${inActive}/LastReview`,
      },
      record: {
        personid: personId, personbirthdate: value(person, 'PersonBirthDate'), sex: value(person, 'Sex'),
        receiveddate: value(req, 'ReceivedDate'), requestoutcomedate: value(req, 'RequestOutcomeDate'), requestoutcome: value(req, 'RequestOutcome'),
        assessmentoutcomedate: value(assessment, 'AssessmentOutcomeDate'), assessmentoutcome: value(assessment, 'AssessmentOutcome'),
        week20: value(assessment, 'Week20'), startdate: value(plan, 'StartDate'),
        sentype: value(rankOne(all(active, 'SENneed'), 'SENtypeRank'), 'SENtype'), sensetting: value(setting, 'SENSetting'),
        ceasedate: value(plan, 'CeaseDate'), ceasereason: value(plan, 'CeaseReason'), lastreview: value(active, 'LastReview'),
      },
    };
  });
}

export const SEN2_RETURN: XmlReturn = {
  collection: 'SEN2',
  label: 'SEN2 (XML)',
  recordName: 'Person',
  years: SEN2_YEARS,
  schema: () => sen2Schema(),
  ruleFor: () => 'schema',
  headerFindings(header, year) {
    const details = first(header, 'CollectionDetails');
    const ref = value(details, 'ReferenceDate');
    return ref.startsWith(`${year}-`) ? [] : [{
      line: first(details, 'ReferenceDate')?.line ?? header.line, path: 'Message/Header/CollectionDetails/ReferenceDate', rule: 'header',
      message: `The SEN2 of Year ${year} is taken in January ${year}, but the ReferenceDate is ${ref || 'missing'}.`,
    }];
  },
  duplicate: (key, line) => ({ rule: 'duplicate', message: `More than one Person with the same identifier (${key} is also on line ${line}).` }),
  read(node, path) {
    const id = value(node, 'UPN') || value(node, 'UniqueLearnerNumber');
    const keyLoc = { line: node.line, path: `${path}/UPN` };
    const findings: XmlFinding[] = id ? [] : [{ ...keyLoc, rule: 'person-id', message: 'The Person has neither a UPN nor a UniqueLearnerNumber: csinsight knows a child’s requests by one of them.' }];
    return { key: id || `line ${node.line}`, keyLoc, rows: id ? sen2Rows(node, path, id) : [], findings };
  },
};
