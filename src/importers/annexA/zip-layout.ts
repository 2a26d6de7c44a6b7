// An .xlsx workbook's zip as exceljs's streaming reader needs it. That reader takes the zip's parts
// in the order they are stored, and a sheet stored before the workbook, its relationships, shared
// strings or styles is put aside in a temporary file and, in our runs, read now and then without
// its shared strings; many writers (exceljs's own among them) store those parts last. So the zip's
// central directory is read first: it gives the sheet names, and the parts are streamed to the
// reader with those four first and the sheets after, each part's bytes copied as stored.
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';

/** The end-of-central-directory record is within the last 22 + 65,535 bytes (its comment's most). */
const EOCD_SEARCH = 22 + 0xffff;
/** Largest workbook.xml or its relationships read (a workbook of thousands of sheets stays below it). */
const MAX_PART_BYTES = 8 << 20;

interface Source {
  size: number;
  read(at: number, length: number): Buffer;
  close(): void;
}

function sourceOf(input: string | Buffer): Source {
  if (typeof input !== 'string') return { size: input.length, read: (at, n) => input.subarray(at, at + n), close: () => {} };
  const fd = openSync(input, 'r');
  return {
    size: fstatSync(fd).size,
    read: (at, n) => {
      const b = Buffer.alloc(n);
      const got = readSync(fd, b, 0, n, at);
      return b.subarray(0, got);
    },
    close: () => closeSync(fd),
  };
}

interface Part { name: string; method: number; size: number; at: number; end: number }

export interface ZipLayout {
  /** Each worksheet part's path ("xl/worksheets/sheet3.xml") with its sheet name. */
  sheetNames: Map<string, string>;
  /** The parts, in the order the reader is to get them; and where the central directory starts. */
  parts: Part[];
  directoryAt: number;
  size: number;
}

/** Parts the reader needs before any sheet. */
const FIRST = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];

/** The zip's layout, or null when it is not a zip (the reader then says so with its own error). */
export function zipLayout(input: string | Buffer): ZipLayout | null {
  const src = sourceOf(input);
  try {
    const tailAt = Math.max(0, src.size - EOCD_SEARCH);
    const tail = src.read(tailAt, src.size - tailAt);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) return null;
    const cdSize = tail.readUInt32LE(eocd + 12);
    const directoryAt = tail.readUInt32LE(eocd + 16);
    const cd = src.read(directoryAt, cdSize);
    const byOffset: Part[] = [];
    for (let p = 0; p + 46 <= cd.length && cd.readUInt32LE(p) === 0x02014b50; ) {
      const nameLen = cd.readUInt16LE(p + 28);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
      byOffset.push({ name, method: cd.readUInt16LE(p + 10), size: cd.readUInt32LE(p + 20), at: cd.readUInt32LE(p + 42), end: 0 });
      p += 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    }
    byOffset.sort((a, b) => a.at - b.at);
    // A part's stored bytes run to the next part (its data descriptor included).
    byOffset.forEach((part, i) => (part.end = byOffset[i + 1]?.at ?? directoryAt));
    const parts = new Map(byOffset.map((x) => [x.name, x]));
    const text = (name: string): string => {
      const e = parts.get(name);
      if (!e || e.size > MAX_PART_BYTES) return '';
      const local = src.read(e.at, 30);
      const data = src.read(e.at + 30 + local.readUInt16LE(26) + local.readUInt16LE(28), e.size);
      return (e.method === 8 ? inflateRawSync(data) : data).toString('utf8');
    };
    const targets = new Map<string, string>();
    for (const m of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
      const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
    const names = new Map<string, string>();
    for (const m of text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
      const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
      const part = rid ? targets.get(rid) : undefined;
      if (name !== undefined && part) names.set(part, decodeXml(name));
    }
    const rank = (x: Part) => (FIRST.includes(x.name) ? FIRST.indexOf(x.name) : FIRST.length);
    return { sheetNames: names, parts: [...byOffset].sort((a, b) => rank(a) - rank(b) || a.at - b.at), directoryAt, size: src.size };
  } catch {
    return null;
  } finally {
    src.close();
  }
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

/** The zip's bytes with its parts in the layout's order, then its central directory, streamed. */
export function reorderedZip(input: string | Buffer, layout: ZipLayout): Readable {
  const ranges = [...layout.parts.map((x) => [x.at, x.end] as const), [layout.directoryAt, layout.size] as const];
  async function* bytes(): AsyncGenerator<Buffer> {
    for (const [from, to] of ranges) {
      if (to <= from) continue;
      if (typeof input !== 'string') yield input.subarray(from, to);
      else for await (const b of createReadStream(input, { start: from, end: to - 1 })) yield b as Buffer;
    }
  }
  return Readable.from(bytes());
}
