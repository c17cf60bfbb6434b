// `pnpm bench dashboard`: `pacto dashboard` over a generated fleet of 1,000 services (two versions each, with
// dependencies) in a local docker-registry. Measures the time until /api/services is complete from a cold
// start (empty bundle cache: everything from the registry), its p95 once warm, the first paint of the service
// list and of the graph in Chromium, and the server's memory.
// Run after `pnpm build`: node packages/dashboard/bench/dashboard.mjs
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OciClient } from '@pacto/oci';
import { chromium } from 'playwright-core';
import { summarize, table } from '../../../scripts/bench/stats.mjs';
import { freePort, startRegistry } from '../../../scripts/bench/registry.mjs';
import { planFleet, pushFleet } from '../test/support/fleet.mjs';

const COUNT = Number(process.env.PACTO_BENCH_DASHBOARD_SERVICES ?? 1000);
const WARM_REQUESTS = 200;
const PAINTS = 5;
const PACTO = fileURLToPath(new URL('../../cli/dist/pacto.js', import.meta.url));
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const now = () => performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function getJson(url) {
  const response = await fetch(url);
  return response.json();
}

async function startDashboard(repositories, workDir) {
  const port = await freePort();
  const localDir = join(workDir, 'local');
  mkdirSync(localDir, { recursive: true });
  const child = spawn(process.execPath, [PACTO, 'dashboard', localDir, '--port', String(port)], {
    env: { ...process.env, PACTO_NO_UPDATE_CHECK: '1', PACTO_CACHE_DIR: join(workDir, 'cache'), PACTO_DASHBOARD_REPO: repositories.join(',') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  while (!/running at (http:\/\/\S+)/.test(stderr)) {
    if (child.exitCode !== null) throw new Error(`pacto dashboard exited: ${stderr}`);
    await sleep(20);
  }
  return { child, url: /running at (http:\/\/\S+)/.exec(stderr)[1] };
}

const workDir = mkdtempSync(join(tmpdir(), 'pacto-bench-dashboard-'));
const registry = await startRegistry(workDir);
let dashboard;
let browser;
try {
  const plan = planFleet({ registry: registry.host, prefix: 'bench', count: COUNT, versions: 2 });
  const pushStart = now();
  const client = new OciClient({ cacheDir: null, env: {} });
  await pushFleet(plan, client, { concurrency: 16 });
  await client.close();
  const pushSeconds = (now() - pushStart) / 1000;

  // Cold: an empty cache, so every tag list and bundle comes from the registry.
  const coldStart = now();
  dashboard = await startDashboard(plan.map((service) => `oci://${service.repository}`), workDir);
  const listening = now() - coldStart;
  let services = [];
  for (;;) {
    const sources = await getJson(`${dashboard.url}/api/sources`);
    if (!sources.discovering) {
      services = await getJson(`${dashboard.url}/api/services`);
      if (services.length >= COUNT) break;
    }
    await sleep(50);
  }
  const cold = now() - coldStart;
  // The latest step of every history is classified after discovery (one more pull each); warm figures are
  // taken once that settled: three identical answers in a row.
  for (let same = 0, last = ''; same < 3; ) {
    await sleep(1000);
    const body = await (await fetch(`${dashboard.url}/api/services`)).text();
    same = body === last ? same + 1 : 0;
    last = body;
  }
  const settled = now() - coldStart;

  // Warm: the same request again and again.
  const timed = async (path) => {
    const samples = [];
    for (let i = 0; i < WARM_REQUESTS; i++) {
      const start = now();
      const response = await fetch(`${dashboard.url}${path}`);
      await response.arrayBuffer();
      samples.push(now() - start);
    }
    const sorted = samples.sort((a, b) => a - b);
    return { ...summarize(samples), p95: sorted[Math.floor(0.95 * sorted.length)] };
  };
  const warmServices = await timed('/api/services');
  const warmGraph = await timed('/api/graph');

  // First paint in Chromium: from navigation to the full list / the laid-out graph.
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const paint = async (hash, ready) => {
    const samples = [];
    for (let i = 0; i < PAINTS; i++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const start = now();
      await page.goto(`${dashboard.url}/${hash}`);
      await page.waitForFunction(ready, COUNT, { timeout: 60_000, polling: 'raf' });
      samples.push(now() - start);
      await page.close();
    }
    return summarize(samples);
  };
  const listPaint = await paint('#/services', (count) => document.querySelectorAll('[data-testid="service-row"]').length >= count);
  const graphPaint = await paint('#/graph', () => document.querySelector('[data-testid="graph"]')?.getAttribute('data-ready') === 'true');

  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${dashboard.child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  const graph = await getJson(`${dashboard.url}/api/graph`);
  console.log(`${services.length} services, ${graph.edges.length} edges, ${plan.length * 2} versions in the registry (pushed in ${pushSeconds.toFixed(1)} s)`);
  console.log(
    table([
      ['measure', 'value', 'goal'],
      ['listening (detect sources, start the server)', `${listening.toFixed(0)} ms`, ''],
      ['cold: first complete /api/services, from the registry', `${(cold / 1000).toFixed(2)} s`, ''],
      ['cold: latest steps of all histories classified too', `${(settled / 1000).toFixed(2)} s`, ''],
      ['warm /api/services p50 / p95', `${warmServices.median.toFixed(1)} / ${warmServices.p95.toFixed(1)} ms`, 'p95 < 50 ms'],
      ['warm /api/graph p50 / p95', `${warmGraph.median.toFixed(1)} / ${warmGraph.p95.toFixed(1)} ms`, ''],
      [`first paint, service list (median of ${PAINTS})`, `${listPaint.median.toFixed(0)} ms (p90 ${listPaint.p90.toFixed(0)})`, '< 2000 ms'],
      [`first paint, graph (median of ${PAINTS})`, `${graphPaint.median.toFixed(0)} ms (p90 ${graphPaint.p90.toFixed(0)})`, '< 2000 ms'],
      ['server RSS after the above', `${rss.toFixed(0)} MB`, ''],
    ]),
  );
} finally {
  await browser?.close();
  if (dashboard?.child.exitCode === null) {
    // Wait for it to exit: it may still be writing to the cache directory removed below.
    const exited = new Promise((resolve) => dashboard.child.once('exit', resolve));
    process.kill(dashboard.child.pid, 'SIGTERM');
    await exited;
  }
  if (registry.child.exitCode === null) process.kill(registry.child.pid, 'SIGKILL');
  rmSync(workDir, { recursive: true, force: true });
}
