import type { Command } from 'commander';
import { fail } from '../../core';
import { roleSchema, type Role } from '../../core/schema';
import type { Database } from '../../db';
import {
  createUserAccount,
  findUserByUsername,
  listUsers,
  newPasswordSchema,
  publicUser,
  resetUserPassword,
  updateUserAccount,
  type Actor,
} from '../../security';
import { cliActor, withStore } from '../store';

// Changes made here are audited like any other, in the name of the operating-system user who ran them.
const auditActor = (): Actor => ({ actor: cliActor(), role: null });

async function userId(db: Database, username: string): Promise<string> {
  const user = await findUserByUsername(db, username);
  if (!user) fail('not_found', `找不到用户 ${username}`, `no user named ${username}`);
  return user.id;
}

function parseRole(value: string): Role {
  const parsed = roleSchema.safeParse(value);
  if (!parsed.success) throw new Error(`unknown role ${value}: one of ${roleSchema.options.join(', ')}`);
  return parsed.data;
}

async function readStdinLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}

const out = (line: string): boolean => process.stdout.write(`${line}\n`);

export function registerUsers(program: Command): void {
  const users = program.command('users').description('Manage console users / 管理用户');

  users
    .command('list')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .action(async (o: { db: string }) =>
      withStore(o.db, async (db) => {
        for (const u of (await listUsers(db)).map(publicUser)) {
          const flags = [u.disabled ? 'disabled' : '', u.mustChangePassword ? 'must-change-password' : ''].filter(Boolean).join(',');
          out(`${u.username}\t${u.role}\t${u.displayName}\t${u.lastLoginAt ?? 'never'}\t${flags}`);
        }
      }),
    );

  users
    .command('add <username>')
    .description('Create a user; prints a one-time password unless --password-stdin is given')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .requiredOption('--role <role>', 'admin, operator, analyst, agent or auditor', parseRole)
    .option('--name <display name>', 'name shown in the console')
    // Not a --password flag: a password on the command line lands in shell history and `ps`.
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(async (username: string, o: { db: string; role: Role; name?: string; passwordStdin?: boolean }) => {
      const password = o.passwordStdin ? newPasswordSchema.parse(await readStdinLine()) : undefined;
      await withStore(o.db, async (db) => {
        const created = await createUserAccount(db, auditActor(), { username, displayName: o.name ?? username, role: o.role, password });
        out(`created ${created.user.username} (${created.user.role})`);
        if (created.password) out(`one-time password / 一次性密码: ${created.password}`);
      });
    });

  users
    .command('set-role <username> <role>')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .action(async (username: string, role: string, o: { db: string }) =>
      withStore(o.db, async (db) => {
        const user = await updateUserAccount(db, auditActor(), await userId(db, username), { role: parseRole(role) });
        out(`${user.username} is now ${user.role}`);
      }),
    );

  for (const [name, disabled] of [['disable', true], ['enable', false]] as const) {
    users
      .command(`${name} <username>`)
      .requiredOption('--db <path>', 'the Cardwise database file')
      .action(async (username: string, o: { db: string }) =>
        withStore(o.db, async (db) => {
          await updateUserAccount(db, auditActor(), await userId(db, username), { disabled });
          out(`${username} ${disabled ? 'disabled' : 'enabled'}`);
        }),
      );
  }

  users
    .command('reset-password <username>')
    .description('Replace a password with a one-time password, printed once; ends the user’s sessions')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .action(async (username: string, o: { db: string }) =>
      withStore(o.db, async (db) => {
        const { password } = await resetUserPassword(db, auditActor(), await userId(db, username));
        out(`one-time password for ${username} / 一次性密码: ${password}`);
      }),
    );
}
