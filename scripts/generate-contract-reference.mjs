// Writes docs/contract-reference.md from the zod model (through @pacto/render's
// renderContractReference). `--check` exits 1 when the committed file is stale instead.
// Needs the packages built (`pnpm build`); the render test suite runs the same check.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderContractReference } from '../packages/render/dist/index.js';

const target = new URL('../docs/contract-reference.md', import.meta.url);
const expected = renderContractReference();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is simply stale.
  }
  if (current !== expected) {
    console.error('docs/contract-reference.md is stale: run `node scripts/generate-contract-reference.mjs`');
    process.exit(1);
  }
  console.error('docs/contract-reference.md is up to date');
} else {
  writeFileSync(target, expected);
  console.error('Wrote docs/contract-reference.md');
}
