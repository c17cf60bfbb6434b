import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runNode, VITEST } from './support/run-node.js';

// The closing line of `pnpm test` must not read "0 failed" for a run that failed outside its tests.
describe('the suite summary line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pacto-summary-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  const reporter = join(REPO, 'scripts/summary-reporter.ts');
  const run = (...files: string[]) => runNode([VITEST, 'run', '--root', dir, '--reporter=default', `--reporter=${reporter}`, ...files]);
  const summary = (stdout: string) => stdout.split('\n').filter((line) => /^(tests:|failed outside a test:)/.test(line));

  write('package.json', '{"type": "module"}\n');
  write('passes.test.ts', "import { expect, it } from 'vitest';\nit('passes', () => expect(1).toBe(1));\nit.skip('waits', () => {});\n");
  write('fails-to-load.test.ts', "import { readFileSync } from 'node:fs';\nreadFileSync('/nonexistent/corpus/case.yaml');\n");
  write(
    'hook.test.ts',
    "import { beforeAll, describe, expect, it } from 'vitest';\n" +
      "describe('group', () => {\n  beforeAll(() => { throw new Error('setup broke'); });\n  it('t', () => expect(1).toBe(1));\n});\n",
  );
  write(
    'unhandled.test.ts',
    "import { expect, it } from 'vitest';\n" +
      "it('leaks', () => { setTimeout(() => { throw new Error('late error'); }, 0); expect(1).toBe(1); });\n" +
      "it('waits', async () => { await new Promise((r) => setTimeout(r, 100)); expect(1).toBe(1); });\n",
  );

  it('counts passing, failing and skipped tests', async () => {
    const result = await run('passes.test.ts');
    expect(summary(result.stdout)).toEqual(['tests: 1 passed, 0 failed, 1 skipped']);
    expect(result.code).toBe(0);
  });

  it('counts a file that fails to load, a failing hook and an unhandled error as failures', async () => {
    const result = await run();
    expect(summary(result.stdout)).toEqual([
      "failed outside a test: fails-to-load.test.ts: ENOENT: no such file or directory, open '/nonexistent/corpus/case.yaml'",
      'failed outside a test: hook.test.ts > group: setup broke',
      'failed outside a test: unhandled error: late error',
      'tests: 3 passed, 3 failed, 2 skipped',
    ]);
    expect(result.code).toBe(1);
  });
});
