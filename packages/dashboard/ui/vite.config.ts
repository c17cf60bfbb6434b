import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The web app of @pacto/dashboard, built into dist/ui and shipped in the package: nothing is fetched from the
// network at run time. Relative asset URLs let the exported site live under any path (GitHub Pages).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  resolve: {
    // The workspace libraries are bundled from their TypeScript sources (the same condition the CLI uses).
    conditions: ['@pacto/source', 'module', 'browser', 'development|production'],
  },
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/ui', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The playground bundles the validators and cytoscape draws the graph; both load only on their pages.
    chunkSizeWarningLimit: 1500,
  },
});
