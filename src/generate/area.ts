// What an area generator receives: the scale and window, its own random stream and a way to open
// output files (closed by generate()). Each area (front door, early help, workforce, home education,
// voice of the child) keeps its file names, headers and per-scale sizes in its own module.
import type { CsvWriter } from './csv.ts';
import type { Random } from './random.ts';
import type { ScaleName, Window } from './scales.ts';

export interface AreaContext {
  scale: ScaleName;
  win: Window;
  random: Random;
  open(path: string, header: string[]): CsvWriter;
}

export type AreaGenerator = (ctx: AreaContext) => void | Promise<void>;
