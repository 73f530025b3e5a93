// What every bench shares: its `--name value` arguments, the statistics it reports, and the
// table of figures it prints (figure, value, target, whether it holds).

/** The command line's `--name value` pairs. */
export function benchArgs(argv = process.argv.slice(2)): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) args.set(argv[i].replace(/^--/, ''), argv[i + 1]);
  return args;
}

/** The lower median: a value that was measured, not a mean of two. */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** The p-th percentile, nearest rank. */
export const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

/** The bench's DATABASE_URL, or a line saying what it needs and exit code 2. */
export function databaseUrlFor(command: string): string {
  const url = process.env.DATABASE_URL;
  if (url) return url;
  console.error(`${command} needs DATABASE_URL (a PostgreSQL server); it creates and drops its own database there.`);
  process.exit(2);
}

/** The figures of a run, printed as a Markdown table (the README's tables are pasted from it). */
export class FigureTable {
  private readonly rows: string[][] = [['figure', 'value', 'target', 'ok']];

  /** Adds a figure; an arrow, so that `const { check } = table` works. */
  readonly check = (name: string, value: string, target: string, okay: boolean): void => {
    this.rows.push([name, value, target, okay ? 'yes' : 'NO']);
  };

  print(): void {
    const widths = this.rows[0].map((_, c) => Math.max(...this.rows.map((r) => r[c].length)));
    for (const [i, r] of this.rows.entries()) {
      console.log('| ' + r.map((cell, c) => cell.padEnd(widths[c])).join(' | ') + ' |');
      if (i === 0) console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
    }
  }
}
