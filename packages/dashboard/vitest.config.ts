import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@pacto/source'] },
  ssr: { resolve: { conditions: ['@pacto/source'] } },
  test: {
    name: 'dashboard',
    include: ['test/**/*.test.ts'],
    // The fleet lives in real docker-registry processes (started once per run by the OCI package's setup).
    globalSetup: ['../oci/test/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
