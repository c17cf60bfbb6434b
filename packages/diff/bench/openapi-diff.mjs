// OpenAPI diff benchmark: our `diffOpenApi` against `api-smart-diff` on two published versions of GitHub's
// REST API description (`@octokit/openapi`, generated/api.github.com.json, ~12 MB of JSON each).
// The packages are fetched with `npm pack` into a temporary directory (kept there between runs, never committed).
// Both sides are timed from the file text: parse both documents, then diff. Goal: <= 1.5 s and faster than the peer.
//
//   node packages/diff/bench/openapi-diff.mjs            (after `pnpm --filter @pacto/diff build`)
//   OCTOKIT_OLD=22.0.0 OCTOKIT_NEW=23.0.2 RUNS=5 PEER_RUNS=3 node packages/diff/bench/openapi-diff.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const OLD = process.env.OCTOKIT_OLD ?? '22.0.0';
const NEW = process.env.OCTOKIT_NEW ?? '23.0.2';
const RUNS = Number(process.env.RUNS ?? 3);
// api-smart-diff needs ~30 s per run on this pair: one timed run after the warm-up unless PEER_RUNS says more.
const PEER_RUNS = Number(process.env.PEER_RUNS ?? 1);
const GOAL_MS = 1500;
const cacheDir = join(tmpdir(), 'pacto-bench-octokit');

function description(version) {
  const dir = join(cacheDir, version);
  const file = join(dir, 'package', 'generated', 'api.github.com.json');
  if (existsSync(file)) return readFileSync(file, 'utf8');
  mkdirSync(dir, { recursive: true });
  execFileSync('npm', ['pack', `@octokit/openapi@${version}`, '--silent'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
  execFileSync('tar', ['xzf', tarball, 'package/generated/api.github.com.json'], { cwd: dir });
  return readFileSync(file, 'utf8');
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(label, run, runs = RUNS) {
  run(); // warm-up: JIT, and the first parse of 12 MB strings
  const samples = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = run();
    samples.push(performance.now() - start);
  }
  return { label, ms: median(samples), result };
}

const ours = await import('../dist/index.js').catch(() => {
  throw new Error('packages/diff/dist is missing: run `pnpm --filter @pacto/diff build` (pnpm bench builds first)');
});
const { apiDiff } = await import('api-smart-diff');

const oldText = description(OLD);
const newText = description(NEW);
console.log(`@octokit/openapi ${OLD} -> ${NEW}: ${(oldText.length / 1e6).toFixed(1)} MB -> ${(newText.length / 1e6).toFixed(1)} MB; median of ${RUNS} runs (peer: ${PEER_RUNS}) after a warm-up`);

const pacto = time('@pacto/diff diffOpenApi', () => ours.diffOpenApi(ours.parseDocument(oldText), ours.parseDocument(newText)));
const peer = time('api-smart-diff apiDiff', () => apiDiff(JSON.parse(oldText), JSON.parse(newText)), PEER_RUNS);

const byClass = {};
for (const change of pacto.result) byClass[change.classification] = (byClass[change.classification] ?? 0) + 1;
const rows = [
  [pacto.label, `${pacto.ms.toFixed(0)} ms`, `${pacto.result.length} changes (${Object.entries(byClass).map(([k, v]) => `${v} ${k}`).join(', ')})`],
  [peer.label, `${peer.ms.toFixed(0)} ms`, `${peer.result.length} diffs`],
];
for (const [label, ms, note] of rows) console.log(`  ${label.padEnd(26)} ${ms.padStart(9)}   ${note}`);
console.log(`  goal: <= ${GOAL_MS} ms and faster than api-smart-diff -> ${pacto.ms <= GOAL_MS ? 'met' : 'missed'} / ${pacto.ms < peer.ms ? `${(peer.ms / pacto.ms).toFixed(1)}x faster` : 'slower'}`);
