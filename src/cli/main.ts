#!/usr/bin/env node
// The csinsight command line: one sub-command module per job, registered here.
import { Command } from 'commander';
import { registerDemo } from './commands/demo.ts';
import { registerEhcp } from './commands/ehcp.ts';
import { registerGenerate } from './commands/generate.ts';
import { registerImport } from './commands/import.ts';
import { registerCheck } from './commands/check.ts';
import { registerIndicators } from './commands/indicators.ts';
import { registerReport } from './commands/report.ts';
import { registerServe } from './commands/serve.ts';
import { registerUsers } from './commands/users.ts';

const program = new Command()
  .name('csinsight')
  .description("Children's Services performance, assurance and scrutiny")
  .showHelpAfterError();

for (const register of [registerImport, registerCheck, registerGenerate, registerIndicators, registerEhcp, registerServe, registerDemo, registerUsers, registerReport]) {
  register(program);
}

await program.parseAsync(process.argv);
