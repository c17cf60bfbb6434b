import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@pacto/source'] },
  ssr: { resolve: { conditions: ['@pacto/source'] } },
  test: {
    name: 'cli',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Real docker-registry processes for the oci:// commands (started once per run by the OCI package's setup).
    globalSetup: ['../oci/test/support/global-setup.ts'],
  },
});
