import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@pacto/source'] },
  ssr: { resolve: { conditions: ['@pacto/source'] } },
  test: { name: 'lock', include: ['test/**/*.test.ts', 'src/**/*.test.ts'] },
});
