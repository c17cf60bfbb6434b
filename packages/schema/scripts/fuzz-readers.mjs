// Longer run of the reader-equality check in test/yaml-readers.test.ts: mutates the example and case contracts and the
// flow/block fixture at random and reports any text the fast reader reads differently from the complete one.
// Usage: pnpm --filter @pacto/schema build && node scripts/fuzz-readers.mjs [seed] [rounds]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { readYamlFast } from '../dist/parse/yaml-fast.js';
import { readYamlFull } from '../dist/parse/yaml-full.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
// The examples and the suite's own contract cases (nothing outside the repository).
const cases = join(repo, 'packages', 'validate', 'test', 'fixtures', 'cases');
const files = [
  ...readdirSync(join(repo, 'examples'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(repo, 'examples', entry.name, 'pacto.yaml'))
    .filter((file) => existsSync(file)),
  ...['valid', 'invalid', 'future'].flatMap((group) => readdirSync(join(cases, group)).map((name) => join(cases, group, name, 'pacto.yaml'))),
];
const fixtures = ['flow-and-quotes.yaml', 'anchors.yaml'].map((name) => join(here, '..', 'test', 'fixtures', name));
const texts = [...fixtures, ...files].map((file) => readFileSync(file, 'utf8'));

let seed = Number(process.argv[2] ?? 7) >>> 0 || 1;
const rounds = Number(process.argv[3] ?? 30000);
const random = (n) => {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed % n;
};
const CHARS = [':', ' ', '-', '#', '"', "'", '[', ']', '{', '}', ',', 'x', '&', '*', '!', '?', '|', '>', '\\', '0', '.', '~', '\n', '  ', '+', '&a ', '*a', '*item'];
const plain = (node) => JSON.parse(JSON.stringify(node));

let fast = 0;
let different = 0;
for (let round = 0; round < rounds; round++) {
  const lines = texts[random(texts.length)].split('\n');
  for (let edits = 1 + random(3); edits > 0; edits--) {
    const at = random(lines.length);
    const line = lines[at];
    const col = random(line.length + 1);
    switch (random(5)) {
      case 0: lines[at] = ' '.repeat(1 + random(2)) + line; break;
      case 1: lines[at] = line.replace(/^ {1,2}/, ''); break;
      case 2: lines[at] = line.slice(0, col) + CHARS[random(CHARS.length)] + line.slice(col); break;
      case 3: lines[at] = line.slice(0, col) + line.slice(col + 1); break;
      default: lines.splice(at, 0, line);
    }
  }
  const text = lines.join('\n');
  const quick = readYamlFast(text);
  if (quick === undefined) continue;
  fast++;
  let full;
  try {
    full = readYamlFull(text);
  } catch (error) {
    full = { error: error.message };
  }
  const same = quick === 'empty' ? full === undefined : full?.root !== undefined && isDeepStrictEqual(plain(quick.root), plain(full.root));
  if (!same && different++ < 5) process.stdout.write(`DIFFERENT: ${JSON.stringify(text)}\n`);
}
process.stdout.write(`${rounds} mutations, ${fast} read by the fast reader, ${different} different\n`);
process.exitCode = different > 0 ? 1 : 0;
