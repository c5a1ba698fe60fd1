import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The command line as a person runs it: the real entry (bin/cardwise.js) in a child process, so that its
// output, progress bar and exit code are what the test sees.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function cardwise(...args: string[]): Promise<CliRun> {
  return cardwiseWith({}, ...args);
}

export interface CliOptions {
  /** Environment variables set for the child (a password, as a scheduler passes it). */
  readonly env?: Readonly<Record<string, string>>;
  /** Called with everything written to stderr so far, each time more arrives (to act on a line as it shows). */
  readonly onStderr?: (soFar: string) => void;
}

/** The same, with an environment and a view of stderr while the command runs. */
export function cardwiseWith(options: CliOptions, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'cardwise.js'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      options.onStderr?.(stderr);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
