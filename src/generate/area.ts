// What an area generator receives: the scale and window, its own random stream and a way to open
// output files (closed by generate()). Each area (front door, early help, workforce, home education,
// voice of the child) keeps its file names, headers and per-scale sizes in its own module.
import type { CsvWriter, TextWriter } from './csv.ts';
import type { Random } from './random.ts';
import type { ScaleName, Window } from './scales.ts';

export interface AreaContext {
  scale: ScaleName;
  win: Window;
  random: Random;
  /** Another stream of the area's own, so drawing more for one file leaves the others' numbers as they were. */
  stream(name: string): Random;
  open(path: string, header: string[]): CsvWriter;
  /** A file written as it is (not CSV), e.g. an XML return, closed by generate() like the rest. */
  openText(path: string): TextWriter;
}

export type AreaGenerator = (ctx: AreaContext) => void | Promise<void>;
