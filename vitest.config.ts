import { defineConfig } from 'vitest/config';

// One vitest project per package and per example plugin (each one's vitest.config.ts names it), and
// `repo` (test/) for the repository as a whole. The external conformance corpus is not part of this
// run: `pnpm test:conformance`.
export default defineConfig({
  test: {
    projects: ['packages/*', 'examples/plugins/*/vitest.config.ts', 'test'],
    reporters: ['default', './scripts/summary-reporter.ts'],
    globalSetup: ['./scripts/test-cache-home.ts'],
  },
});
