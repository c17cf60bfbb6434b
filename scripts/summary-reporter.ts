import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/**
 * Ends a run with one plain `tests: N passed, N failed, N skipped` line, a form CI systems that
 * do not parse vitest's own summary still read. The default reporter runs beside it.
 *
 * A file that fails to load or collect has no tests, and a failing `beforeAll`/`afterAll` hook or an
 * unhandled error belongs to no test: each counts as one failure here, named on its own line above the
 * summary, so the closing line never says "0 failed" of a run that failed, and the run exits 1.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError> = []): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const outside: string[] = [];
    const byFile = [...testModules].sort((a, b) => (a.relativeModuleId < b.relativeModuleId ? -1 : 1));
    for (const module of byFile) {
      let failedTests = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') failedTests += 1;
        else counts.skipped += 1;
      }
      counts.failed += failedTests;
      const file = module.relativeModuleId;
      const before = outside.length;
      if (module.errors().length > 0) outside.push(`${file}: ${firstLine(module.errors())}`);
      for (const suite of module.children.allSuites()) {
        if (suite.errors().length > 0) outside.push(`${file} > ${suite.fullName}: ${firstLine(suite.errors())}`);
      }
      // A failed file with no failed test and no error of its own still failed: never count it as nothing.
      if (module.state() === 'failed' && failedTests === 0 && outside.length === before) outside.push(`${file}: failed outside its tests`);
    }
    for (const error of unhandledErrors) outside.push(`unhandled error: ${firstLine([error])}`);
    counts.failed += outside.length;
    const details = outside.map((line) => `failed outside a test: ${line}\n`).join('');
    process.stdout.write(`\n${details}tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
    if (counts.failed > 0) process.exitCode = 1;
  }
}

function firstLine(errors: readonly SerializedError[]): string {
  const error = errors[0];
  const text = error?.message ?? error?.name ?? 'unknown error';
  return text.split('\n', 1)[0] ?? text;
}
