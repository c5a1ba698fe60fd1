import { CardwiseError, fail, type ErrorCode } from '../../core';
import { errorBodySchema } from '../../core/schema';
import { loginEndpoint, logoutEndpoint } from '../../security';
import {
  getJobEndpoint,
  jobSchema,
  startDataClusterEndpoint,
  startProfileRefreshEndpoint,
  startTagComputeEndpoint,
  type Job,
} from '../../jobs';

// The jobs API of a running server, as a batch scheduler calls it through the command line: while a server
// holds the database file, no other process can open it, so the nightly job is started where the file is.

/** The server's error as the command line reports it: its code and both languages, from the response body. */
async function errorOf(response: Response, what: string): Promise<CardwiseError> {
  const parsed = errorBodySchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    return new CardwiseError('internal', {
      'zh-CN': `${what}：服务器返回 HTTP ${response.status}`,
      'en-US': `${what}: the server answered HTTP ${response.status}`,
    });
  }
  const { code, messages, details } = parsed.data.error;
  return new CardwiseError(code as ErrorCode, messages, details);
}

/** The jobs the command line runs, by the name it gives them, with the endpoint that starts each. */
const startPaths = {
  'profile-refresh': startProfileRefreshEndpoint.path,
  'data-cluster': startDataClusterEndpoint.path,
  'tag-compute': startTagComputeEndpoint.path,
};
export type RunnableKind = keyof typeof startPaths;

export interface RemoteJobs {
  /** Starts a job; a job of the same kind already running is returned instead, with `alreadyRunning`. */
  start(kind: RunnableKind, body: Record<string, unknown>): Promise<{ job: Job; alreadyRunning: boolean }>;
  read(jobId: string): Promise<Job>;
  logout(): Promise<void>;
}

/** Logs in to the server at `base` (the password never on the command line, where process lists show it). */
export async function remoteJobs(base: string, username: string, password: string): Promise<RemoteJobs> {
  let origin: string;
  try {
    origin = new URL(base).origin;
  } catch {
    fail(
      'bad_request',
      `服务器地址无效：${base}`,
      `not a server address: ${base} (expected e.g. http://127.0.0.1:8080)`,
    );
  }
  const call = async (method: string, path: string, body?: unknown, cookie?: string): Promise<Response> => {
    try {
      return await fetch(`${origin}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(cookie ? { cookie } : {}),
          'accept-language': 'en-US',
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      fail(
        'bad_request',
        `无法连接服务器 ${origin}`,
        `cannot reach the server at ${origin}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  const login = await call('POST', loginEndpoint.path, { username, password });
  if (!login.ok) throw await errorOf(login, `login as ${username}`);
  // The session cookie, as a browser would send it back.
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const jobPath = (jobId: string) => getJobEndpoint.path.replace(':jobId', encodeURIComponent(jobId));
  const read = async (jobId: string): Promise<Job> => {
    const response = await call('GET', jobPath(jobId), undefined, cookie);
    if (!response.ok) throw await errorOf(response, `reading job ${jobId}`);
    return jobSchema.parse(await response.json());
  };
  return {
    async start(kind, body) {
      const response = await call('POST', startPaths[kind], body, cookie);
      if (response.ok) return { job: jobSchema.parse(await response.json()), alreadyRunning: false };
      const error = await errorOf(response, `starting ${kind}`);
      const running = (error.details as { jobId?: unknown } | undefined)?.jobId;
      if (error.code === 'conflict' && typeof running === 'string')
        return { job: await read(running), alreadyRunning: true };
      throw error;
    },
    read,
    async logout() {
      await call('POST', logoutEndpoint.path, undefined, cookie);
    },
  };
}
