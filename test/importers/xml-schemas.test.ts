// The DfE's XML return schemas, kept as data (CIN census, SEN2, workforce census): what each year changed, read from the files
// themselves, and a schema using XML Schema this reader does not know is refused, not half-read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CIN_YEARS } from '../../src/importers/xml/cin.ts';
import { CEASE_REASON, REQUEST_OUTCOME, SEN2_SEX, SEN_SETTING, SEN_TYPE } from '../../src/core/codes.ts';
import { compileXsd, valueProblem, type Particle } from '../../src/importers/xml/xsd.ts';

/** Every element of a year's schema, and every code of each element with a code list, as "Element=code". */
function contents(year: number): Set<string> {
  const schema = compileXsd(readFileSync(new URL(`../../src/importers/xml/schemas/cin/CIN_schema_${year}.xsd`, import.meta.url), 'utf8'));
  const out = new Set<string>();
  const seen = new Set<object>();
  const walk = (p: Particle) => {
    out.add(p.name);
    if (p.type.kind === 'simple') for (const code of p.type.enumeration?.keys() ?? []) out.add(`${p.name}=${code}`);
    else if (!seen.has(p.type)) {
      seen.add(p.type);
      p.type.sequence.forEach(walk);
    }
  };
  walk(schema.root);
  return out;
}

function changes(from: number, to: number): { added: string[]; removed: string[] } {
  const [a, b] = [contents(from), contents(to)];
  return { added: [...b].filter((x) => !a.has(x)).sort(), removed: [...a].filter((x) => !b.has(x)).sort() };
}

test('what each census year changed in the schema', () => {
  assert.deepEqual(changes(2022, 2023), { added: ['ReasonForClosure=RC9', 'ReferralSource=5D'], removed: [] });
  assert.deepEqual(changes(2023, 2024), { added: [], removed: [] });
  assert.deepEqual(changes(2024, 2025), {
    added: ['Sex', 'Sex=F', 'Sex=M', 'Sex=U'],
    removed: ['GenderCurrent', 'GenderCurrent=0', 'GenderCurrent=1', 'GenderCurrent=2', 'GenderCurrent=9'],
  });
  assert.deepEqual(changes(2025, 2026), { added: [], removed: [] });
  assert.deepEqual(changes(2026, 2027), {
    added: ['CourtAppDate', 'FGDMMeetingFac', 'FGDMMeetingFac=0', 'FGDMMeetingFac=1', 'FGDMMeetingOffer', 'FGDMMeetingOffer=0', 'FGDMMeetingOffer=1',
      'InitialPPMeetingDate', 'LBPSentDate', 'LetterInitCPDate', 'PPOutcome', 'PPStartDate', 'PreProceedingsandFGDM', 'ReviewMeetingsCount', 'StepDecisionDate'],
    removed: [],
  });
  assert.deepEqual(CIN_YEARS, [2022, 2023, 2024, 2025, 2026, 2027]);
});

test('a schema with a construct the reader does not know is refused', () => {
  const xsd = (inner: string) => `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="M"><xs:complexType>${inner}</xs:complexType></xs:element></xs:schema>`;
  assert.throws(() => compileXsd(xsd('<xs:choice><xs:element name="A"/></xs:choice>')), /xs:choice inside a complex type is not supported/);
  assert.throws(() => compileXsd(xsd('<xs:sequence><xs:element name="A" type="nope"/></xs:sequence>')), /type nope is not defined/);
  const ok = compileXsd(xsd('<xs:sequence><xs:element name="A" type="xs:date" maxOccurs="unbounded"/></xs:sequence>'));
  assert.deepEqual(ok.root.type.kind === 'complex' && ok.root.type.sequence.map((p) => [p.name, p.min, p.max]), [['A', 1, Infinity]]);
});

test('the SEN2 schema’s code lists are those the CSV layout checks (core/codes.ts)', () => {
  const schema = compileXsd(readFileSync(new URL('../../src/importers/xml/schemas/sen2/SEN2_schema_2025.xsd', import.meta.url), 'utf8'));
  const codes = new Map<string, string[]>();
  const seen = new Set<object>();
  const walk = (p: Particle) => {
    if (p.type.kind === 'simple') {
      if (p.type.enumeration) codes.set(p.name, [...p.type.enumeration.keys()]);
    } else if (!seen.has(p.type)) {
      seen.add(p.type);
      p.type.sequence.forEach(walk);
    }
  };
  walk(schema.root);
  assert.deepEqual(codes.get('SENSetting'), Object.keys(SEN_SETTING));
  assert.deepEqual(codes.get('CeaseReason'), Object.keys(CEASE_REASON));
  assert.deepEqual(codes.get('SENtype'), Object.keys(SEN_TYPE));
  assert.deepEqual(codes.get('RequestOutcome'), Object.keys(REQUEST_OUTCOME));
  assert.deepEqual(codes.get('Sex'), Object.keys(SEN2_SEX));
});

test('the workforce census schema reads decimal places and upper bounds', () => {
  const schema = compileXsd(readFileSync(new URL('../../src/importers/xml/schemas/csww/social_work_workforce_2022.xsd', import.meta.url), 'utf8'));
  const worker = schema.root.type.kind === 'complex' ? schema.root.type.sequence.find((p) => p.name === 'CSWWWorker')! : null;
  const fte = worker!.type.kind === 'complex' ? worker!.type.sequence.find((p) => p.name === 'FTE')!.type : null;
  assert.ok(fte?.kind === 'simple');
  assert.deepEqual([fte.fractionDigits, fte.minInclusive, fte.maxInclusive], [6, 0, 1]);
  assert.equal(valueProblem('1.5', fte), '"1.5" is more than 1.');
  assert.equal(valueProblem('0.1234567', fte), '"0.1234567" has more than 6 decimal places.');
  assert.equal(valueProblem('0.5', fte), null);
});
