import { defineProject } from 'vitest/config';

// Tests of the repository as a whole: the test tooling, the conformance runner, the published packages.
export default defineProject({
  test: {
    name: 'repo',
    include: ['*.test.ts'],
    testTimeout: 120_000,
  },
});
