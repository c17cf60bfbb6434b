import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboard, type Dashboard } from '../src/dashboard.js';
import { hostPolicy, isAllowedHost, isAllowedOrigin } from '../src/server/host-check.js';
import { startDashboardServer, type RunningDashboard } from '../src/server/server.js';
import { tempDir, UI_BUILD } from './support/fixture.js';
import { fleetContract } from './support/fleet.mjs';

interface Raw {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A request with exactly these headers and this path (fetch would normalise both). */
function raw(server: RunningDashboard, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let dashboard: Dashboard;
let server: RunningDashboard;
let withCors: RunningDashboard;

beforeAll(async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'svc'));
  writeFileSync(
    join(dir, 'svc', 'pacto.yaml'),
    fleetContract({ name: 'svc', version: '1.0.0', owner: 'team', port: 8080, dependencies: [], workload: 'service', stateful: false, scaling: [1, 2] }),
  );
  dashboard = await createDashboard({ version: 'test', localDir: dir, noCache: true, clientOptions: { cacheDir: null, env: {} }, rediscoverIntervalMs: 0 });
  server = await startDashboardServer(dashboard.api, { port: 0, uiDir: UI_BUILD });
  withCors = await startDashboardServer(dashboard.api, { port: 0, uiDir: UI_BUILD, corsOrigin: 'https://portal.example.com' });
  await dashboard.fleet.start();
});

afterAll(async () => {
  await server?.close();
  await withCors?.close();
  await dashboard?.close();
});

describe('dashboard server safety', () => {
  it('answers only to its own host names (DNS rebinding)', async () => {
    expect((await raw(server, '/health')).status).toBe(200);
    expect((await raw(server, '/health', { host: `localhost:${server.port}` })).status).toBe(200);
    const foreign = await raw(server, '/api/services', { host: 'evil.example:3000' });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toContain('does not answer to host "evil.example:3000"');
    expect((await raw(server, '/', { host: `127.0.0.1.evil.example:${server.port}` })).status).toBe(403);
  });

  it('applies the rule of every pacto server: the bound name, loopback names, any name on a wildcard address', () => {
    const loopback = hostPolicy('127.0.0.1');
    expect(['localhost:3000', '127.0.0.1', '[::1]:3000'].map((h) => isAllowedHost(h, loopback))).toEqual([true, true, true]);
    expect([undefined, '', 'example.com', '127.0.0.2'].map((h) => isAllowedHost(h, loopback))).toEqual([false, false, false, false]);
    expect(isAllowedHost('dash.internal:3000', hostPolicy('dash.internal'))).toBe(true);
    expect(isAllowedHost('anything.example', hostPolicy('0.0.0.0'))).toBe(true);
    expect(isAllowedOrigin(undefined, loopback, undefined)).toBe(true);
    expect(isAllowedOrigin('http://localhost:5173', loopback, undefined)).toBe(true);
    expect(isAllowedOrigin('https://evil.example', loopback, undefined)).toBe(false);
    expect(isAllowedOrigin('https://evil.example', loopback, 'https://evil.example')).toBe(true);
    expect(isAllowedOrigin('null', loopback, undefined)).toBe(false);
  });

  it('refuses state-changing requests from other origins', async () => {
    const refused = await raw(server, '/api/refresh', { origin: 'https://evil.example' }, 'POST');
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body).error.code).toBe('FORBIDDEN_ORIGIN');
    expect((await raw(server, '/api/refresh', { origin: `http://127.0.0.1:${server.port}` }, 'POST')).status).toBe(200);
    const form = await raw(server, '/api/resolve', { 'content-type': 'text/plain' }, 'POST');
    expect(form.status).toBe(415);
  });

  it('sends CORS headers only for --cors-origin', async () => {
    const plain = await raw(server, '/api/services', { origin: 'https://portal.example.com' });
    expect(plain.headers['access-control-allow-origin']).toBeUndefined();
    const allowed = await raw(withCors, '/api/services', { origin: 'https://portal.example.com' });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://portal.example.com');
    const preflight = await raw(withCors, '/api/resolve', { origin: 'https://portal.example.com', 'access-control-request-method': 'POST' }, 'OPTIONS');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
    const other = await raw(withCors, '/api/services', { origin: 'https://other.example.com' });
    expect(other.headers['access-control-allow-origin']).not.toBe('https://other.example.com');
  });

  it('serves only the files of the web app: no path leads out of it', async () => {
    const index = await raw(server, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/package.json', '/assets/../../../src/index.ts', '/assets/%2e%2e%2f%2e%2e%2fpackage.json', '/..%5c..%5cpackage.json', '/etc/passwd', '//etc/passwd']) {
      const response = await raw(server, path);
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('"name"');
    }
  });

  it('serves the debug endpoints only with --diagnostics', async () => {
    expect((await raw(server, '/api/debug/services')).status).toBe(404);
    const diagnostics = await startDashboardServer(dashboard.api, { port: 0, uiDir: UI_BUILD, diagnostics: true });
    try {
      const entries = JSON.parse((await raw(diagnostics, '/api/debug/services')).body) as { name: string; source: string }[];
      expect(entries).toEqual([expect.objectContaining({ name: 'svc', source: 'local', valid: true })]);
      expect((await raw(diagnostics, '/api/debug/sources')).status).toBe(200);
    } finally {
      await diagnostics.close();
    }
  });

  it('answers unknown API paths and bad bodies with JSON errors', async () => {
    const unknown = await raw(server, '/api/nope');
    expect([unknown.status, JSON.parse(unknown.body).error.code]).toEqual([404, 'NOT_FOUND']);
    const big = await fetch(`${server.url}/api/resolve`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ref: 'x'.repeat(70_000) }) });
    expect(big.status).toBe(413);
    const broken = await fetch(`${server.url}/api/resolve`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"ref":' });
    expect([broken.status, ((await broken.json()) as { error: { code: string } }).error.code]).toEqual([400, 'BAD_REQUEST']);
  });
});
