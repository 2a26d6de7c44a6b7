// `csinsight generate`: seeded synthetic input files, for demonstrations, tests and benchmarks.
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { today } from '../../core/dates.ts';
import { generate } from '../../generate/index.ts';
import { SCALES, type ScaleName } from '../../generate/scales.ts';
import { isoDate, oneOf, wholeNumber } from '../options.ts';

interface GenerateCliOptions {
  scale: ScaleName;
  seed: number;
  out: string;
  asOf: string;
}

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('Write seeded synthetic SSDA903, SEN2, case-system, strategy and benchmark files')
    .option('--scale <scale>', 'small | la | national', oneOf(SCALES), 'la' as ScaleName)
    .option('--seed <n>', 'random seed (same seed, same files)', wholeNumber, 1)
    .requiredOption('--out <dir>', 'directory to write into')
    .option('--as-of <date>', '"today" in the data; nothing is dated later', isoDate, today())
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
