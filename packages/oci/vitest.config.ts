import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@pacto/source'] },
  ssr: { resolve: { conditions: ['@pacto/source'] } },
  test: {
    name: 'oci',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['./test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
