import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from './examples.js';
import { freePort, servePacto, type ServingPacto } from './serve-process.js';

// Debian's chromium, installed by scripts/setup.sh; these flags let it run as root in CI
// without a sandbox and without reaching the network.
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const OUTPUT_DIR = fileURLToPath(new URL('../../../../test-output/', import.meta.url));

describe('pacto doc --serve in a browser', () => {
  let server: ServingPacto;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    server = await servePacto(['doc', join(EXAMPLES_DIR, 'postgresql'), '--serve', '--port', String(port)]);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    // Stopped by PID: the server must exit 0 on SIGTERM.
    if (server) expect(await server.stop('SIGTERM')).toBe(0);
  });

  it('shows the title, the interface table and the drawn architecture diagram without console errors or outside requests', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => requests.push(request.url()));

    const response = await page.goto(server.url, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe('postgresql');
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('postgresql');

    const interfaces = page.locator('h2[id="2-interfaces"] + table');
    expect(await interfaces.locator('thead th').allTextContents()).toEqual(['Name', 'Type', 'Port', 'Visibility']);
    expect(await interfaces.locator('tbody tr').first().locator('td').allTextContents()).toEqual(['exporter', 'http', '9187', 'internal']);
    expect(await interfaces.locator('tbody tr').count()).toBe(2);

    // The table of contents links to heading ids that exist.
    const href = await page.locator('a[href="#21-http-interface-exporter"]').getAttribute('href');
    expect(await page.locator(`[id="${href!.slice(1)}"]`).count()).toBe(1);

    // The architecture diagram is drawn by the Mermaid build the server serves itself: an SVG with the service.
    const diagram = page.locator('pre.mermaid svg');
    await diagram.waitFor({ state: 'attached', timeout: 30_000 });
    expect(await diagram.count()).toBe(1);
    expect(await page.locator('pre.mermaid').getAttribute('data-processed')).toBe('true');
    expect(await diagram.locator('g.node').count()).toBeGreaterThan(1);
    expect(await diagram.textContent()).toContain('postgresql');

    // Nothing shows markup as text; evidence URLs are links; links to the project go to this project.
    expect(await page.locator('body').innerText()).not.toContain('<br/>');
    const evidence = page.locator('a[href="https://wiki.example.com/data/postgresql/runbook"]');
    expect(await evidence.count()).toBe(1);
    expect(await evidence.textContent()).toBe('https://wiki.example.com/data/postgresql/runbook');
    const hrefs = await page.locator('a[href^="http"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => /trianalab/i.test(href))).toEqual([]);
    expect(hrefs).toContain('https://github.com/pacto-ts/pacto');

    mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: join(OUTPUT_DIR, 'doc-postgresql.png'), fullPage: true });

    expect(problems).toEqual([]);
    // Every request, the Mermaid build included, went to the local server.
    expect(requests.length).toBeGreaterThanOrEqual(3);
    expect(requests.filter((url) => new URL(url).hostname !== '127.0.0.1')).toEqual([]);
    expect(requests).toContain(`${server.url}/_pacto/mermaid.min.js`);
    await page.close();
  }, 60_000);
});
