import cliProgress from 'cli-progress';
import type { ProgressListener } from '../core';

/**
 * A ProgressListener that draws one bar per phase on stderr (so stdout stays clean for results). When
 * stderr is not a terminal (CI, pipes) it prints a line at each 10 % step instead. `stop()` may be called
 * more than once (on success and again in a `finally`) and ends the bars' lines only if bars were drawn:
 * cli-progress writes a newline on every stop, which put a blank line before a failed command's error.
 */
export function progressBar(): ProgressListener & { stop: () => void } {
  const interactive = Boolean(process.stderr.isTTY);
  const bars = new cliProgress.MultiBar(
    { format: ' {phase} [{bar}] {percentage}% | {detail}', hideCursor: true, stream: process.stderr, noTTYOutput: false },
    cliProgress.Presets.shades_classic,
  );
  const byPhase = new Map<string, cliProgress.SingleBar>();
  const lastStep = new Map<string, number>();
  const listener = (event: { phase: string; done: number; total: number; detail?: string }) => {
    const detail = event.detail ?? `${event.done.toLocaleString('en-US')} / ${event.total.toLocaleString('en-US')}`;
    if (!interactive) {
      const step = event.total > 0 ? Math.floor((event.done / event.total) * 10) : 10;
      if (lastStep.get(event.phase) !== step) {
        lastStep.set(event.phase, step);
        process.stderr.write(`  ${event.phase}: ${step * 10}% (${detail})\n`);
      }
      return;
    }
    let bar = byPhase.get(event.phase);
    if (!bar) {
      bar = bars.create(Math.max(event.total, 1), 0, { phase: event.phase.padEnd(16), detail });
      byPhase.set(event.phase, bar);
    }
    bar.setTotal(Math.max(event.total, 1));
    bar.update(event.done, { phase: event.phase.padEnd(16), detail });
  };
  const stop = () => {
    if (byPhase.size === 0) return;
    bars.stop();
    byPhase.clear();
  };
  return Object.assign(listener, { stop });
}
