// An SSDA903 return as the XML case systems export (core/ssda903-xml.ts has its layout), read as a
// stream a CHILD at a time into the same rows as the CSV tables: each row goes through the same
// table spec (fields, row rules) and staging, and so the same checks across rows, files and years,
// as the CSV of the same data. Errors carry the line and the element path
// (EXPSSDA903/CHILD[12]/HEADER/AREVIEW[2]/REVIEW_CODE). The collection year is given with the run
// or read from the file or folder name, as for CSV (the export carries none).
import { open } from 'node:fs/promises';
import { FROM_HEADER, HEADER_FIELDS, HEADER_TABLES, ROW_ELEMENTS, SSDA903_ROOT, xmlNameOf } from '../../core/ssda903-xml.ts';
import { copyLine } from '../../store/copy-line.ts';
import { CopyBuffer } from '../copy-buffer.ts';
import { ErrorList } from '../errors.ts';
import type { FileChunk, FileJob } from '../parse-file.ts';
import { yearOfJob, yearUnknown } from '../year.ts';
import type { RowContext, TableSpec } from '../spec.ts';
import { validateRow } from '../stage.ts';
import { TABLES } from '../tables/index.ts';
import type { ImportFile } from '../types.ts';
import { readXmlEvents, XmlSyntaxError, type XmlNode } from './tree.ts';

export { SSDA903_ROOT };

const LABEL = 'SSDA903 (XML)';
/** Staged rows per table before a chunk is sent (as CHUNK_ROWS for CSV). */
const CHUNK_ROWS = 20000;
/** Bytes read to find a file's root element: past the XML declaration and any comments. */
const ROOT_SNIFF_BYTES = 64 << 10;

/** The root element's name of an XML file (null when it cannot be read or has none in its start). */
export async function xmlRootName(file: ImportFile): Promise<string | null> {
  let head: string;
  try {
    if (file.content !== undefined) head = Buffer.from(file.content).subarray(0, ROOT_SNIFF_BYTES).toString('utf8');
    else {
      const h = await open(file.path!);
      try {
        const buf = Buffer.alloc(ROOT_SNIFF_BYTES);
        const { bytesRead } = await h.read(buf, 0, ROOT_SNIFF_BYTES, 0);
        head = buf.subarray(0, bytesRead).toString('utf8');
      } finally {
        await h.close();
      }
    }
  } catch {
    return null;
  }
  const body = head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, '');
  return /<([A-Za-z_][\w.-]*)/.exec(body)?.[1] ?? null;
}

/** Every table the XML holds: a file replaces each of them for its year, rows or none. */
const XML_TABLES = [...HEADER_TABLES.map((t) => t.table), ...Object.values(ROW_ELEMENTS).flatMap((e) => Object.values(e))];

interface TableOut {
  spec: TableSpec;
  schema: ReturnType<TableSpec['schema']>;
  fieldNames: Map<string, string>;
  /** The elements a row element of this table may hold. */
  fields: Set<string>;
  lines: CopyBuffer;
  staged: number;
}

const leaf = (node: XmlNode, name: string) => node.children.find((c) => c.name === name && c.children.length === 0)?.text;

export async function* parse903Xml(job: FileJob): AsyncGenerator<FileChunk> {
  const { file, fileNo } = job;
  const errors = new ErrorList();
  const fy = yearOfJob(job);
  const ctx: RowContext = { fy, today: job.today };
  const outs = new Map<string, TableOut>(
    XML_TABLES.map((id) => {
      const spec = TABLES.find((t) => t.id === id)!;
      const fields = new Set(spec.columns.filter((c) => !FROM_HEADER.has(c)).map(xmlNameOf));
      return [id, { spec, schema: spec.schema(ctx), fieldNames: new Map(spec.columns.map((c) => [c.toLowerCase(), c])), fields, lines: new CopyBuffer(), staged: 0 }];
    }),
  );
  let bytes = 0;
  let children = 0;
  let listed = 0;
  let counted = 0;
  const chunkOf = (out: TableOut | null, last: boolean): FileChunk => {
    const shown = errors.items.slice(listed);
    const c: FileChunk = {
      fileNo, table: out ? { id: out.spec.id, fy, label: LABEL } : undefined, text: out ? out.lines.take() : new Uint8Array(0),
      rows: children, bytes, errors: shown, uncounted: errors.count - counted - shown.length, last,
    };
    [bytes, listed, counted] = [0, errors.items.length, errors.count];
    if (out) out.staged = 0;
    return c;
  };
  const add = (line: number, path: string, rule: string, message: string, child?: string) =>
    errors.add({ file: file.name, row: line, field: path, rule, message, ...(child ? { child } : {}) });
  if (fy === null) {
    add(1, '', 'year', yearUnknown(file));
    yield chunkOf(null, true);
    return;
  }

  /** Elements of `node` that are not among `allowed`, each an error. */
  const unexpected = (node: XmlNode, path: string, allowed: ReadonlySet<string>, child: string | undefined) => {
    for (const c of node.children) {
      if (!allowed.has(c.name)) add(c.line, `${path}/${c.name}`, 'xml-element', `${c.name} is not an element of ${node.name} in the SSDA903 XML (expected ${[...allowed].join(', ')}).`, child);
    }
  };

  const stageRow = (out: TableOut, el: XmlNode, elPath: string, header: XmlNode, headerPath: string) => {
    const record: Record<string, string> = {};
    const paths: Record<string, string> = {};
    for (const column of out.spec.columns) {
      const name = xmlNameOf(column);
      const own = el === header || !FROM_HEADER.has(column);
      record[column.toLowerCase()] = (own ? leaf(el, name) : leaf(header, name)) ?? '';
      paths[column] = `${own ? elPath : headerPath}/${name}`;
    }
    const rowErrors = new ErrorList();
    const values = validateRow(out.spec, out.schema, ctx, record, out.fieldNames, { file: file.name, row: el.line }, rowErrors);
    for (const e of rowErrors.items) errors.add({ ...e, field: paths[e.field] ?? `${elPath}/${e.field}` });
    if (!values) return;
    out.lines.add(`${fileNo},${el.line},${fy},${copyLine(values)}`);
    out.staged += 1;
  };

  const headerAllowed = new Set<string>([...HEADER_FIELDS, ...Object.keys(ROW_ELEMENTS.HEADER)]);
  const childAllowed = new Set(['HEADER', ...Object.keys(ROW_ELEMENTS.CHILD)]);
  function child(node: XmlNode): void {
    const path = `${SSDA903_ROOT}/CHILD[${++children}]`;
    const headers = node.children.filter((c) => c.name === 'HEADER');
    const header = headers[0];
    const id = header ? leaf(header, 'CHILDID') : undefined;
    unexpected(node, path, childAllowed, id);
    if (!header || headers.length > 1) {
      add(node.line, `${path}/HEADER`, 'xml-element', `A CHILD has one HEADER (this one has ${headers.length}).`, id);
      if (!header) return;
    }
    const headerPath = `${path}/HEADER`;
    unexpected(header, headerPath, headerAllowed, id);
    for (const { table, when } of HEADER_TABLES) {
      if (when === null || leaf(header, when)) stageRow(outs.get(table)!, header, headerPath, header, headerPath);
    }
    for (const [parent, parentPath, elements] of [[header, headerPath, ROW_ELEMENTS.HEADER], [node, path, ROW_ELEMENTS.CHILD]] as const) {
      const seen = new Map<string, number>();
      for (const el of parent.children) {
        const table = (elements as Record<string, string>)[el.name];
        if (!table) continue;
        const n = (seen.get(el.name) ?? 0) + 1;
        seen.set(el.name, n);
        const out = outs.get(table)!;
        const elPath = `${parentPath}/${el.name}[${n}]`;
        unexpected(el, elPath, out.fields, id);
        stageRow(out, el, elPath, header, headerPath);
      }
    }
  }

  try {
    for await (const events of readXmlEvents(file, (name, depth) => depth === 1 && name === 'CHILD', (n) => (bytes += n))) {
      for (const ev of events) {
        if (ev.kind === 'record') child(ev.node);
        else if (ev.kind === 'open' && (ev.depth > 0 || ev.name !== SSDA903_ROOT)) {
          add(ev.line, ev.depth === 0 ? ev.name : `${SSDA903_ROOT}/${ev.name}`, 'xml-element', `${ev.name} is not an element of the SSDA903 XML here (${SSDA903_ROOT} holds CHILD elements).`);
        } else if (ev.kind === 'text') {
          add(ev.line, SSDA903_ROOT, 'xml-element', `${SSDA903_ROOT} holds CHILD elements, not text ("${ev.text.slice(0, 40)}").`);
        }
      }
      for (const out of outs.values()) if (out.staged >= CHUNK_ROWS || out.lines.full) yield chunkOf(out, false);
    }
  } catch (err) {
    const line = err instanceof XmlSyntaxError ? err.line : 0;
    add(line, '', err instanceof XmlSyntaxError ? 'xml' : 'file', `${file.name} could not be read${line ? ` (line ${line})` : ''}: ${(err as Error).message}`);
  }
  const tables = [...outs.values()];
  for (const out of tables.slice(0, -1)) yield chunkOf(out, false);
  yield chunkOf(tables[tables.length - 1]!, true);
}
