// `csinsight users`: who may sign in. Passwords are read from standard input (never from the
// command line, where they would sit in shell history and the process list) or generated and
// printed once.
import type { Command } from 'commander';
import { ROLES, type Role } from '../../core/access.ts';
import { addUser, resetPassword } from '../../server/auth/accounts.ts';
import { randomPassword } from '../../server/auth/passwords.ts';
import { listUsers } from '../../store/users.ts';
import { withStore } from '../options.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** The password from stdin, or a new random one (printed, as nobody else will ever see it). */
async function passwordFor(fromStdin: boolean): Promise<{ password: string; generated: boolean }> {
  return fromStdin ? { password: await readStdin(), generated: false } : { password: randomPassword(), generated: true };
}


function parseRole(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) throw new Error(`Role must be one of: ${ROLES.join(', ')}`);
  return value as Role;
}

export function registerUsers(program: Command): void {
  const users = program.command('users').description('Manage the people who may sign in');

  users
    .command('add <username>')
    .description('Add a user (lower-case letters, digits, . _ -)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, parseRole)
    .option('--password-stdin', 'read the password from standard input instead of generating one', false)
    .action(async (username: string, opts: { role: Role; passwordStdin: boolean }) => {
      const { password, generated } = await passwordFor(opts.passwordStdin);
      await withStore((store) => addUser(store, username, opts.role, password));
      console.log(`Added ${username} (${opts.role})`);
      if (generated) console.log(`Password: ${password}\nGive it to them securely; it is not stored anywhere readable.`);
    });

  users
    .command('reset-password <username>')
    .description('Set a new password, end the lockout and sign the user out everywhere')
    .option('--password-stdin', 'read the password from standard input instead of generating one', false)
    .action(async (username: string, opts: { passwordStdin: boolean }) => {
      const { password, generated } = await passwordFor(opts.passwordStdin);
      const found = await withStore((store) => resetPassword(store, username, password));
      if (!found) {
        console.error(`There is no user ${username}`);
        process.exitCode = 1;
        return;
      }
      console.log(`New password set for ${username}`);
      if (generated) console.log(`Password: ${password}`);
    });

  users
    .command('list')
    .description('List users, their roles and whether they are locked out')
    .action(async () => {
      const list = await withStore((store) => listUsers(store));
      if (list.length === 0) return console.log('No users yet: add one with `csinsight users add <username> --role admin`');
      console.log(['username'.padEnd(24), 'role'.padEnd(11), 'status'.padEnd(28), 'last sign-in'].join(' '));
      for (const u of list) {
        const status = u.disabled ? 'disabled' : u.locked ? `locked until ${u.lockedUntil}` : 'active';
        console.log([u.username.padEnd(24), u.role.padEnd(11), status.padEnd(28), u.lastSignIn ?? 'never'].join(' '));
      }
    });
}
