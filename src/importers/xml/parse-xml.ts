// One XML return read into COPY text for the staging tables, as parse-file.ts does for a CSV: the
// Header says which return and collection year it is, the year's schema checks the envelope as it
// streams past and each record (a Child) whole, the return's rules check the record, and its rows
// go through the same table specs (fields, row rules) as CSV rows. Errors carry the line and the
// element path (Message/Children/Child[12]/CINdetails[2]/ReferralSource,
// Message/Persons/Person[3]/Requests[1]/ReceivedDate); one error refuses the run. A query rule's
// finding (CIN census codes ending Q) is listed apart, as a query, and does not.
import { copyLine } from '../../store/copy-line.ts';
import { CopyBuffer } from '../copy-buffer.ts';
import { ErrorList } from '../errors.ts';
import type { FileChunk, FileJob } from '../parse-file.ts';
import type { RowContext, TableSpec } from '../spec.ts';
import { validateRow } from '../stage.ts';
import { TABLES } from '../tables/index.ts';
import { CIN_CENSUS } from './cin.ts';
import { SEN2_RETURN } from './sen2.ts';
import { CSWW_RETURN } from './csww.ts';
import type { FileReader, XmlFinding, XmlReturn } from './return.ts';
import { readXmlEvents, XmlSyntaxError, type XmlNode } from './tree.ts';
import { missingIssue, placementMessage, SequenceCursor, validateTree, type ComplexType, type CompiledSchema, type Particle, type SchemaIssue } from './xsd.ts';

export const XML_RETURNS: readonly XmlReturn[] = [CIN_CENSUS, SEN2_RETURN, CSWW_RETURN];

/** Staged rows per table before a chunk is sent (as CHUNK_ROWS for CSV). */
const CHUNK_ROWS = 20000;

export function isXmlFile(name: string): boolean {
  return name.toLowerCase().endsWith('.xml');
}

const RECORDS = new Set(['Header', ...XML_RETURNS.flatMap((r) => [r.recordName, ...(r.alsoWhole ?? [])])]);

interface TableOut {
  spec: TableSpec;
  schema: ReturnType<TableSpec['schema']>;
  fieldNames: Map<string, string>;
  lines: CopyBuffer;
  staged: number;
}

/** Names of elements each year's schema of a return has, to say when an element belongs to another year. */
const elementYears = new Map<XmlReturn, Map<string, number[]>>();
function yearsWithElement(ret: XmlReturn, name: string): number[] {
  let byName = elementYears.get(ret);
  if (!byName) {
    byName = new Map();
    for (const y of ret.years) {
      const seen = new Set<object>();
      const walk = (p: Particle) => {
        if (!byName!.has(p.name)) byName!.set(p.name, []);
        if (!byName!.get(p.name)!.includes(y)) byName!.get(p.name)!.push(y);
        if (p.type.kind === 'complex' && !seen.has(p.type)) {
          seen.add(p.type);
          p.type.sequence.forEach(walk);
        }
      };
      walk(ret.schema(y).root);
    }
    elementYears.set(ret, byName);
  }
  return byName.get(name) ?? [];
}

export async function* parseXmlFile(job: FileJob): AsyncGenerator<FileChunk> {
  const { file, fileNo } = job;
  const errors = new ErrorList();
  const queries = new ErrorList();
  const ctx: RowContext = { fy: null, today: job.today };
  const outs = new Map<string, TableOut>();
  let bytes = 0;
  let records = 0;
  let listed = 0;
  let counted = 0;
  let queriesListed = 0;
  let queriesCounted = 0;
  let ret: XmlReturn | null = null;
  let reader: FileReader | null = null;
  /** The records' envelope (Message/Children) and the first record's line: where findings about the whole file are placed. */
  let envelope: { line: number; path: string } | null = null;
  let year = 0;
  let schema: CompiledSchema | null = null;
  const add = (f: XmlFinding) => (f.query ? queries : errors).add({ file: file.name, row: f.line, field: f.path, rule: f.rule, message: f.message });
  const chunkOf = (out: TableOut | null, last: boolean): FileChunk => {
    const shown = errors.items.slice(listed);
    const asked = queries.items.slice(queriesListed);
    const c: FileChunk = {
      fileNo, table: out ? { id: out.spec.id, fy: year, label: ret!.label } : undefined, text: out ? out.lines.take() : new Uint8Array(0),
      rows: records, bytes, errors: shown, uncounted: errors.count - counted - shown.length, last,
      queries: asked, queriesUncounted: queries.count - queriesCounted - asked.length,
    };
    [bytes, listed, counted, queriesListed, queriesCounted] = [0, errors.items.length, errors.count, queries.items.length, queries.count];
    if (out) out.staged = 0;
    return c;
  };
  const outFor = (id: string): TableOut => {
    let out = outs.get(id);
    if (!out) {
      const spec = TABLES.find((t) => t.id === id)!;
      out = { spec, schema: spec.schema(ctx), fieldNames: new Map(spec.columns.map((c) => [c.toLowerCase(), c])), lines: new CopyBuffer(), staged: 0 };
      outs.set(id, out);
    }
    return out;
  };

  // The envelope (Message, Children) as it streams: each open element's place in its type.
  const stack: { name: string; path: string; cursor: SequenceCursor | null; seen: Map<string, number> }[] = [];
  const keys = new Map<string, number>();
  const issueFinding = (i: SchemaIssue): XmlFinding => {
    let message = i.message;
    if (i.kind === 'unexpected' && ret) {
      const other = yearsWithElement(ret, i.element).filter((y) => y !== year);
      if (other.length) message += ` It is in the schema of ${other.join(', ')}: does the Header give the right Year (${year})?`;
    }
    return { line: i.line, path: i.path, rule: ret ? ret.ruleFor(i) : 'schema', message };
  };

  /** Places an element (opened or a whole record) in its parent; gives its particle and path, or null when it has no place. */
  const place = (name: string, line: number): { particle: Particle | null; path: string } | null => {
    const parent = stack[stack.length - 1];
    if (!parent) {
      const root = schema!.root;
      if (name !== root.name) {
        add({ line, path: name, rule: 'schema', message: `The root element is ${name}, but the ${ret!.label} starts with ${root.name}.` });
        return null;
      }
      return { particle: root, path: name };
    }
    const n = (parent.seen.get(name) ?? 0) + 1;
    parent.seen.set(name, n);
    if (!parent.cursor) return null;
    const next = parent.cursor.next(name);
    const path = `${parent.path}/${name}`;
    if ('problem' in next) {
      add(issueFinding({ line, path, element: name, kind: next.problem === 'too-many' ? 'too-many' : 'unexpected', message: placementMessage(name, parent.name, next.problem, parent.cursor) }));
      return null;
    }
    for (const m of next.missing) add(issueFinding(missingIssue(m, parent, parent.path, line)));
    return { particle: next.particle, path: next.particle.max > 1 ? `${path}[${n}]` : path };
  };

  function header(node: XmlNode): void {
    const details = node.children.find((c) => c.name === 'CollectionDetails');
    const text = (name: string) => details?.children.find((c) => c.name === name)?.text ?? null;
    const collection = text('Collection');
    ret = XML_RETURNS.find((r) => r.collection === collection) ?? null;
    const at = { line: details?.line ?? node.line, path: 'Message/Header/CollectionDetails' };
    if (!ret) {
      add({ ...at, rule: 'collection', message: `The Header's Collection is ${collection ?? 'missing'}; csinsight reads the XML of ${XML_RETURNS.map((r) => r.collection).join(', ')}.` });
      return;
    }
    year = Number(text('Year'));
    if (!ret.years.includes(year)) {
      add({ ...at, rule: 'schema-year', message: `The Header's Year is ${text('Year') ?? 'missing'}, but csinsight has the ${ret.label} schema for ${ret.years[0]} to ${ret.years[ret.years.length - 1]} only.` });
      ret = null;
      return;
    }
    schema = ret.schema(year);
    const r = ret;
    reader = r.fileReader?.(year) ?? { read: (node, path) => r.read(node, path, year), end: () => [] };
  }

  function record(node: XmlNode): void {
    const placed = place(node.name, node.line);
    if (!placed?.particle) return;
    const issues: SchemaIssue[] = [];
    validateTree(node, placed.particle, placed.path, issues);
    for (const i of issues) add(issueFinding(i));
    if (node.name === 'Header') {
      for (const f of ret!.headerFindings(node, year)) add(f);
      return;
    }
    if (node.name === ret!.recordName) {
      records += 1;
      envelope ??= { line: node.line, path: stack[stack.length - 1]?.path ?? '' };
    }
    // Stray text between elements leaves the record's structure whole: its rules are still checked,
    // so every broken rule is reported at once. Any other schema problem stops it being read.
    if (issues.some((i) => i.kind !== 'text')) {
      if (node.name === ret!.recordName) reader!.refused?.(node);
      return;
    }
    const { key, keyLoc, rows, findings } = reader!.read(node, placed.path);
    const before = keys.get(key);
    if (before !== undefined) findings.push({ line: keyLoc.line, path: keyLoc.path, ...ret!.duplicate(key, before) });
    else keys.set(key, keyLoc.line);
    for (const f of findings) add(f);
    // The rows' own checks run even so, so every broken rule of the child is reported at once.
    const rowErrors = new ErrorList();
    const staged: [TableOut, unknown[], number][] = [];
    for (const row of rows) {
      const out = outFor(row.table);
      const values = validateRow(out.spec, out.schema, ctx, row.record, out.fieldNames, { file: file.name, row: row.loc.line }, rowErrors);
      if (values) staged.push([out, values, row.loc.line]);
      for (const e of rowErrors.items.splice(0)) errors.add({ ...e, field: row.fieldPaths?.[e.field] ?? `${row.loc.path}/${e.field}` });
    }
    if (issues.length || rowErrors.count || findings.some((f) => !f.query)) return;
    for (const [out, values, line] of staged) {
      out.lines.add(`${fileNo},${line},${year},${copyLine(values)}`);
      out.staged += 1;
    }
  }

  let pending: XmlNode | null = null;
  try {
    for await (const events of readXmlEvents(file, (name, depth) => depth <= 2 && RECORDS.has(name), (n) => (bytes += n))) {
      for (const ev of events) {
        if (!schema) {
          // Until the Header is read only the root can open; anything else means there is no Header.
          if (ev.kind === 'open' && ev.depth === 0) {
            pending = { name: ev.name, line: ev.line, attrs: {}, text: '', children: [] };
            continue;
          }
          if (ev.kind === 'record' && ev.node.name === 'Header' && !errors.count) {
            header(ev.node);
            if (!schema) break;
            if (pending) stack.push({ name: pending.name, path: place(pending.name, pending.line)?.path ?? pending.name, cursor: new SequenceCursor(schema!.root.type as ComplexType), seen: new Map() });
            record(ev.node);
            continue;
          }
          if (!errors.count) add({ line: 'line' in ev ? ev.line : ev.node.line, path: 'Message/Header', rule: 'header', message: `${file.name} has no Header before its first ${ev.kind === 'record' ? ev.node.name : 'element'}: the Header's CollectionDetails give the return and its Year, which choose the schema.` });
          break;
        }
        if (ev.kind === 'open') {
          const placed = place(ev.name, ev.line);
          const type = placed?.particle?.type;
          stack.push({ name: ev.name, path: placed?.path ?? ev.name, cursor: type?.kind === 'complex' ? new SequenceCursor(type) : null, seen: new Map() });
        } else if (ev.kind === 'close') {
          const top = stack.pop();
          if (top?.cursor) for (const m of top.cursor.remaining()) add(issueFinding(missingIssue(m, top, top.path, ev.line)));
        } else if (ev.kind === 'text') {
          const top = stack[stack.length - 1];
          add({ line: ev.line, path: top?.path ?? '', rule: 'schema', message: `${top?.name ?? 'The document'} holds elements, not text ("${ev.text.slice(0, 40)}").` });
        } else {
          record(ev.node);
        }
      }
      if (!schema && errors.count) break;
      for (const out of outs.values()) if (out.staged >= CHUNK_ROWS || out.lines.full) yield chunkOf(out, false);
    }
    if (!schema && !errors.count) add({ line: 1, path: 'Message/Header', rule: 'header', message: `${file.name} has no Header: the Header's CollectionDetails give the return and its Year, which choose the schema.` });
    if (schema) {
      // The root's own sequence (e.g. Children required) once the document has ended.
      const root = stack.pop();
      if (envelope) for (const f of reader!.end(envelope)) add(f);
      if (root?.cursor) for (const m of root.cursor.remaining()) add(issueFinding(missingIssue(m, root, root.path, 0)));
    }
  } catch (err) {
    const line = err instanceof XmlSyntaxError ? err.line : 0;
    errors.add({ file: file.name, row: line, field: '', rule: err instanceof XmlSyntaxError ? 'xml' : 'file', message: `${file.name} could not be read${line ? ` (line ${line})` : ''}: ${(err as Error).message}` });
  }
  const tables = [...outs.values()];
  for (const out of tables.slice(0, -1)) yield chunkOf(out, false);
  yield chunkOf(tables[tables.length - 1] ?? null, true);
}
