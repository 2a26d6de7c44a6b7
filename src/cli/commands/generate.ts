// `csinsight generate`: seeded synthetic input files, for demonstrations, tests and benchmarks.
import cliProgress from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { parseDate, today } from '../../core/dates.ts';
import { generate } from '../../generate/index.ts';
import { SCALES, type ScaleName } from '../../generate/scales.ts';

interface GenerateCliOptions {
  scale: ScaleName;
  seed: number;
  out: string;
  asOf: string;
}

function scaleOption(value: string): ScaleName {
  if (!(SCALES as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${SCALES.join(', ')}`);
  return value as ScaleName;
}

function seedOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('expected a whole number');
  return n;
}

function dateOption(value: string): string {
  const d = parseDate(value);
  if (!d) throw new InvalidArgumentError('expected a date, YYYY-MM-DD or DD/MM/YYYY');
  return d;
}

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('Write seeded synthetic SSDA903, SEN2, case-system, strategy and benchmark files')
    .option('--scale <scale>', 'small | la | national', scaleOption, 'la' as ScaleName)
    .option('--seed <n>', 'random seed (same seed, same files)', seedOption, 1)
    .requiredOption('--out <dir>', 'directory to write into')
    .option('--as-of <date>', '"today" in the data; nothing is dated later', dateOption, today())
    .action(async (opts: GenerateCliOptions) => {
      const bar = new cliProgress.SingleBar(
        { format: 'Generating [{bar}] {percentage}% | {value}/{total} | {duration}s', hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(1, 0);
      const result = await generate({
        scale: opts.scale, seed: opts.seed, outDir: opts.out, asOf: opts.asOf,
        onProgress: (done, total) => {
          bar.setTotal(total);
          bar.update(done);
        },
      });
      bar.stop();
      for (const [file, rows] of Object.entries(result.counts)) console.log(`  ${String(rows).padStart(9)}  ${file}`);
      console.log(`Wrote ${result.files.length} files to ${opts.out} (scale ${opts.scale}, seed ${opts.seed}, as of ${opts.asOf})`);
    });
}
