// The COPY text of one chunk of staged rows, written into a buffer as each row is staged. Holding
// the lines as strings until the chunk is sent made them survive garbage collections (half the
// parse time went on copying them); in a buffer each line is garbage at once, and the buffer
// moves to the run's thread without a copy.

/** A buffer's size; a chunk is taken once it is three quarters full. */
const SIZE = 4 << 20;

export class CopyBuffer {
  private buf: Buffer | null = null;
  private used = 0;

  /** Appends a line (UTF-8). */
  add(line: string): void {
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    const room = line.length * 3;
    if (!this.buf) this.buf = Buffer.allocUnsafeSlow(Math.max(SIZE, room));
    else if (this.used + room > this.buf.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.used + room));
      this.buf.copy(bigger, 0, 0, this.used);
      this.buf = bigger;
    }
    this.used += this.buf.write(line, this.used, 'utf8');
  }

  get full(): boolean {
    return this.used >= (SIZE * 3) / 4;
  }

  /** The text so far (its own ArrayBuffer, so it can be transferred); the buffer starts again. */
  take(): Uint8Array<ArrayBuffer> {
    const text = this.buf ? new Uint8Array(this.buf.buffer as ArrayBuffer, this.buf.byteOffset, this.used) : new Uint8Array(0);
    this.buf = null;
    this.used = 0;
    return text;
  }
}
