import { defineConfig } from 'vitest/config';

// One vitest project per package (and per example plugin); each one's vitest.config.ts names it.
export default defineConfig({
  test: {
    projects: ['packages/*', 'examples/plugins/*/vitest.config.ts'],
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
