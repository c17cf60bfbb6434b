import { existsSync } from 'node:fs';
import { cacheEntryPath } from '@pacto/oci';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DiffResult, FleetGraph, ServiceDetails, ServiceGraph, ServiceSummary, Sources, VersionInfo } from '../src/api/model.js';
import { createDashboard, type Dashboard } from '../src/dashboard.js';
import { startDashboardServer, type RunningDashboard } from '../src/server/server.js';
import { createFleet, TYPO_LINE, UI_BUILD, type FleetFixture } from './support/fixture.js';
import { serviceName } from './support/fleet.mjs';
import { expectMatchesDescription } from './support/openapi.js';

const { anonymousRegistry, authRegistry } = inject('registries');

let fleet: FleetFixture;
let dashboard: Dashboard;
let server: RunningDashboard;

/** An API call; every answer is checked against the OpenAPI description. */
async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const parsed = (await response.json()) as T;
  expectMatchesDescription(method, path, response.status, parsed);
  return { status: response.status, body: parsed };
}

const get = <T>(path: string) => call<T>('GET', path);

beforeAll(async () => {
  fleet = await createFleet(anonymousRegistry);
  dashboard = await createDashboard({
    version: 'test',
    localDir: fleet.localDir,
    repositories: fleet.repositories,
    cacheDir: fleet.cacheDir,
    clientOptions: { cacheDir: fleet.cacheDir, env: {} },
    rediscoverIntervalMs: 0,
  });
  server = await startDashboardServer(dashboard.api, { port: 0, uiDir: UI_BUILD });
  await dashboard.fleet.start();
});

afterAll(async () => {
  await server?.close();
  await dashboard?.close();
});

describe('dashboard API over a registry fleet and a local directory', () => {
  it('reports its sources, with the repositories found through dependency refs', async () => {
    const { body } = await get<Sources>('/api/sources');
    expect(body.discovering).toBe(false);
    const byType = Object.fromEntries(body.sources.map((s) => [s.type, s]));
    expect(byType['local']).toMatchObject({ enabled: true, serviceCount: 3 });
    expect(byType['oci']!.enabled).toBe(true);
    const repos = byType['oci']!.repositories!;
    expect(repos.filter((r) => r.status === 'error' && !r.ref.endsWith('/fraud-check'))).toEqual([]);
    expect(repos.filter((r) => !r.discovered)).toHaveLength(16);
    // The other 16 services and the missing fraud-check, through the dependency refs.
    expect(repos.filter((r) => r.discovered)).toHaveLength(17);
    const missing = repos.find((r) => r.ref.endsWith('/fraud-check'))!;
    expect(missing.status).toBe('error');
    expect(missing.error).toMatch(/not found/i);
    expect(byType['cache']).toMatchObject({ enabled: false, reason: 'a live OCI source is configured' });
    expect(byType['k8s']!.enabled).toBe(false);
  });

  it('lists every service once, merged by name with the local copy first', async () => {
    const { body } = await get<ServiceSummary[]>('/api/services');
    const names = body.map((s) => s.name);
    expect(names).toEqual([...fleet.plan.map((s) => s.name), 'broken', 'checkout'].sort());
    const byName = Object.fromEntries(body.map((s) => [s.name, s]));
    expect(byName[serviceName(1)]).toMatchObject({ version: '2.1.0-dev', source: 'local', sources: ['local', 'oci'] });
    expect(byName[serviceName(6)]).toMatchObject({ version: '2.0.0', source: 'oci', phase: 'Compliant', valid: true, dependencyCount: 1, dependentCount: 2 });
    // svc-06 is required by 13 and 14, which 27 to 30 require.
    expect(byName[serviceName(6)]!.blastRadius).toBe(6);
    expect(byName[serviceName(7)]).toMatchObject({ valid: false, phase: 'NonCompliant', compliance: { status: 'ERROR', errors: 1, warnings: 0 } });
    expect(byName['broken']).toMatchObject({ valid: false, phase: 'NonCompliant', source: 'local' });
    expect(byName[serviceName(3)]!.readiness).toMatchObject({ passing: false, expired: 1 });
    expect(byName[serviceName(8)]!.readiness).toMatchObject({ passing: true, expiringSoon: 1 });
  });

  it('classifies the latest step of each history in the background', async () => {
    await expect
      .poll(async () => (await get<ServiceSummary[]>('/api/services')).body.find((s) => s.name === serviceName(6))?.latestStep, { timeout: 30_000 })
      .toEqual({ from: '1.1.0', to: '2.0.0', classification: 'BREAKING' });
  });

  it('describes a service: interfaces, dependencies, dependents, readiness, findings with positions', async () => {
    const { body } = await get<ServiceDetails>(`/api/services/${serviceName(6)}`);
    expect(body.interfaces).toEqual([{ name: 'api', type: 'http', port: 9006, visibility: 'internal', contractFile: null, operations: [], operationsError: null }]);
    expect(body.dependencies).toEqual([
      { name: serviceName(2), ref: `oci://${fleet.registry}/${fleet.prefix}/${serviceName(2)}`, required: true, compatibility: '^2.0.0', target: serviceName(2), resolved: true },
    ]);
    expect(body.dependents.map((d) => d.name)).toEqual([serviceName(13), serviceName(14)]);
    expect(body.provenance['service']).toBe('oci');
    expect(body.contractText).toContain(`name: ${serviceName(6)}`);

    const broken = (await get<ServiceDetails>('/api/services/broken')).body;
    expect(broken.validation.errors[0]).toMatchObject({ line: TYPO_LINE, column: 1, severity: 'error' });
    expect(broken.validation.errors.some((f) => f.message.includes('servce'))).toBe(true);

    const invalid = (await get<ServiceDetails>(`/api/services/${serviceName(7)}`)).body;
    expect(invalid.validation.errors).toEqual([expect.objectContaining({ code: 'SCALING_MIN_EXCEEDS_MAX', line: expect.any(Number) })]);

    const checkout = (await get<ServiceDetails>('/api/services/checkout')).body;
    expect(checkout.dependencies.map((d) => [d.target, d.resolved])).toEqual([
      [serviceName(3), true],
      [serviceName(1), true],
      ['fraud-check', false],
    ]);
    expect((await get<ServiceDetails>(`/api/services/${serviceName(8)}`)).body.readinessChecks.map((c) => c.status)).toEqual(['Current', 'Current']);
  });

  it('answers 404 with a JSON error for an unknown service', async () => {
    for (const path of ['/api/services/nope', '/api/services/nope/versions', '/api/services/nope/graph', '/api/services/nope/refs']) {
      const { status, body } = await get<{ error: { code: string; message: string } }>(path);
      expect(status).toBe(404);
      expect(body.error).toMatchObject({ code: 'NOT_FOUND', message: 'no service named "nope"' });
    }
  });

  it('gives the version history newest first, each step classified', async () => {
    const { body } = await get<VersionInfo[]>(`/api/services/${serviceName(6)}/versions`);
    expect(body.map((v) => [v.version, v.classification, v.isCurrent])).toEqual([
      ['2.0.0', 'BREAKING', true],
      ['1.1.0', 'NON_BREAKING', false],
      ['1.0.0', null, false],
    ]);
    expect(body[0]!.ref).toBe(`${fleet.registry}/${fleet.prefix}/${serviceName(6)}:2.0.0`);
    expect(body[0]!.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect((await get<VersionInfo[]>('/api/services/checkout/versions')).body).toEqual([]);
  });

  it('diffs two versions and names the breaking change', async () => {
    const name = serviceName(6);
    const { body } = await get<DiffResult>(`/api/diff?from_name=${name}&from_version=1.1.0&to_name=${name}&to_version=2.0.0`);
    expect(body.from).toEqual({ name, version: '1.1.0' });
    expect(body.classification).toBe('BREAKING');
    expect(body.changes).toContainEqual(expect.objectContaining({ path: 'interfaces.port', classification: 'BREAKING', oldValue: 8006, newValue: 9006 }));

    // Without versions: the current contracts (svc-01's is the local working copy).
    const current = (await get<DiffResult>(`/api/diff?from_name=${serviceName(1)}&from_version=1.0.0&to_name=${serviceName(1)}`)).body;
    expect(current.to.version).toBe('2.1.0-dev');

    expect((await get('/api/diff?from_name=x')).status).toBe(400);
    expect((await get(`/api/diff?from_name=${name}&from_version=9.9.9&to_name=${name}`)).status).toBe(404);
    expect((await get('/api/diff?from_name=broken&to_name=checkout')).status).toBe(422);
  });

  it('draws the global graph: every service, every edge, unresolved targets as external nodes', async () => {
    const { body } = await get<FleetGraph>('/api/graph');
    const services = (await get<ServiceSummary[]>('/api/services')).body;
    expect(body.nodes.filter((n) => n.status !== 'external').map((n) => n.id)).toEqual(services.map((s) => s.name));
    expect(body.nodes.filter((n) => n.status === 'external')).toEqual([
      expect.objectContaining({ id: 'fraud-check', version: null, reason: expect.stringMatching(/not found/i) }),
    ]);
    expect(body.edges).toContainEqual(expect.objectContaining({ source: serviceName(6), target: serviceName(2), type: 'dependency', required: true, resolved: true }));
    expect(body.edges).toContainEqual(expect.objectContaining({ source: serviceName(10), target: serviceName(9), required: false }));
    expect(body.edges).toContainEqual(expect.objectContaining({ source: 'checkout', target: serviceName(0), type: 'reference' }));
    // One dependency edge per declared dependency of each current contract (31 tree edges, 6 cross edges, checkout's 3).
    expect(body.edges.filter((e) => e.type === 'dependency')).toHaveLength(31 + 6 + 3);
  });

  it('resolves a service tree, dependents and references', async () => {
    const tree = (await get<ServiceGraph>(`/api/services/${serviceName(6)}/graph`)).body;
    expect(tree.root).toMatchObject({ name: serviceName(6), version: '2.0.0' });
    expect(tree.root.dependencies![0]!.node).toMatchObject({ name: serviceName(2), version: '2.0.0' });
    expect(tree.root.dependencies![0]!.node!.dependencies![0]!.node).toMatchObject({ name: serviceName(0) });

    const dependents = (await get<{ name: string; required: boolean }[]>(`/api/services/${serviceName(9)}/dependents`)).body;
    expect(dependents).toEqual([
      expect.objectContaining({ name: serviceName(10), required: false, compatibility: '^2.0.0' }),
      expect.objectContaining({ name: serviceName(19), required: true }),
      expect.objectContaining({ name: serviceName(20), required: true }),
    ]);

    const refs = (await get<{ references: unknown[]; referencedBy: unknown[] }>(`/api/services/${serviceName(0)}/refs`)).body;
    expect(refs.referencedBy).toEqual([expect.objectContaining({ name: 'checkout', refType: 'configuration' })]);
    const sources = (await get<{ sources: { type: string }[] }>(`/api/services/${serviceName(1)}/sources`)).body;
    expect(sources.sources.map((s) => s.type)).toEqual(['local', 'oci']);
  });

  it('fetches one contract on request, with the status codes of the spec', async () => {
    const repo = `oci://${fleet.registry}/${fleet.prefix}/${serviceName(6)}`;
    const ok = await call<ServiceDetails>('POST', '/api/resolve', { ref: repo, compatibility: '^1.0.0' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: serviceName(6), version: '1.1.0' });
    expect((await call('POST', '/api/resolve', { ref: 'oci://UPPER/case' })).status).toBe(422);
    expect((await call('POST', '/api/resolve', { ref: '/etc' })).status).toBe(422);
    expect((await call('POST', '/api/resolve', { ref: repo, compatibility: '^7.0.0' })).status).toBe(422);
    expect((await call('POST', '/api/resolve', { ref: `oci://${fleet.registry}/${fleet.prefix}/nothing-here:1.0.0` })).status).toBe(404);
    expect((await call('POST', '/api/resolve', { ref: `oci://${authRegistry}/private/thing:1.0.0` })).status).toBe(403);
    expect((await call('POST', '/api/resolve', { ref: 'oci://127.0.0.1:9/closed/port:1.0.0' })).status).toBe(502);
    expect((await call('POST', '/api/resolve', { compatibility: '^1' })).status).toBe(400);
  });

  it('lists the versions of a repository and can pull them into the cache', async () => {
    const repo = `${fleet.registry}/${fleet.prefix}/${serviceName(30)}`;
    const { body } = await call<{ versions: string[] }>('POST', '/api/versions', { ref: `oci://${repo}`, fetch: true });
    expect(body.versions).toEqual(['2.0.0', '1.1.0', '1.0.0']);
    expect(existsSync(cacheEntryPath(fleet.cacheDir, `${repo}:1.0.0`))).toBe(true);
  });

  it('serves health, metrics and its own description', async () => {
    expect((await get('/health')).body).toEqual({ status: 'ok', version: 'test' });
    expect((await get('/metrics')).body).toEqual({ serviceCount: 34, sourceCount: 2 });
    const redirect = await fetch(`${server.url}/openapi`, { redirect: 'manual' });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/openapi.json']);
    const docs = await fetch(`${server.url}/docs`, { redirect: 'manual' });
    expect(docs.headers.get('location')).toBe('/#/api');
    expect(((await get<{ openapi: string }>('/openapi.json')).body).openapi).toBe('3.1.0');
  });

  it('refreshes on request', async () => {
    expect((await call('POST', '/api/refresh')).body).toEqual({ status: 'ok' });
    expect((await get<ServiceSummary[]>('/api/services')).body).toHaveLength(34);
  });
});
