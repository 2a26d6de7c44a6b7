// XML read as a stream with saxes, a record at a time: the elements named as records (a CIN
// census Child, its Header) come out whole as small trees, everything around them (the envelope:
// Message, Children) as open and close events. A national file (over a gigabyte) is never held in
// memory; one record is.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import type { ImportFile } from '../types.ts';

export interface XmlNode {
  name: string;
  /** Line of the start tag (1-based). */
  line: number;
  attrs: Record<string, string>;
  /** Text directly inside the element, trimmed. */
  text: string;
  children: XmlNode[];
}

export type XmlEvent =
  | { kind: 'open'; name: string; line: number; depth: number }
  | { kind: 'close'; name: string; line: number; depth: number }
  | { kind: 'record'; node: XmlNode; depth: number }
  /** Text outside records that is not white space. */
  | { kind: 'text'; line: number; depth: number; text: string };

/**
 * Elements in one record at most. A CIN census Child has a few hundred at most even after years of
 * plans and reviews; anything far larger is not a child's record, and would fill memory.
 */
export const MAX_RECORD_ELEMENTS = 100_000;

/** A file that is not well-formed XML (or a record past the limit), with the line where it broke. */
export class XmlSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

function source(file: ImportFile): Readable {
  if (file.content !== undefined) return Readable.from([Buffer.from(file.content)]);
  if (!file.path) throw new Error(`${file.name} has neither a path nor content.`);
  return createReadStream(file.path);
}

/** The whole of a small XML text (an XSD) as one tree. */
export function parseXmlText(text: string): XmlNode {
  let root: XmlNode | null = null;
  const p = new SaxesParser();
  const stack: XmlNode[] = [];
  p.on('opentag', (t) => {
    const node: XmlNode = { name: t.name, line: p.line, attrs: t.attributes as Record<string, string>, text: '', children: [] };
    if (stack.length) stack[stack.length - 1]!.children.push(node);
    else root = node;
    if (!t.isSelfClosing) stack.push(node);
  });
  p.on('closetag', (t) => {
    if (!t.isSelfClosing) stack.pop();
  });
  p.on('error', (e) => {
    throw new XmlSyntaxError(e.message, p.line);
  });
  p.write(text).close();
  if (!root) throw new XmlSyntaxError('The text has no root element.', p.line);
  return root;
}

/**
 * Events of a file, a batch per chunk read. `isRecord(name, depth)` says which elements come out
 * whole. `onBytes` hears each chunk's size. Throws XmlSyntaxError where the XML is not well formed.
 */
export async function* readXmlEvents(
  file: ImportFile,
  isRecord: (name: string, depth: number) => boolean,
  onBytes: (n: number) => void,
): AsyncGenerator<XmlEvent[]> {
  const p = new SaxesParser({ position: true });
  let batch: XmlEvent[] = [];
  let failure: XmlSyntaxError | null = null;
  // The record being built (its ancestors within the record on the stack), and its size.
  const stack: XmlNode[] = [];
  let elements = 0;
  let depth = 0;
  p.on('opentag', (t) => {
    const line = p.line;
    if (stack.length > 0) {
      if (++elements > MAX_RECORD_ELEMENTS) {
        failure ??= new XmlSyntaxError(`The ${stack[0]!.name} starting on line ${stack[0]!.line} has more than ${MAX_RECORD_ELEMENTS.toLocaleString('en-GB')} elements (MAX_RECORD_ELEMENTS); it cannot be one record.`, line);
        return;
      }
      const node: XmlNode = { name: t.name, line, attrs: t.attributes as Record<string, string>, text: '', children: [] };
      stack[stack.length - 1]!.children.push(node);
      stack.push(node);
    } else if (isRecord(t.name, depth)) {
      elements = 1;
      stack.push({ name: t.name, line, attrs: t.attributes as Record<string, string>, text: '', children: [] });
    } else {
      batch.push({ kind: 'open', name: t.name, line, depth });
    }
    depth += 1;
  });
  p.on('closetag', (t) => {
    depth -= 1;
    if (stack.length > 0) {
      const node = stack.pop()!;
      node.text = node.text.trim();
      if (stack.length === 0) batch.push({ kind: 'record', node, depth });
    } else {
      batch.push({ kind: 'close', name: t.name, line: p.line, depth });
    }
  });
  const onText = (text: string) => {
    if (stack.length > 0) stack[stack.length - 1]!.text += text;
    else if (text.trim() !== '') batch.push({ kind: 'text', line: p.line, depth, text: text.trim() });
  };
  p.on('text', onText);
  p.on('cdata', onText);
  p.on('error', (e) => {
    // saxes prefixes its messages with line:column; the line is reported on its own.
    failure ??= new XmlSyntaxError(`The file is not well-formed XML: ${e.message.replace(/^\d+:\d+: /, '')}`, p.line);
  });
  const input = source(file);
  // A character split across two chunks is joined again.
  const decoder = new StringDecoder('utf8');
  let first = true;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      onBytes(chunk.length);
      let text = decoder.write(chunk);
      // A byte order mark is not part of the document.
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      p.write(text);
      if (failure) throw failure;
      if (batch.length) {
        yield batch;
        batch = [];
      }
    }
    p.write(decoder.end()).close();
    if (failure) throw failure;
    if (batch.length) yield batch;
  } finally {
    input.destroy();
  }
}
