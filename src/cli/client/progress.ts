// A deletion's progress for a terminal: rate and ETA from the task's own clock
// (runningTimeNanos), so a slow network does not skew them, and one line per state: a bar,
// percent, rows, rows/s, ETA and phase.
import type { CliTaskFragment } from './generated/graphql.ts';

export interface ProgressSnapshot {
  id: string;
  jobId: string;
  state: CliTaskFragment['state'];
  phase: string;
  deleted: number;
  total: number;
  percent: number;
  elapsedSeconds: number;
  /** Recent pace; null until there are two states to compare (or nothing was deleted yet). */
  rowsPerSecond: number | null;
  /** Null while unknown; 0 once completed. */
  etaSeconds: number | null;
  completed: boolean;
  error: CliTaskFragment['error'];
}

/** The pace is measured over this much of the task's recent time. */
const WINDOW_SECONDS = 3;

export class ProgressTracker {
  private samples: { at: number; deleted: number }[] = [];

  add(task: CliTaskFragment): ProgressSnapshot {
    const elapsedSeconds = Number(BigInt(task.runningTimeNanos) / 1_000_000n) / 1000;
    const { deleted, total, percent, phase } = task.progress;
    this.samples.push({ at: elapsedSeconds, deleted });
    while (this.samples.length > 2 && elapsedSeconds - this.samples[1].at >= WINDOW_SECONDS) this.samples.shift();
    const first = this.samples[0];
    const span = elapsedSeconds - first.at;
    let rate: number | null = span > 0 && deleted > first.deleted ? (deleted - first.deleted) / span : null;
    if (rate === null && deleted > 0 && elapsedSeconds > 0) rate = deleted / elapsedSeconds;
    const eta = task.state === 'COMPLETED' ? 0 : task.state === 'RUNNING' && rate ? Math.max(0, (total - deleted) / rate) : null;
    return {
      id: task.id,
      jobId: task.jobId,
      state: task.state,
      phase,
      deleted,
      total,
      percent,
      elapsedSeconds,
      rowsPerSecond: rate === null ? null : Math.round(rate),
      etaSeconds: eta === null ? null : Math.round(eta * 10) / 10,
      completed: task.completed,
      error: task.error,
    };
  }
}

const count = new Intl.NumberFormat('en-US');
export const formatCount = (n: number) => count.format(n);

/** `0.4s`, `12s`, `2m05s`, `1h02m`. */
export function formatDuration(seconds: number): string {
  if (seconds < 10) return `${Math.max(0, seconds).toFixed(1)}s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export function renderBar(percent: number, width: number, unicode: boolean): string {
  const filled = Math.round((Math.min(100, Math.max(0, percent)) / 100) * width);
  const [on, off] = unicode ? ['█', '░'] : ['#', '-'];
  return `[${on.repeat(filled)}${off.repeat(width - filled)}]`;
}

/**
 * One line: `[████░░░░]  52.3%  523,000/1,000,000 rows  41,200 rows/s  ETA 11s  RESULTS`.
 * `columns` (a terminal's width) sizes the bar; unicode blocks only for a terminal.
 */
export function renderLine(p: ProgressSnapshot, columns: number | undefined, unicode: boolean): string {
  const percent = `${p.percent.toFixed(1).padStart(5)}%`;
  const rows = `${formatCount(p.deleted)}/${formatCount(p.total)} rows`;
  const rate = p.rowsPerSecond === null ? '' : `${formatCount(p.rowsPerSecond)} rows/s`;
  const eta =
    p.state === 'COMPLETED'
      ? `done in ${formatDuration(p.elapsedSeconds)}`
      : p.state === 'FAILED'
        ? 'failed'
        : p.etaSeconds === null
          ? 'ETA …'
          : `ETA ${formatDuration(p.etaSeconds)}`;
  const rest = [percent, rows, rate, eta, p.phase].filter(Boolean).join('  ');
  const width = columns ? Math.max(10, Math.min(40, columns - rest.length - 4)) : 30;
  return `${renderBar(p.percent, width, unicode)}  ${rest}`;
}
