// Numbers, durations and deletion rates as people read them.
const counts = new Intl.NumberFormat();
const percents = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const times = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dates = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export const formatCount = (n: number) => counts.format(n);
export const formatPercent = (p: number) => `${percents.format(p)} %`;

/** `42 s`, `3 min 05 s`, `2 h 10 min`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (seconds < 10) return `${Math.max(0, seconds).toFixed(1)} s`;
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** A moment with its date, so that history reads right on any day. */
export const formatWhen = (iso: string) => dates.format(new Date(iso));

export const formatClock = (date: Date) => times.format(date);

/** `runningTimeNanos` is a string (it outgrows 2^53); seconds are precise enough here. */
export const nanosToSeconds = (nanos: string) => Number(BigInt(nanos) / 1_000_000n) / 1000;

export interface Sample {
  /** Local clock, ms. */
  at: number;
  deleted: number;
}

/** Rows per second over the last few seconds of samples (the current pace, not the average). */
export function recentRate(samples: readonly Sample[], windowMs = 5000): number | undefined {
  if (samples.length < 2) return undefined;
  const last = samples[samples.length - 1];
  const first = samples.find((s) => last.at - s.at <= windowMs) ?? samples[0];
  const seconds = (last.at - first.at) / 1000;
  if (first === last || seconds <= 0) return undefined;
  return (last.deleted - first.deleted) / seconds;
}

/** Seconds left at `rate`; undefined when there is no rate to go by yet. */
export function secondsLeft(deleted: number, total: number, rate: number | undefined): number | undefined {
  if (!rate || rate <= 0) return undefined;
  return Math.max(0, (total - deleted) / rate);
}

/** `1 row`, `2 rows`, `1,000,000 rows` (any noun: `plural(1, 'annotation')`). */
export const plural = (n: number, noun: string, nouns = `${noun}s`) => `${formatCount(n)} ${n === 1 ? noun : nouns}`;
export const formatRows = (n: number) => plural(n, 'row');
