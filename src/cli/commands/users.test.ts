import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../app';
import { tempStore } from '../../test-support/temp-store';
import { registerUsers } from './users';

let path: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const store = await tempStore();
  path = store.path;
  cleanup = store.cleanup;
  // The command opens the file itself; DuckDB lets one process hold it at a time.
  await store.db.close();
});
afterEach(() => cleanup());

async function run(...args: string[]): Promise<string> {
  const printed: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  try {
    const program = new Command('cardwise').exitOverride();
    registerUsers(program);
    await program.parseAsync(['users', ...args, '--db', path], { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return printed.join('');
}

describe('cardwise users', () => {
  it('adds, lists, changes and resets users, audited in the name of the OS user', async () => {
    const added = await run('add', 'Li.Lei', '--role', 'analyst', '--name', '李雷');
    expect(added).toMatch(/^created li\.lei \(analyst\)\none-time password \/ 一次性密码: [A-Za-z2-9]{16}\n$/);
    expect(await run('set-role', 'li.lei', 'operator')).toBe('li.lei is now operator\n');
    expect(await run('disable', 'li.lei')).toBe('li.lei disabled\n');
    expect(await run('reset-password', 'li.lei')).toMatch(/^one-time password for li\.lei/);
    expect(await run('list')).toMatch(/^li\.lei\toperator\t李雷\tnever\tdisabled,must-change-password\n$/);
    await expect(run('set-role', 'li.lei', 'wizard')).rejects.toThrow(/unknown role wizard/);
    await expect(run('disable', 'nobody')).rejects.toThrow(/no user named nobody/);

    const db = await openStore(path);
    try {
      const actions = await db.all<{ actor: string; action: string }>('SELECT actor, action FROM audit_log ORDER BY seq');
      expect(actions.map((a) => a.action)).toEqual(['user.create', 'user.update', 'user.update', 'user.password_reset']);
      for (const a of actions) expect(a.actor).toMatch(/^cli:/);
    } finally {
      await db.close();
    }
  });
});
