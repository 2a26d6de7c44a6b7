import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Command } from 'commander';
import { registerGenerate } from '../../src/cli/commands/generate.ts';

const dir = mkdtempSync(join(tmpdir(), 'csinsight-generate-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function program(): Command {
  const p = new Command().exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  registerGenerate(p);
  return p;
}

describe('csinsight generate', () => {
  test('writes the files for a scale, seed and as-of date', async () => {
    const log = console.log;
    console.log = () => {};
    try {
      await program().parseAsync(['generate', '--scale', 'small', '--seed', '3', '--out', dir, '--as-of', '25/11/2026'], { from: 'user' });
    } finally {
      console.log = log;
    }
    assert.ok(existsSync(join(dir, 'ssda903_2027', 'header.csv')), 'the year holding 25/11/2026 is 2026-27');
    assert.ok(!existsSync(join(dir, 'ssda903_2028')));
    assert.match(readFileSync(join(dir, 'sen2', 'ehcp_requests.csv'), 'utf8'), /^RequestID,PersonID,/);
  });

  test('refuses an unknown scale, a fractional seed and a date that does not exist', async () => {
    for (const args of [['--scale', 'county'], ['--seed', '1.5'], ['--as-of', '31/02/2026']]) {
      await assert.rejects(
        program().parseAsync(['generate', '--out', join(dir, 'never'), ...args], { from: 'user' }),
        (e: Error & { code?: string }) => e.code === 'commander.invalidArgument',
        args.join(' '),
      );
    }
    assert.ok(!existsSync(join(dir, 'never')));
  });
});
