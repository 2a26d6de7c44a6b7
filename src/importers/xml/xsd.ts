// The part of XML Schema the DfE's return schemas use, read from the schema files themselves
// (schemas are data: each collection year's XSD sits in ./schemas): named and anonymous complex
// types holding one xs:sequence of elements with minOccurs and maxOccurs, and simple types
// restricting xs:string, xs:date, xs:dateTime, xs:gYear or xs:integer by enumeration, pattern,
// minLength, minInclusive, maxInclusive or fractionDigits. A schema using anything else is refused when it is read, so nothing
// is silently left unchecked.
import { parseXmlText, type XmlNode } from './tree.ts';

export type Builtin = 'string' | 'date' | 'dateTime' | 'gYear' | 'integer' | 'decimal';

export interface SimpleType {
  kind: 'simple';
  base: Builtin;
  /** Allowed values, with the schema's description of each. */
  enumeration: Map<string, string> | null;
  patterns: RegExp[];
  minLength: number | null;
  minInclusive: number | null;
  maxInclusive: number | null;
  /** Most digits after the decimal point. */
  fractionDigits: number | null;
}

export interface ComplexType {
  kind: 'complex';
  sequence: Particle[];
}

export interface Particle {
  name: string;
  min: number;
  max: number;
  type: SimpleType | ComplexType;
}

export interface CompiledSchema {
  root: Particle;
}

const BUILTINS: Record<string, Builtin> = {
  'xs:string': 'string', 'xs:date': 'date', 'xs:dateTime': 'dateTime', 'xs:gYear': 'gYear', 'xs:integer': 'integer',
  'xs:decimal': 'decimal', 'xs:positiveInteger': 'integer', 'xs:nonNegativeInteger': 'integer',
};

class SchemaError extends Error {}

/** Compiles an XSD text; throws when it uses a construct this reader does not know. */
export function compileXsd(text: string): CompiledSchema {
  const doc = parseXmlText(text);
  const named = new Map<string, XmlNode>();
  for (const n of doc.children) if (n.name === 'xs:complexType' || n.name === 'xs:simpleType') named.set(n.attrs.name!, n);
  const done = new Map<string, SimpleType | ComplexType>();

  const typeNamed = (name: string): SimpleType | ComplexType => {
    const builtin = BUILTINS[name];
    if (builtin) return { kind: 'simple', base: builtin, enumeration: null, patterns: [], minLength: null, minInclusive: null, maxInclusive: null, fractionDigits: null };
    const found = done.get(name);
    if (found) return found;
    const node = named.get(name);
    if (!node) throw new SchemaError(`type ${name} is not defined`);
    const t = node.name === 'xs:complexType' ? complex(node, name) : simple(node);
    done.set(name, t);
    return t;
  };

  function complex(node: XmlNode, name?: string): ComplexType {
    const t: ComplexType = { kind: 'complex', sequence: [] };
    // Registered before its elements are read, so a type may contain itself.
    if (name) done.set(name, t);
    for (const c of node.children) {
      if (c.name === 'xs:annotation') continue;
      if (c.name !== 'xs:sequence') throw new SchemaError(`${c.name} inside a complex type is not supported`);
      for (const e of c.children) {
        if (e.name === 'xs:annotation') continue;
        if (e.name !== 'xs:element') throw new SchemaError(`${e.name} inside a sequence is not supported`);
        t.sequence.push(element(e));
      }
    }
    return t;
  }

  function simple(node: XmlNode): SimpleType {
    const r = node.children.find((c) => c.name === 'xs:restriction');
    if (!r) throw new SchemaError('a simple type without xs:restriction is not supported');
    const base = typeNamed(r.attrs.base!);
    if (base.kind !== 'simple') throw new SchemaError(`restriction of complex type ${r.attrs.base}`);
    const t: SimpleType = { ...base, enumeration: base.enumeration && new Map(base.enumeration), patterns: [...base.patterns] };
    for (const f of r.children) {
      const value = f.attrs.value!;
      if (f.name === 'xs:enumeration') {
        t.enumeration ??= new Map();
        t.enumeration.set(value, documentation(f));
      } else if (f.name === 'xs:pattern') t.patterns.push(new RegExp(`^(?:${value})$`, 'u'));
      else if (f.name === 'xs:minLength') t.minLength = Number(value);
      else if (f.name === 'xs:minInclusive') t.minInclusive = Number(value);
      else if (f.name === 'xs:maxInclusive') t.maxInclusive = Number(value);
      else if (f.name === 'xs:fractionDigits') t.fractionDigits = Number(value);
      else if (f.name !== 'xs:annotation') throw new SchemaError(`facet ${f.name} is not supported`);
    }
    return t;
  }

  function element(e: XmlNode): Particle {
    const inline = e.children.find((c) => c.name === 'xs:complexType' || c.name === 'xs:simpleType');
    const type = inline ? (inline.name === 'xs:complexType' ? complex(inline) : simple(inline)) : typeNamed(e.attrs.type ?? 'xs:string');
    const max = e.attrs.maxOccurs === 'unbounded' ? Infinity : Number(e.attrs.maxOccurs ?? 1);
    return { name: e.attrs.name!, min: Number(e.attrs.minOccurs ?? 1), max, type };
  }

  try {
    const roots = doc.children.filter((c) => c.name === 'xs:element');
    if (roots.length !== 1) throw new SchemaError('expected exactly one top-level element');
    return { root: element(roots[0]!) };
  } catch (err) {
    if (err instanceof SchemaError) throw new Error(`The schema cannot be read: ${err.message}.`);
    throw err;
  }
}

function documentation(node: XmlNode): string {
  const doc = node.children.find((c) => c.name === 'xs:annotation')?.children.find((c) => c.name === 'xs:documentation');
  return doc?.text ?? '';
}

/** A problem found against the schema, at an element path such as Message/Children/Child[3]/CINdetails[1]/ReferralSource. */
export interface SchemaIssue {
  line: number;
  path: string;
  /** The element the issue is about (for rule codes by element). */
  element: string;
  kind: 'missing' | 'unexpected' | 'too-many' | 'value' | 'text';
  message: string;
}

/**
 * Where a parent is in its sequence as children arrive: accepts the next child or says why it
 * cannot come there (not in the type at all, out of order, more than maxOccurs), and at the end
 * which required elements never came.
 */
export class SequenceCursor {
  private at = 0;
  private count = 0;

  constructor(private readonly type: ComplexType) {}

  /** The particle a child named `name` matches, or why it cannot come here. */
  next(name: string): { particle: Particle; missing: Particle[] } | { problem: 'unexpected' | 'too-many' | 'order'; missing: Particle[] } {
    const seq = this.type.sequence;
    const missing: Particle[] = [];
    for (let i = this.at; i < seq.length; i++) {
      const p = seq[i]!;
      const count = i === this.at ? this.count : 0;
      if (p.name === name) {
        if (count >= p.max) return { problem: 'too-many', missing: [] };
        this.at = i;
        this.count = count + 1;
        return { particle: p, missing };
      }
      if (count < p.min) missing.push(p);
    }
    const earlier = seq.slice(0, this.at).some((p) => p.name === name);
    return { problem: earlier ? 'order' : 'unexpected', missing: [] };
  }

  /** Required elements not yet seen, as the parent closes. */
  remaining(): Particle[] {
    const seq = this.type.sequence;
    return seq.filter((p, i) => i >= this.at && (i === this.at ? this.count : 0) < p.min);
  }

  /** Names this parent may hold, in order (for messages). */
  names(): string {
    return this.type.sequence.map((p) => p.name).join(', ');
  }
}

/** Validates one element tree against its particle, adding issues; `path` is the element's own. */
export function validateTree(node: XmlNode, particle: Particle, path: string, issues: SchemaIssue[]): void {
  const type = particle.type;
  if (type.kind === 'simple') {
    if (node.children.length) {
      issues.push({ line: node.children[0]!.line, path: `${path}/${node.children[0]!.name}`, element: node.children[0]!.name, kind: 'unexpected', message: `${node.name} holds a value, not elements; ${node.children[0]!.name} cannot be inside it.` });
      return;
    }
    const problem = valueProblem(node.text, type);
    if (problem) issues.push({ line: node.line, path, element: node.name, kind: 'value', message: `${node.name}: ${problem}` });
    return;
  }
  if (node.text !== '') issues.push({ line: node.line, path, element: node.name, kind: 'text', message: `${node.name} holds elements, not text ("${clip(node.text)}").` });
  const cursor = new SequenceCursor(type);
  const seen = new Map<string, number>();
  for (const child of node.children) {
    const n = (seen.get(child.name) ?? 0) + 1;
    seen.set(child.name, n);
    const next = cursor.next(child.name);
    const childPath = `${path}/${child.name}`;
    if ('problem' in next) {
      issues.push({ line: child.line, path: childPath, element: child.name, kind: next.problem === 'too-many' ? 'too-many' : 'unexpected', message: placementMessage(child.name, node.name, next.problem, cursor) });
      continue;
    }
    for (const m of next.missing) issues.push(missingIssue(m, node, path, child.line));
    validateTree(child, next.particle, next.particle.max > 1 ? `${childPath}[${n}]` : childPath, issues);
  }
  for (const m of cursor.remaining()) issues.push(missingIssue(m, node, path, node.line));
}

export function placementMessage(name: string, parent: string, problem: 'unexpected' | 'too-many' | 'order', cursor: SequenceCursor): string {
  if (problem === 'too-many') return `${name} appears more times in ${parent} than the schema allows.`;
  if (problem === 'order') return `${name} is out of order in ${parent} (the order is ${cursor.names()}).`;
  return `${name} is not an element of ${parent} in this year's schema (it may hold ${cursor.names()}).`;
}

export function missingIssue(p: Particle, parent: XmlNode | { name: string }, path: string, line: number): SchemaIssue {
  return { line, path: `${path}/${p.name}`, element: p.name, kind: 'missing', message: `${parent.name} has no ${p.name}, which is required.` };
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;

function isRealDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Why a value does not fit its simple type, or null. */
export function valueProblem(value: string, t: SimpleType): string | null {
  const shown = `"${clip(value)}"`;
  if (t.base === 'date' && !isRealDate(value)) return `${shown} is not a date (the schema's form is YYYY-MM-DD).`;
  if (t.base === 'dateTime' && !(DATE_TIME.test(value) && isRealDate(value.slice(0, 10)))) return `${shown} is not a date and time (YYYY-MM-DDThh:mm:ss).`;
  if (t.base === 'gYear' && !/^\d{4}$/.test(value)) return `${shown} is not a year (YYYY).`;
  if (t.base === 'integer' && !/^[+-]?\d+$/.test(value)) return `${shown} is not a whole number.`;
  if (t.base === 'decimal' && !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) return `${shown} is not a number.`;
  if (t.enumeration && !t.enumeration.has(value)) {
    return value === '' ? 'is blank, but it must be one of the codes.' : `${shown} is not a valid code (expected one of ${[...t.enumeration.keys()].join(', ')}).`;
  }
  if (t.minLength !== null && value.length < t.minLength) return value === '' ? 'is blank.' : `${shown} is shorter than ${t.minLength} characters.`;
  if (t.minInclusive !== null && Number(value) < t.minInclusive) return `${shown} is less than ${t.minInclusive}.`;
  if (t.maxInclusive !== null && Number(value) > t.maxInclusive) return `${shown} is more than ${t.maxInclusive}.`;
  if (t.fractionDigits !== null && (value.split('.')[1] ?? '').length > t.fractionDigits) return `${shown} has more than ${t.fractionDigits} decimal places.`;
  if (t.patterns.length && !t.patterns.some((p) => p.test(value))) return `${shown} is not in the form the schema requires.`;
  return null;
}
