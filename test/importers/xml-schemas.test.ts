// The DfE's CIN census schemas, kept as data: what each year changed, read from the files
// themselves, and a schema using XML Schema this reader does not know is refused, not half-read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CIN_YEARS } from '../../src/importers/xml/cin.ts';
import { compileXsd, type Particle } from '../../src/importers/xml/xsd.ts';

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
  assert.deepEqual(CIN_YEARS, [2022, 2023, 2024, 2025, 2026]);
});

test('a schema with a construct the reader does not know is refused', () => {
  const xsd = (inner: string) => `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="M"><xs:complexType>${inner}</xs:complexType></xs:element></xs:schema>`;
  assert.throws(() => compileXsd(xsd('<xs:choice><xs:element name="A"/></xs:choice>')), /xs:choice inside a complex type is not supported/);
  assert.throws(() => compileXsd(xsd('<xs:sequence><xs:element name="A" type="nope"/></xs:sequence>')), /type nope is not defined/);
  const ok = compileXsd(xsd('<xs:sequence><xs:element name="A" type="xs:date" maxOccurs="unbounded"/></xs:sequence>'));
  assert.deepEqual(ok.root.type.kind === 'complex' && ok.root.type.sequence.map((p) => [p.name, p.min, p.max]), [['A', 1, Infinity]]);
});
