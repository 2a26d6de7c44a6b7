#!/usr/bin/env node
// The csinsight command line: one sub-command module per job, registered here.
import { Command } from 'commander';
import { registerAnnexA } from './commands/annex-a.ts';
import { registerCouncil } from './commands/council.ts';
import { registerDemo } from './commands/demo.ts';
import { registerEhcp } from './commands/ehcp.ts';
import { registerGenerate } from './commands/generate.ts';
import { registerImport } from './commands/import.ts';
import { registerCheck } from './commands/check.ts';
import { registerIndicators } from './commands/indicators.ts';
import { registerReport } from './commands/report.ts';
import { registerServe } from './commands/serve.ts';
import { registerUsers } from './commands/users.ts';
import { DataDirError } from '../store/data-dir.ts';

const program = new Command()
  .name('csinsight')
  .description("Children's Services performance, assurance and scrutiny")
  .showHelpAfterError();

for (const register of [registerImport, registerCheck, registerGenerate, registerIndicators, registerEhcp, registerServe, registerDemo, registerUsers, registerReport, registerCouncil, registerAnnexA]) {
  register(program);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // A store that may not be opened (in use, open to other users, not a store): the message says what to do.
  if (!(err instanceof DataDirError)) throw err;
  console.error(err.message);
  process.exit(1);
}
