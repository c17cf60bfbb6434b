// Measures parseContract on a ~60-line contract: fast reader vs complete reader.
// Usage: pnpm --filter @pacto/schema build && node scripts/bench-parse.mjs [file]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseContract } from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? join(here, '..', 'test', 'fixtures', 'bench-contract.yaml');
const text = readFileSync(file, 'utf8');

function measure(label, fn) {
  for (let i = 0; i < 2000; i++) fn();
  // Wall time suffers when other processes share the CPU; process CPU time much less so. Report both.
  const wall = [];
  const cpu = [];
  for (let r = 0; r < 5; r++) {
    const n = 5000;
    const start = process.hrtime.bigint();
    const usage = process.cpuUsage();
    for (let i = 0; i < n; i++) fn();
    const used = process.cpuUsage(usage);
    wall.push(Number(process.hrtime.bigint() - start) / 1e3 / n);
    cpu.push((used.user + used.system) / n);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  process.stdout.write(`${label}: ${wall[2].toFixed(1)} µs wall, ${cpu[2].toFixed(1)} µs CPU per parse (median of 5 x 5000; best ${cpu[0].toFixed(1)} µs CPU)\n`);
}

process.stdout.write(`${file}: ${text.split('\n').length} lines\n`);
if (!parseContract(text, 'pacto.yaml').ok) throw new Error('benchmark contract does not parse');
measure('parseContract (fast reader)', () => parseContract(text, 'pacto.yaml'));
measure('parseContract (complete reader)', () => parseContract(text, 'pacto.yaml', { fast: false }));
