// Bundles an example plugin into one executable file, dist/pacto-plugin-<name>.mjs (the package's bin).
// Run from the plugin's directory: `node ../build-plugin.mjs`.
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const dir = process.cwd();
const { bin } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const [file] = Object.values(bin);
const outfile = join(dir, file);
rmSync(join(dir, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: [join(dir, 'src/plugin.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  // Workspace packages from their sources, like the CLI's build.
  conditions: ['@pacto/source'],
  // CommonJS dependencies call require() and read __filename/__dirname; an ESM bundle has to provide them.
  banner: {
    js: [
      "import { createRequire as __pactoCreateRequire } from 'node:module';",
      "import { fileURLToPath as __pactoFileURLToPath } from 'node:url';",
      'const require = __pactoCreateRequire(import.meta.url);',
      'const __filename = __pactoFileURLToPath(import.meta.url);',
      "const __dirname = __pactoFileURLToPath(new URL('.', import.meta.url));",
    ].join('\n'),
  },
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
