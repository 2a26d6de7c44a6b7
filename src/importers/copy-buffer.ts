// The COPY text of one chunk of staged rows, written into a buffer as rows are staged. Holding
// the lines as strings until the chunk is sent made them survive garbage collections (half the
// parse time went on copying them); in a buffer they are garbage at once, and the buffer moves
// to the run's thread without a copy. Lines gather in a short string first: a buffer write per
// line costs more than the line itself.

/** A buffer's size; a chunk is taken once it is three quarters full. */
const SIZE = 4 << 20;
/** Characters gathered before they are written to the buffer. */
const PENDING = 16 << 10;

export class CopyBuffer {
  private buf: Buffer | null = null;
  private used = 0;
  private pending = '';

  /** Appends a line. */
  add(line: string): void {
    this.pending += line;
    if (this.pending.length >= PENDING) this.write();
  }

  get full(): boolean {
    return this.used + this.pending.length >= (SIZE * 3) / 4;
  }

  /** The text so far, UTF-8 (its own ArrayBuffer, so it can be transferred); the buffer starts again. */
  take(): Uint8Array<ArrayBuffer> {
    this.write();
    const text = this.buf ? new Uint8Array(this.buf.buffer as ArrayBuffer, this.buf.byteOffset, this.used) : new Uint8Array(0);
    this.buf = null;
    this.used = 0;
    return text;
  }

  private write(): void {
    const s = this.pending;
    this.pending = '';
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    const room = s.length * 3;
    if (!this.buf) this.buf = Buffer.allocUnsafeSlow(Math.max(SIZE, room));
    else if (this.used + room > this.buf.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.used + room));
      this.buf.copy(bigger, 0, 0, this.used);
      this.buf = bigger;
    }
    this.used += this.buf.write(s, this.used, 'utf8');
  }
}
