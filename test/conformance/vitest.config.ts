import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `pnpm test:conformance [dir]` (through run.mjs, which sets PACTO_CONFORMANCE_DIR): the external corpus
// against the built packages and CLI, as users get them. Not part of `pnpm test`.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'conformance',
    include: ['test/conformance/corpus.test.ts'],
    reporters: ['default', './test/conformance/reporter.ts', './scripts/summary-reporter.ts'],
    testTimeout: 30_000,
  },
});
