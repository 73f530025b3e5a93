// Prints the closing line CI reads as a test count: "Tests: N passed, N failed, N skipped",
// preceded by every suite skipped for want of something (support/requirements.ts) and why.
// A test that never ran because its file failed (a throwing beforeAll, an import error) counts
// as failed, not skipped.
import type { Reporter, TestModule } from 'vitest/node';
import type { UserConsoleLog } from 'vitest';

/** Starts every skip line that support/requirements.ts prints; collected here by it. */
export const SKIP_MARK = '[tests] skipped:';

export default class SummaryReporter implements Reporter {
  private skips = new Set<string>();

  onUserConsoleLog(log: UserConsoleLog) {
    for (const line of log.content.split('\n')) if (line.startsWith(SKIP_MARK)) this.skips.add(line.slice(SKIP_MARK.length).trim());
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const mod of modules) {
      const broken = mod.errors().length > 0;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') count.passed++;
        else if (state === 'failed' || broken) count.failed++;
        else count.skipped++;
      }
      if (broken && !mod.children.size) count.failed++;
    }
    if (this.skips.size) console.log(`\nSkipped, and why:\n${[...this.skips].map((s) => `  - ${s}`).join('\n')}`);
    console.log(`\nTests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`);
  }
}
