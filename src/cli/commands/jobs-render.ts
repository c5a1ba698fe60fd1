import { formatShanghai } from '../../core';
import { tagComputeResultSchema, type Job, type JobKind, type JobPhase } from '../../jobs';
import { onDemandRunLine } from './tags-render';

// Plain-text renderings of jobs for a terminal: the JSON (--json) is the API's response, this is for people.
// Times are Shanghai wall-clock times, like everywhere people read them.

const dash = (v: string | null | undefined): string => (v === null || v === undefined || v === '' ? '-' : v);
const at = (iso: string | null): string => (iso ? formatShanghai(new Date(iso)) : '-');
// An error can span lines (a stack, a driver message); a table row must not.
const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ');

/** 4.2 s, 3 min 07 s, 1 h 05 min: precise while short, readable when long. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.floor(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')} min`;
}

/** From start to end, or to `now` for a job or phase that has not ended. */
function duration(startedAt: string | null, finishedAt: string | null, now: Date): string {
  if (!startedAt) return '-';
  const end = finishedAt ? Date.parse(finishedAt) : now.getTime();
  return formatDuration(end - Date.parse(startedAt));
}

/** What a phase's work last reported: `personas 3/8 · detail`. */
function phaseProgress(phase: JobPhase): string {
  const count = phase.done !== null && phase.total !== null ? `${phase.done}/${phase.total}` : null;
  const where = [phase.step, count].filter((part) => part !== null).join(' ');
  return [where, phase.detail].filter(Boolean).join(' · ');
}

/**
 * How far a job came, in a line: phases done of declared, then the phase it is in or ended in, with the
 * latest progress of its work, e.g. `1/2 phases; segments failed: personas 3/8`.
 */
export function jobProgress(job: Job): string {
  const done = job.phases.filter((p) => p.status === 'succeeded').length;
  const head = `${done}/${job.phases.length} phases`;
  const current = job.phases.find((p) => p.status === 'running' || p.status === 'failed' || p.status === 'interrupted');
  if (!current) return head;
  const progress = phaseProgress(current);
  return `${head}; ${current.name} ${current.status}${progress ? `: ${progress}` : ''}`;
}

// A kind whose result people read in words; any other result is shown as its JSON.
const resultLines: Partial<Record<JobKind, (result: Record<string, unknown>) => string | null>> = {
  tag_compute: (result) => {
    const run = tagComputeResultSchema.safeParse(result);
    return run.success ? onDemandRunLine(run.data.code, run.data) : null;
  },
};

/** What a job did, in a line: in words for a kind that has them (and a result of the shape it expects). */
function resultLine(job: Job): string {
  if (!job.result) return '-';
  return resultLines[job.kind]?.(job.result) ?? JSON.stringify(job.result);
}

/** Columns padded to their widest cell; the last one runs on, so a long error never pushes others apart. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].map((l) => `${l}\n`).join('');
}

export function renderJobList(jobs: readonly Job[], now: Date): string {
  if (jobs.length === 0) return 'no jobs / 没有任务\n';
  return renderTable(
    ['ID', 'KIND', 'STATUS', 'STARTED', 'FINISHED', 'DURATION', 'PROGRESS', 'BY', 'ERROR'],
    jobs.map((job) => [
      job.id,
      job.kind,
      job.status,
      // A job that never started (refused at the start, or still queued) is dated by its creation.
      at(job.startedAt ?? job.createdAt),
      at(job.finishedAt),
      duration(job.startedAt, job.finishedAt, now),
      jobProgress(job),
      dash(job.startedBy),
      job.error ? oneLine(job.error) : '',
    ]),
  );
}

export function renderJobDetail(job: Job, now: Date): string {
  const fields: [string, string][] = [
    ['kind', job.kind],
    ['status', job.status],
    ['started by', dash(job.startedBy)],
    ['created', at(job.createdAt)],
    ['started', at(job.startedAt)],
    ['finished', at(job.finishedAt)],
    ['duration', duration(job.startedAt, job.finishedAt, now)],
    ['progress', jobProgress(job)],
    ['params', JSON.stringify(job.params)],
    ['result', resultLine(job)],
    ['error', job.error ? oneLine(job.error) : '-'],
  ];
  const phases = renderTable(
    ['PHASE', 'STATUS', 'STARTED', 'FINISHED', 'DURATION', 'PROGRESS'],
    job.phases.map((p) => [p.name, p.status, at(p.startedAt), at(p.finishedAt), duration(p.startedAt, p.finishedAt, now), dash(phaseProgress(p))]),
  );
  return `${job.id}\n${fields.map(([name, value]) => `  ${name.padEnd(10)}  ${value}\n`).join('')}\n${phases}`;
}
