import { CardwiseError } from '../core';

// DuckDB lets one process write a database file at a time. Its own message ("Could not set lock on file …")
// says nothing about what to do; this one names the holder and the way out.
const lockPattern = /Could not set lock on file "([^"]+)": Conflicting lock is held in (.+?) \(PID (\d+)\)/;

export function translateOpenError(path: string, error: unknown): unknown {
  const message = error instanceof Error ? error.message : String(error);
  const match = lockPattern.exec(message);
  if (!match) return error;
  const pid = match[3];
  return new CardwiseError(
    'database_locked',
    {
      'zh-CN': `数据库文件 ${path} 正被另一个 Cardwise 进程（PID ${pid}，例如正在运行的服务）占用：请先停止它，或通过该服务的 API 操作。`,
      'en-US': `the database file ${path} is held by another Cardwise process (PID ${pid}), such as a running server: stop it, or work through that server's API.`,
    },
    { pid: Number(pid) },
    { cause: error },
  );
}
