import { describe, expect, it, vi } from 'vitest';
import type { TestModule } from 'vitest/node';
import CountReporter from './count-reporter.ts';

type Stub = { state: 'passed' | 'failed' | 'skipped'; note?: string; skipReason?: string };

/** Just enough of vitest's TestModule for the reporter: its state, its file and its tests' results. */
const module = (file: string, state: 'passed' | 'failed' | 'skipped', tests: Stub[] = []) =>
  ({
    moduleId: `${process.cwd()}/${file}`,
    state: () => state,
    children: {
      allTests: () =>
        tests.map((t) => ({
          result: () => ({ state: t.state, note: t.note }),
          meta: () => (t.skipReason ? { skipReason: t.skipReason } : {}),
        })),
    },
  }) as unknown as TestModule;

function lineOf(modules: TestModule[], unhandled: unknown[] = []) {
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    new CountReporter().onTestRunEnd(modules, unhandled);
    return String(write.mock.calls.at(-1)?.[0]).trim().split('\n');
  } finally {
    write.mockRestore();
  }
}

const CI = /^[0-9]+ passed, [0-9]+ failed/;

describe('the count line', () => {
  it('counts tests when every file loaded', () => {
    const lines = lineOf([module('a.test.ts', 'passed', [{ state: 'passed' }, { state: 'passed' }])]);
    expect(lines).toEqual(['2 passed, 0 failed']);
  });

  it('counts a file that failed to load as one failure, names it, and says the failures are files', () => {
    const lines = lineOf([
      module('a.test.ts', 'failed', [{ state: 'passed' }, { state: 'failed' }]),
      module('b.test.ts', 'failed'),
      module('c.test.ts', 'failed'),
    ]);
    expect(lines).toEqual([
      'failed to load: b.test.ts',
      'failed to load: c.test.ts',
      '1 passed, 3 failed (1 test, 2 test files failed to load)',
    ]);
    expect(lines.at(-1)).toMatch(CI);
  });

  it('counts a file whose tests passed but whose hook failed, and unhandled errors', () => {
    const lines = lineOf(
      [module('a.test.ts', 'failed', [{ state: 'passed' }, { state: 'skipped' }])],
      [new Error()],
    );
    expect(lines.at(-1)).toBe('1 passed, 2 failed (1 file with a failed hook, 1 unhandled error), 1 skipped');
  });

  it('says why tests were skipped when their suite needs a missing service', () => {
    const chromium = 'need Chromium (not found at /usr/bin/chromium)';
    const lines = lineOf([
      module('j.journey.ts', 'skipped', [
        { state: 'skipped', skipReason: chromium },
        { state: 'skipped', skipReason: chromium },
      ]),
      module('a.test.ts', 'passed', [
        { state: 'passed' },
        { state: 'skipped' },
        { state: 'skipped', note: 'x' },
      ]),
    ]);
    expect(lines.at(-1)).toBe(`1 passed, 0 failed, 4 skipped (2 ${chromium}; 1 x)`);
    expect(lines.at(-1)).toMatch(CI);
  });
});
