// A parse worker's thread (started by workers.ts): parses each file it is given and posts the
// chunks. At most `inFlight` chunks wait unacknowledged, so a reader faster than the database
// cannot fill memory.
import { parentPort, workerData } from 'node:worker_threads';
import { parseFile, type FileJob } from './parse-file.ts';

const port = parentPort!;
let credit = (workerData as { inFlight: number }).inFlight;
let wake: (() => void) | null = null;

port.on('message', async (m: { job?: FileJob; ack?: true }) => {
  if (m.ack) {
    credit += 1;
    wake?.();
    return;
  }
  for await (const chunk of parseFile(m.job!)) {
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit -= 1;
    port.postMessage(chunk, [chunk.text.buffer]);
  }
});
