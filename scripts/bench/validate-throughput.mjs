// Full validations per second (parse included, local policy mode, in-process) over the examples and
// the suite's own contract cases repeated to 1,000 contracts, next to the `yaml` package's own
// parseDocument rate on the same texts — the cost a naive parse path would put on every contract.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { table } from './stats.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const requireFromSchema = createRequire(`${root}/packages/schema/package.json`);
const { parseDocument } = requireFromSchema('yaml');
const { loadBundleDir } = await import(`${root}/packages/bundle/dist/index.js`);
const { validateContract } = await import(`${root}/packages/validate/dist/index.js`);

const cases = `${root}/packages/validate/test/fixtures/cases`;
const dirs = [
  ...readdirSync(`${root}/examples`, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(`${root}/examples/${entry.name}/pacto.yaml`))
    .map((entry) => `${root}/examples/${entry.name}`),
  ...['valid', 'invalid', 'future'].flatMap((group) => readdirSync(`${cases}/${group}`).sort().map((name) => `${cases}/${group}/${name}`)),
];
const bundles = await Promise.all(dirs.map((dir) => loadBundleDir(dir)));
const TOTAL = 1000;
const work = Array.from({ length: TOTAL }, (_, i) => bundles[i % bundles.length]);

async function rate(fn, rounds = 5) {
  const rates = [];
  for (let r = 0; r < rounds; r += 1) {
    const start = process.hrtime.bigint();
    for (const bundle of work) await fn(bundle);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rates.push(TOTAL / seconds);
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)];
}

await rate((b) => validateContract(b), 1); // warm-up: JIT, compiled user schemas
const ours = await rate((b) => validateContract(b));
const yamlOnly = await rate((b) => parseDocument(b.text, { uniqueKeys: true }));
console.log(`${bundles.length} example and case bundles repeated to ${TOTAL} contracts, median of 5 rounds`);
console.log(
  table([
    ['measure', 'per second', 'µs each', 'goal'],
    ['validateContract (parse + L1-L4)', ours.toFixed(0), (1e6 / ours).toFixed(1), '>= 5,000/s'],
    ['yaml.parseDocument alone (reference)', yamlOnly.toFixed(0), (1e6 / yamlOnly).toFixed(1), ''],
  ]),
);
