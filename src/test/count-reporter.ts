import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import './needs.ts';

/**
 * Prints the one line CI reads after the run: `N passed, N failed` (CI matches `^[0-9]+ passed, [0-9]+ failed`),
 * then, on the same line, what the failures and skips were:
 *
 *   1490 passed, 2 failed (1 test, 1 test file failed to load), 25 skipped (25 need Chromium (not found at …))
 *
 * A test file that fails to load (syntax error, missing import, a throw at top level) has no tests to count, so it
 * counts as one failure; so does a file whose tests all passed but a hook (beforeAll, afterAll) failed. Errors
 * outside any file count one each. Skipped tests are grouped by the reason their suite gives (`needs()` in
 * `./needs.ts`, or `ctx.skip(note)`).
 */
export default class CountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>) {
    let passed = 0;
    let failedTests = 0;
    let skipped = 0;
    const notLoaded: string[] = [];
    const hooksFailed: string[] = [];
    const reasons = new Map<string, number>();
    for (const module of testModules) {
      let tests = 0;
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        tests++;
        const result = test.result();
        if (result.state === 'passed') passed++;
        else if (result.state === 'failed') failedHere++;
        else {
          skipped++;
          const reason = test.meta().skipReason ?? (result.state === 'skipped' ? result.note : undefined);
          if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        }
      }
      failedTests += failedHere;
      if (module.state() === 'failed' && failedHere === 0) {
        (tests === 0 ? notLoaded : hooksFailed).push(path.relative(process.cwd(), module.moduleId));
      }
    }

    const failed = failedTests + notLoaded.length + hooksFailed.length + unhandledErrors.length;
    const why = [
      failedTests ? plural(failedTests, 'test') : '',
      notLoaded.length ? `${plural(notLoaded.length, 'test file')} failed to load` : '',
      hooksFailed.length ? `${plural(hooksFailed.length, 'file')} with a failed hook` : '',
      unhandledErrors.length ? plural(unhandledErrors.length, 'unhandled error') : '',
    ];
    const skips = [...reasons].map(([reason, n]) => `${n} ${reason}`);

    let line = `${passed} passed, ${failed} failed`;
    if (failed > failedTests) line += ` (${why.filter(Boolean).join(', ')})`;
    if (skipped) line += `, ${skipped} skipped${skips.length ? ` (${skips.join('; ')})` : ''}`;

    const out: string[] = [];
    for (const file of notLoaded) out.push(`failed to load: ${file}`);
    for (const file of hooksFailed) out.push(`failed in a hook: ${file}`);
    process.stdout.write(`\n${out.map((l) => `${l}\n`).join('')}${line}\n`);
  }
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
