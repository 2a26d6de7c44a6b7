// A file's character encoding, told from its first bytes, and its text turned into UTF-8 for the
// parser. UTF-8 (with or without BOM) is read as it is but checked: a byte that is not UTF-8 is
// refused, never stored as U+FFFD. UTF-16 (a BOM, or without one the NUL bytes of its ASCII
// characters) and Windows-1252 (what Excel's "CSV (Comma delimited)" writes in the UK; a file
// whose start is not valid UTF-8 and holds no UTF-8 character) are decoded.
import { isUtf8 } from 'node:buffer';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const NAMES: Record<Encoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', 'windows-1252': 'Windows-1252' };

/** Text that is not valid in its encoding; `before` is the text passed through ahead of it. */
export class EncodingError extends Error {
  constructor(
    readonly encoding: Encoding,
    readonly before: Uint8Array,
  ) {
    super(`not valid ${NAMES[encoding]}`);
  }

  /** The message for a file, `line` being where the bad text is (or the line it is near). */
  describe(line: number): string {
    const exact = this.encoding === 'utf-8' ? 'on' : 'near';
    return `The file is read as ${NAMES[this.encoding]}, but the text ${exact} line ${line} is not valid ${NAMES[this.encoding]}: part of it is in another encoding. Save it as CSV UTF-8 and import it again.`;
  }
}

/** Where a trailing, incomplete UTF-8 sequence starts (the length when there is none). */
function completeLength(b: Uint8Array): number {
  for (let i = b.length - 1; i >= 0 && i >= b.length - 3; i--) {
    const c = b[i]!;
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return b.length - i < need ? i : b.length;
  }
  return b.length;
}

const validPrefix = (b: Uint8Array, n: number) => isUtf8(b.subarray(0, completeLength(b.subarray(0, n))));

/** How many bytes of `b` are valid UTF-8 before the first that is not (b is known to hold one). */
function validLength(b: Uint8Array): number {
  let [lo, hi] = [0, b.length];
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (validPrefix(b, mid)) lo = mid;
    else hi = mid;
  }
  return completeLength(b.subarray(0, lo));
}

/** The encoding of a file from its first bytes (`whole`: they are the whole file). */
export function sniffEncoding(head: Uint8Array, whole: boolean): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  // UTF-16 without a BOM: a CSV is mostly ASCII, whose other byte is NUL, on one side of each pair.
  const sample = head.subarray(0, 4096);
  let [even, odd] = [0, 0];
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? odd++ : even++;
  const pairs = sample.length >> 1;
  if (odd > pairs / 4 && even * 8 <= odd) return 'utf-16le';
  if (even > pairs / 4 && odd * 8 <= even) return 'utf-16be';
  if (isUtf8(whole ? head : head.subarray(0, completeLength(head)))) return 'utf-8';
  // UTF-8 characters beside bytes that are not UTF-8: a file of mixed encodings, refused as UTF-8.
  return UTF8_SEQUENCE.test(Buffer.from(head).toString('latin1')) ? 'utf-8' : 'windows-1252';
}

/** A character of two to four bytes in UTF-8, matched on the bytes read as Latin-1. */
const UTF8_SEQUENCE = /[\xC2-\xDF][\x80-\xBF]|[\xE0-\xEF][\x80-\xBF]{2}|[\xF0-\xF4][\x80-\xBF]{3}/;

/** The text of a file's first bytes, for the pre-flight (a character cut at the end is left out). */
export function decodeHead(head: Uint8Array, encoding: Encoding): string {
  return new TextDecoder(encoding).decode(head, { stream: true });
}

export interface ToUtf8 {
  /** The next piece of the file as UTF-8 (a character cut at the end waits for the next piece). */
  chunk(bytes: Buffer): Buffer;
  /** What is left at the end of the file. */
  end(): Buffer;
}

const EMPTY = Buffer.alloc(0);

/** Turns a file's bytes in `encoding` into checked UTF-8, a piece at a time; throws EncodingError. */
export function toUtf8(encoding: Encoding): ToUtf8 {
  if (encoding === 'utf-8') {
    let carry: Buffer | null = null;
    return {
      chunk(bytes) {
        const data = carry ? Buffer.concat([carry, bytes]) : bytes;
        const n = completeLength(data);
        const body = data.subarray(0, n);
        if (!isUtf8(body)) throw new EncodingError(encoding, body.subarray(0, validLength(body)));
        carry = n < data.length ? Buffer.from(data.subarray(n)) : null;
        return body;
      },
      end() {
        if (carry) throw new EncodingError(encoding, EMPTY);
        return EMPTY;
      },
    };
  }
  const decoder = new TextDecoder(encoding, { fatal: true });
  const decode = (bytes?: Buffer) => {
    try {
      return Buffer.from(bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode());
    } catch {
      // Where: decoded again, leniently, up to the first replacement character.
      const text = bytes ? new TextDecoder(encoding).decode(bytes) : '';
      throw new EncodingError(encoding, Buffer.from(text.slice(0, Math.max(0, text.indexOf('\uFFFD')))));
    }
  };
  return { chunk: (bytes) => decode(bytes), end: () => decode() };
}
