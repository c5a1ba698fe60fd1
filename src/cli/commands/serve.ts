import type { Command } from 'commander';
import { pino } from 'pino';
import { openStore } from '../../app';
import { parseQueryTimeLimit, type Database } from '../../db';
import { recoverJobs } from '../../jobs';
import { ensureFirstAdmin, purgeExpiredSessions, type FirstAdmin } from '../../security';
import { buildServer } from '../../server';

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
}

function describeAdmin(admin: FirstAdmin): string {
  if (!admin.created) return '';
  if (admin.password === undefined) return `admin login / 管理员: ${admin.username} (password from CARDWISE_ADMIN_PASSWORD)\n`;
  return (
    `admin login / 管理员: ${admin.username} / ${admin.password}\n` +
    '  one-time password, shown only now: change it at first login / 一次性密码，仅显示这一次，首次登录后须修改\n'
  );
}

/**
 * Serves an open store until SIGINT or SIGTERM, then stops taking requests, lets those in flight finish and
 * closes the database file so the next process can open it. Shared by `serve` and `demo`.
 * Environment: CARDWISE_COOKIE_SECURE (true/false, default per request), CARDWISE_TRUST_PROXY=1 behind a
 * TLS proxy, CARDWISE_METRICS_TOKEN for Prometheus, CARDWISE_LOG_LEVEL (default info),
 * CARDWISE_QUERY_TIME_LIMIT_MS for tag previews and live segment counts (default 10000, 0 for none).
 */
export async function serveStore(db: Database, options: ServeOptions): Promise<void> {
  db.queryTimeLimitMs = parseQueryTimeLimit(process.env.CARDWISE_QUERY_TIME_LIMIT_MS);
  const admin = await ensureFirstAdmin(db);
  const secure = process.env.CARDWISE_COOKIE_SECURE;
  const app = await buildServer({
    db,
    logger: pino({ level: process.env.CARDWISE_LOG_LEVEL ?? 'info' }),
    cookieSecure: secure === 'true' ? true : secure === 'false' ? false : 'auto',
    trustProxy: process.env.CARDWISE_TRUST_PROXY === '1',
    ...(process.env.CARDWISE_METRICS_TOKEN ? { metricsToken: process.env.CARDWISE_METRICS_TOKEN } : {}),
  });
  // Sessions are deleted when presented after expiry; this removes the ones nobody comes back with.
  await purgeExpiredSessions(db);
  // Jobs a previous process left running can never finish: they are marked interrupted before any request.
  await recoverJobs(db);
  const housekeeping = setInterval(() => void purgeExpiredSessions(db).catch(() => {}), 3_600_000);
  housekeeping.unref();
  await app.listen({ host: options.host, port: options.port });
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  process.stdout.write(`Cardwise is serving on http://${shownHost}:${port}  (API docs: /docs)\n${describeAdmin(admin)}`);

  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.stdout.write(`\n${signal}: stopping…\n`);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  clearInterval(housekeeping);
  await app.close();
  await db.close();
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port: not a port number: ${value}`);
  return port;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the API and console over a database file / 启动 API 与控制台')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .option('--port <port>', 'port to listen on', parsePort, 8080)
    .option('--host <host>', 'address to listen on (0.0.0.0 for all)', '127.0.0.1')
    .action(async (options: { db: string; port: number; host: string }) => {
      const db = await openStore(options.db);
      try {
        await serveStore(db, { port: options.port, host: options.host });
      } catch (error) {
        await db.close();
        throw error;
      }
    });
}
