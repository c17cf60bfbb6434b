import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FleetGraph, ServiceSummary, Sources } from '../src/api/model.js';
import { createFleet, tempDir, TYPO_LINE, type FleetFixture } from './support/fixture.js';
import { fleetContract, serviceName } from './support/fleet.mjs';
import { freePort, runPacto, serveDashboard, serveStatic } from './support/processes.js';
import type { ServingPacto } from '../../cli/test/doc/serve-process.js';

// Debian's chromium (scripts/setup.sh); these flags let it run as root in CI, without reaching the network.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOTS = fileURLToPath(new URL('../../../test-output/dashboard/', import.meta.url));

const { anonymousRegistry } = inject('registries');

let fleet: FleetFixture;
let browser: Browser;

beforeAll(async () => {
  [fleet, browser] = await Promise.all([createFleet(anonymousRegistry), chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })]);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** A page that records console errors, uncaught exceptions and every request it makes. */
async function watchedPage(base: string): Promise<{ page: Page; problems: string[]; outside: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems: string[] = [];
  const outside: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith('data:')) outside.push(request.url());
  });
  return { page, problems, outside };
}

const VALID = fleetContract({ name: 'playground', version: '1.0.0', owner: 'team', port: 8080, dependencies: [], workload: 'service', stateful: false, scaling: [1, 2] });

/**
 * The acceptance checks of issue 10, the same for the live dashboard and for the exported site: the list shows
 * every service, the graph draws every node and edge of /api/graph, the diff view shows the breaking change,
 * the playground reports a typo's position and a port change, and nothing logs an error.
 */
async function checkDashboard(mode: 'live' | 'export', base: string, services: ServiceSummary[], graph: FleetGraph): Promise<void> {
  const { page, problems, outside } = await watchedPage(base);
  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${mode}-${name}.png`), fullPage: false });

  // Overview: counts and what needs attention.
  await page.goto(`${base}/#/`);
  await expect.poll(() => page.getByTestId('count-services').locator('.value').textContent()).toBe(String(services.length));
  await expect.poll(() => page.getByTestId('attention-invalid').textContent()).toContain('broken');
  await expect.poll(() => page.getByTestId('attention-readiness').textContent()).toContain(serviceName(3));
  await expect.poll(() => page.getByTestId('attention-breaking').isVisible()).toBe(true);
  await shot('overview');

  // The list shows every service; filters narrow it and live in the URL.
  await page.goto(`${base}/#/services`);
  await expect.poll(() => page.getByTestId('service-row').count()).toBe(services.length);
  expect(await page.getByTestId('service-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name')))).toEqual(services.map((s) => s.name));
  await shot('services');
  await page.getByTestId('filter-validity').selectOption('invalid');
  await expect.poll(() => page.getByTestId('service-row').count()).toBe(services.filter((s) => !s.valid).length);
  expect(page.url()).toContain('validity=invalid');
  await page.getByTestId('search').fill(serviceName(7));
  await expect.poll(() => page.getByTestId('service-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')))).toEqual([serviceName(7)]);

  // The graph draws every node and every edge of /api/graph.
  await page.goto(`${base}/#/graph`);
  await page.locator('[data-testid="graph"][data-ready="true"]').waitFor();
  await page.getByTestId('graph-elements').waitFor({ state: 'attached' });
  const nodes = await page.getByTestId('graph-node').evaluateAll((items) => items.map((item) => `${item.getAttribute('data-id')} ${item.getAttribute('data-status')}`));
  expect(nodes.sort()).toEqual(graph.nodes.map((n) => `${n.id} ${n.status}`).sort());
  const edges = await page.getByTestId('graph-edge').evaluateAll((items) => items.map((i) => `${i.getAttribute('data-source')} -> ${i.getAttribute('data-target')} ${i.getAttribute('data-type')}`));
  expect(edges.sort()).toEqual(graph.edges.map((e) => `${e.source} -> ${e.target} ${e.type}`).sort());
  await shot('graph');

  // Click a node: its service page opens.
  const target = page.locator(`[data-testid="graph-node"][data-id="${serviceName(6)}"]`);
  const [x, y] = [Number(await target.getAttribute('data-x')), Number(await target.getAttribute('data-y'))];
  const box = (await page.getByTestId('graph').boundingBox())!;
  await page.mouse.click(box.x + x, box.y + y);
  await page.waitForURL(`**/#/services/${serviceName(6)}`);
  await page.getByTestId('service-page').waitFor();

  // The blast radius of a service lights up, the size the API computed.
  await page.goto(`${base}/#/graph?focus=${serviceName(6)}`);
  await expect.poll(() => page.getByTestId('blast-count').textContent()).toBe(`Blast radius: ${services.find((s) => s.name === serviceName(6))!.blastRadius} services`);
  await shot('graph-blast-radius');

  // The service page: version history with the breaking step, which links to the diff.
  await page.goto(`${base}/#/services/${serviceName(6)}`);
  await expect.poll(() => page.getByTestId('version-row').count()).toBe(3);
  expect(await page.getByTestId('scaling').textContent()).toMatch(/^1–\d+ replicas$/);
  expect(await page.locator('[data-testid="version-row"][data-version="2.0.0"]').getAttribute('class')).toBe('breaking');
  await shot('service');
  await page.locator('[data-testid="version-row"][data-version="2.0.0"] a').click();
  await page.waitForURL(/#\/diff\?/);

  // The diff view: the BREAKING change stands out.
  const result = page.getByTestId('diff-result');
  await expect.poll(() => result.getAttribute('data-classification')).toBe('BREAKING');
  const breakingRows = page.locator('tr.breaking[data-testid="change-row"]');
  expect(await breakingRows.count()).toBe(1);
  expect(await breakingRows.textContent()).toContain('interfaces.port');
  expect(await breakingRows.textContent()).toContain('9006');
  await shot('diff');

  // An invalid contract shows its findings with line:column.
  await page.goto(`${base}/#/services/broken`);
  await expect.poll(() => page.getByTestId('finding').first().textContent()).toContain(`${TYPO_LINE}:1`);

  // The playground: a typo's position, then a port change classified as breaking.
  await page.goto(`${base}/#/playground`);
  const editor = page.getByTestId('playground-editor');
  await editor.fill(VALID.replace('service:\n', 'servce:\n'));
  const typo = page.locator('[data-testid="finding"][data-line="3"][data-column="1"]');
  await typo.waitFor();
  expect(await typo.textContent()).toContain('3:1');
  await expect.poll(() => page.getByTestId('playground-status').textContent()).toContain('invalid');
  await editor.fill(VALID.replace('port: 8080', 'port: 9090'));
  await expect.poll(() => page.getByTestId('playground-status').textContent()).toContain('valid');
  await expect.poll(() => page.getByTestId('playground-explain').textContent()).toContain('port 9090');
  await page.getByTestId('playground-previous').fill(VALID);
  await expect.poll(() => page.getByTestId('diff-result').getAttribute('data-classification')).toBe('BREAKING');
  expect(await page.locator('tr.breaking').textContent()).toContain('interfaces.port');
  await shot('playground');

  // The sources page names every source and why it is on or off.
  await page.goto(`${base}/#/sources`);
  await expect.poll(() => page.getByTestId('source-row').count()).toBe(4);
  await shot('sources');

  expect(problems).toEqual([]);
  expect(outside).toEqual([]);
  await page.close();
}

/** Waits until `ready` is true (hooks cannot use expect.poll). */
async function until(ready: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the dashboard');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('pacto dashboard in a browser', () => {
  let server: ServingPacto;
  let services: ServiceSummary[];
  let graph: FleetGraph;

  beforeAll(async () => {
    server = await serveDashboard([fleet.localDir, ...fleet.repositories, '--port', String(await freePort())], { env: { PACTO_CACHE_DIR: fleet.cacheDir } });
    await until(async () => !((await (await fetch(`${server.url}/api/sources`)).json()) as Sources).discovering);
    // The overview lists breaking steps once the background classification is done.
    await until(async () => ((await (await fetch(`${server.url}/api/services`)).json()) as ServiceSummary[]).some((s) => s.latestStep?.classification === 'BREAKING'));
    services = (await (await fetch(`${server.url}/api/services`)).json()) as ServiceSummary[];
    graph = (await (await fetch(`${server.url}/api/graph`)).json()) as FleetGraph;
  }, 120_000);

  afterAll(async () => {
    // Stopped by PID: the server must exit 0 on SIGTERM.
    if (server) expect(await server.stop('SIGTERM')).toBe(0);
  });

  it('prints the sources it detected', () => {
    expect(server.stderr()).toContain(`Detected sources:\n  local: enabled (3 contracts in ${fleet.localDir})\n  oci: enabled (16 repositories)\n`);
    expect(server.stderr()).toMatch(/\nPacto Dashboard running at http:\/\/127\.0\.0\.1:\d+\nSources: local, oci\nPress Ctrl\+C to stop\n/);
  });

  it('shows the fleet: list, graph, diff, playground, without console errors', async () => {
    expect(services).toHaveLength(34);
    await checkDashboard('live', server.url, services, graph);
  }, 180_000);

  it('exports the same UI as a static site that works from a plain static server', async () => {
    const dir = join(tempDir(), 'site');
    const run = await runPacto(['dashboard', fleet.localDir, ...fleet.repositories, '--export', dir], { env: { PACTO_CACHE_DIR: fleet.cacheDir } });
    expect(run.stderr).toContain('Detected sources:');
    expect(run.stdout).toBe(`Exported 34 services to ${dir}\n`);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'data', 'services.json'), 'utf8'))).toHaveLength(34);
    const site = await serveStatic(dir);
    try {
      const exported = (await (await fetch(`${site.url}/data/services.json`)).json()) as ServiceSummary[];
      const exportedGraph = (await (await fetch(`${site.url}/data/graph.json`)).json()) as FleetGraph;
      expect(exported.map((s) => s.name)).toEqual(services.map((s) => s.name));
      await checkDashboard('export', site.url, exported, exportedGraph);
    } finally {
      await site.close();
    }
  }, 240_000);
});
