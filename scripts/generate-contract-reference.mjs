// Writes docs/contract-reference.md (1.0/1.1) and docs/contract-reference-2.0.md from the zod models (through
// @pacto/render's renderContractReference). `--check` exits 1 when a committed file is stale instead.
// Needs the packages built (`pnpm build`); the render test suite runs the same check.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderContractReference } from '../packages/render/dist/index.js';

const pages = [
  ['docs/contract-reference.md', renderContractReference('1.x')],
  ['docs/contract-reference-2.0.md', renderContractReference('2.0')],
];

let stale = 0;
for (const [file, expected] of pages) {
  const target = new URL(`../${file}`, import.meta.url);
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // A missing file is simply stale.
    }
    if (current !== expected) {
      console.error(`${file} is stale: run \`node scripts/generate-contract-reference.mjs\``);
      stale++;
    } else console.error(`${file} is up to date`);
  } else {
    writeFileSync(target, expected);
    console.error(`Wrote ${file}`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
