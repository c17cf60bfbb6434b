// `pacto graph` and `pacto doc` over generated fleets: a chain 10,000 services deep and a root with 10,000
// direct dependencies (1,000 too), wall time and peak RSS of the CLI process. Needs `pnpm build`;
// PACTO_BENCH_BIN=<dist/pacto.js of another build> measures that build instead (before/after figures).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeChain, writeFan } from './fleet.mjs';
import { table } from './stats.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pacto = process.env.PACTO_BENCH_BIN ?? join(root, 'packages/cli/dist/pacto.js');
const rssProbe = join(root, 'scripts/bench/max-rss.mjs');
const work = mkdtempSync(join(tmpdir(), 'pacto-fleets-'));

/** One run of `pacto <args>`: seconds, peak RSS in MB (reported by the process itself), exit status. */
function measure(args) {
  const rssFile = join(work, 'rss');
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--import', rssProbe, pacto, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PACTO_NO_UPDATE_CHECK: '1', PACTO_BENCH_RSS_FILE: rssFile },
    maxBuffer: 1 << 20,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rss = Number(readFileSync(rssFile, 'utf8')) / 1024;
  return { seconds, rss, status: run.status, stderr: run.stderr.toString('utf8').trim().split('\n')[0] ?? '' };
}

try {
  const deep = writeChain(join(work, 'chain'), 10_000);
  const wide = writeFan(join(work, 'fan'), 10_001);
  const wide1k = writeFan(join(work, 'fan-1k'), 1_001);
  const rows = [['fleet', 'command', 'seconds', 'peak RSS MB', 'exit', 'reference']];
  const row = (fleet, label, args, reference) => {
    const m = measure(args);
    rows.push([fleet, label, m.seconds.toFixed(2), m.rss.toFixed(0), String(m.status), reference]);
    return m;
  };
  row('10,000 deep', 'graph --format dot', ['graph', deep, '--format', 'dot'], 'crashed before (stack overflow)');
  const tree = row('10,000 deep', 'graph (text tree)', ['graph', deep], 'exit 1: the depth limit, one line');
  row('10,000 wide', 'graph (text tree)', ['graph', wide], '8.4 s / 191 MB before');
  row('10,000 wide', 'graph --format json', ['graph', wide, '--format', 'json'], '');
  row('1,000 wide', 'graph (text tree)', ['graph', wide1k], '1.6 s before');
  row('10,000 deep', 'doc', ['doc', deep], '');
  console.log(`one run each; peak RSS of the pacto process; ${pacto.replace(root, '')}`);
  console.log(table(rows));
  console.log(`10,000 deep, text: ${tree.stderr}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
