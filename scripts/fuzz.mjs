// Fuzzes contract reading in-process and through the CLI (issue 14): mutates the project's own contracts
// (examples/, test fixtures, the hostile 1 MB contracts) and reports untyped throws, hangs, slow cases and heap
// growth. Bounded by count and time:
//   node scripts/fuzz.mjs [--count 20000] [--seconds 60] [--cli 100] [--seed 1] [--hang-ms 5000] [--out dir]
// Cases that throw untyped errors, hang, or make the CLI misbehave are written to --out (default
// test-output/fuzz) to reproduce. Exit code 1 when any was found. Needs `pnpm build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { hostileContracts } from './fuzz/hostile-contracts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '60' },
    cli: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    'hang-ms': { type: 'string', default: '5000' },
    'slow-ms': { type: 'string', default: '1000' },
    out: { type: 'string', default: join(root, 'test-output', 'fuzz') },
  },
});
const COUNT = Number(values.count);
const DEADLINE = Date.now() + Number(values.seconds) * 1000;
const HANG_MS = Number(values['hang-ms']);
const SLOW_MS = Number(values['slow-ms']);

// ---- seeds: the project's own contracts --------------------------------------------------------------------
function contractsUnder(dir, found = []) {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) contractsUnder(path, found);
    else if (entry.name === 'pacto.yaml' || (path.includes(`${join('test', 'fixtures')}`) && /\.ya?ml$/.test(entry.name))) found.push(path);
  }
  return found;
}
const seedFiles = [...contractsUnder(join(root, 'examples')), ...readdirSync(join(root, 'packages')).flatMap((p) => contractsUnder(join(root, 'packages', p, 'test')))];
const seeds = seedFiles.map((file) => readFileSync(file, 'utf8')).filter((text) => text.length < 200_000);

// ---- mutations (deterministic from --seed) -----------------------------------------------------------------
let state = Number(values.seed) >>> 0 || 1;
function random() {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const HOSTILE_VALUES = [
  '', '~', 'null', '.nan', '-.inf', '0x1F', '1e400', '-0', '18446744073709551616', '"', "'", '\\', '\t', '\u0000', '\uFFFD', '😀',
  '!!binary AAAA', '!custom x', '&a x', '*a', '*undefined', '<<: *a', '{', '[', '}', ']', '? x', '- - -', '|', '>-', '%YAML 1.1',
  '1 - 2 - 3', '>=1,,<2', '^1 || ~2 || 1.x - 3', 'oci://', 'oci://r.io/x@sha256:zz', 'file://../../etc/passwd', '../x', '/abs', '.',
  'a'.repeat(5000), '1-'.repeat(3000), '1 - '.repeat(2000), '['.repeat(3000), '{a: '.repeat(500), '- '.repeat(2000), '2024-02-30',
];
const MUTATIONS = [
  (t) => { const i = Math.floor(random() * t.length); return t.slice(0, i) + t.slice(i + 1 + Math.floor(random() * 8)); },
  (t) => { const i = Math.floor(random() * t.length); return t.slice(0, i) + String.fromCharCode(Math.floor(random() * 128)) + t.slice(i); },
  (t) => { const i = Math.floor(random() * t.length); const j = Math.floor(random() * t.length); return t.slice(0, i) + t.slice(j, j + 40) + t.slice(i); },
  (t) => t.slice(0, Math.floor(random() * t.length)),
  (t) => { const lines = t.split('\n'); const i = Math.floor(random() * lines.length); lines.splice(i, 0, lines[Math.floor(random() * lines.length)]); return lines.join('\n'); },
  (t) => { const lines = t.split('\n'); lines.splice(Math.floor(random() * lines.length), 1); return lines.join('\n'); },
  (t) => { const lines = t.split('\n'); const i = Math.floor(random() * lines.length); lines[i] = (random() < 0.5 ? ' ' : '') + lines[i].replace(/^ {2}/, ''); return lines.join('\n'); },
  // Replace one scalar value (after `key: ` or `- `) with a hostile one, quoted or not.
  (t) => {
    const lines = t.split('\n');
    const candidates = lines.map((line, i) => (/^\s*(-\s+)?[\w.-]+:\s+\S/.test(line) ? i : -1)).filter((i) => i >= 0);
    if (candidates.length === 0) return t;
    const i = pick(candidates);
    const value = pick(HOSTILE_VALUES);
    const text = random() < 0.5 ? JSON.stringify(value) : value;
    lines[i] = lines[i].replace(/^(\s*(?:-\s+)?[\w.-]+:\s+).*$/, (_m, head) => head + text);
    return lines.join('\n');
  },
];
function mutate(text) {
  let out = text;
  for (let n = 1 + Math.floor(random() * 3); n > 0; n--) out = pick(MUTATIONS)(out);
  return out;
}

// ---- in-process campaign with a watchdog ---------------------------------------------------------------------
mkdirSync(values.out, { recursive: true });
const counts = { cases: 0, validate: 0, diff: 0, ok: 0, typedThrows: 0, untypedThrows: 0, badFindings: 0, hangs: 0, slow: 0 };
const examples = new Map();
let slowest = { cpuMs: 0, ms: 0 };
let saved = 0;
function save(kind, text, detail) {
  if (saved >= 50) return;
  const file = join(values.out, `${kind}-${++saved}.yaml`);
  writeFileSync(file, `# ${detail}\n${text}`);
  if (!examples.has(kind)) examples.set(kind, `${detail} (${file})`);
}

function startWorker() {
  const worker = new Worker(new URL('./fuzz/fuzz-worker.mjs', import.meta.url), { workerData: { root } });
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve(worker));
    worker.once('error', reject);
  });
}
// A hang is a case that used more than --hang-ms of CPU (the process's, which is the worker's while the parent
// waits). On a shared machine wall time is no measure: a 1 s case took over 5 s of wall time at a load of 9 on
// 2 cores. A case still running after 20 times --hang-ms of wall time counts as a hang whatever its CPU time.
const cpuMs = (since) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
function run(worker, job) {
  return new Promise((resolve) => {
    const cpuStart = process.cpuUsage();
    const wallStart = Date.now();
    const timer = setInterval(() => {
      if (cpuMs(cpuStart) > HANG_MS || Date.now() - wallStart > HANG_MS * 20) {
        clearInterval(timer);
        worker.removeAllListeners('message');
        resolve({ outcome: 'hang', cpuMs: cpuMs(cpuStart) });
      }
    }, 100);
    worker.once('message', (reply) => {
      clearInterval(timer);
      resolve({ ...reply, cpuMs: cpuMs(cpuStart) });
    });
    worker.postMessage(job);
  });
}
const heapOf = async (worker) => (await run(worker, { kind: 'heap' })).heap;

let worker = await startWorker();
// Warm-up, then the baseline heap: growth beyond it over the campaign would be a leak (e.g. an unbounded cache).
for (const text of seeds) await run(worker, { kind: 'validate', text });
const heapStart = await heapOf(worker);
const hostile = Object.values(hostileContracts());
const started = Date.now();
while (counts.cases < COUNT && Date.now() < DEADLINE) {
  const base = pick(seeds);
  const kind = random() < 0.25 ? 'diff' : 'validate';
  const text = counts.cases % 500 === 499 ? pick(hostile) : mutate(base);
  const job = kind === 'diff' ? { kind, old: base, text } : { kind, text };
  const reply = await run(worker, job);
  counts.cases++;
  counts[kind]++;
  if (reply.cpuMs > slowest.cpuMs) slowest = { cpuMs: reply.cpuMs, ms: reply.ms, size: text.length };
  if (reply.cpuMs > SLOW_MS) counts.slow++;
  if (reply.outcome === 'hang') {
    counts.hangs++;
    save('hang', text, `${kind} did not finish within ${HANG_MS} ms of CPU time`);
    await worker.terminate();
    worker = await startWorker();
  } else if (reply.outcome === 'untyped-throw') {
    counts.untypedThrows++;
    save('untyped', text, `${kind}: ${reply.detail}`);
  } else if (reply.outcome === 'bad-finding') {
    counts.badFindings++;
    save('finding', text, reply.detail);
  } else if (reply.outcome === 'typed-throw') counts.typedThrows++;
  else counts.ok++;
}
const heapEnd = await heapOf(worker);
await worker.terminate();
const seconds = (Date.now() - started) / 1000;

// ---- through the CLI: exit codes, one-line errors, nothing from Node on stderr ---------------------------------
const cli = { runs: 0, unexpected: 0, nodeWarnings: 0, stackTraces: 0, badExit: 0 };
const pacto = join(root, 'packages', 'cli', 'dist', 'pacto.js');
const work = mkdtempSync(join(tmpdir(), 'pacto-fuzz-'));
try {
  for (let i = 0; i < Number(values.cli) && Date.now() < DEADLINE + 60_000; i++) {
    const text = mutate(pick(seeds));
    const dir = join(work, String(i));
    mkdirSync(dir);
    writeFileSync(join(dir, 'pacto.yaml'), text);
    const args = random() < 0.5 ? ['validate', dir] : ['validate', dir, '--output-format', 'json'];
    const result = spawnSync(process.execPath, [pacto, ...args], { encoding: 'utf8', timeout: HANG_MS * 4, env: { ...process.env, PACTO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' } });
    cli.runs++;
    const problem =
      result.status !== 0 && result.status !== 1 ? ((cli.badExit++), `exit ${result.status ?? result.signal}`)
      : result.stderr.includes('unexpected error') ? ((cli.unexpected++), 'unexpected error')
      : /\(node:\d+\)/.test(result.stderr) ? ((cli.nodeWarnings++), 'Node warning on stderr')
      : /\n\s+at .+:\d+:\d+\)?\n/.test(result.stderr) ? ((cli.stackTraces++), 'stack trace')
      : undefined;
    if (problem) save('cli', text, `pacto ${args.join(' ')}: ${problem}: ${result.stderr.split('\n').slice(-3).join(' | ')}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
console.log(`seeds: ${seeds.length} contracts from examples/ and test fixtures, plus ${hostile.length} hostile 1 MB contracts; seed ${values.seed}`);
console.log(`in-process: ${counts.cases} cases in ${seconds.toFixed(0)} s (${counts.validate} validate, ${counts.diff} diff pairs), ${(counts.cases / seconds).toFixed(0)}/s`);
console.log(`  untyped throws: ${counts.untypedThrows}   hangs (> ${HANG_MS} ms of CPU): ${counts.hangs}   typed diff refusals: ${counts.typedThrows}`);
console.log(`  findings with line breaks in the message: ${counts.badFindings} (every message is one line)`);
console.log(`  slow (> ${SLOW_MS} ms of CPU): ${counts.slow}   slowest: ${slowest.cpuMs.toFixed(0)} ms of CPU, ${slowest.ms.toFixed(0)} ms of wall time (${slowest.size ?? 0} chars)`);
console.log(`  heap after warm-up ${mb(heapStart)}, after the campaign ${mb(heapEnd)}: growth ${mb(heapEnd - heapStart)}`);
console.log(`CLI: ${cli.runs} runs; exit not 0/1: ${cli.badExit}   unexpected errors: ${cli.unexpected}   Node warnings: ${cli.nodeWarnings}   stack traces: ${cli.stackTraces}`);
for (const [kind, example] of examples) console.log(`  first ${kind}: ${example}`);
const found = counts.untypedThrows + counts.hangs + counts.badFindings + cli.badExit + cli.unexpected + cli.nodeWarnings + cli.stackTraces;
process.exitCode = found > 0 ? 1 : 0;
