import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packBundle } from '@pacto/bundle';
import { OciClient } from '@pacto/oci';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startRegistry } from '../../oci/test/support/registry-process.js';
import { createDashboard, type Dashboard } from '../src/dashboard.js';
import { tempDir } from './support/fixture.js';
import { fleetContract, type FleetDependency } from './support/fleet.mjs';

const { anonymousRegistry } = inject('registries');
const opened: Dashboard[] = [];
afterAll(async () => {
  await Promise.all(opened.map((dashboard) => dashboard.close()));
});

function contract(name: string, version: string, dependencies: FleetDependency[] = [], port = 8080): string {
  return fleetContract({ name, version, owner: 'team', port, dependencies, workload: 'service', stateful: false, scaling: [1, 2] });
}

async function push(client: OciClient, repository: string, name: string, version: string, dependencies: FleetDependency[] = [], port = 8080): Promise<void> {
  const archive = await packBundle({ files: new Map([['pacto.yaml', new TextEncoder().encode(contract(name, version, dependencies, port))]]) });
  await client.push(`oci://${repository}:${version}`, archive, { labels: { name, version, pactoVersion: '1.1' } });
}

async function open(options: Parameters<typeof createDashboard>[0]): Promise<Dashboard> {
  const dashboard = await createDashboard(options);
  opened.push(dashboard);
  return dashboard;
}

describe('dashboard sources', () => {
  it('reads the bundle cache offline when no repository is given', async () => {
    const registry = await startRegistry();
    const cacheDir = tempDir('pacto-dashboard-cache-');
    const base = `${registry.host}/offline`;
    const client = new OciClient({ cacheDir: null, env: {} });
    try {
      await push(client, `${base}/api`, 'api', '1.0.0', [{ name: 'db', ref: `oci://${base}/db`, required: true, compatibility: '^1.0.0' }]);
      await push(client, `${base}/api`, 'api', '1.1.0', [{ name: 'db', ref: `oci://${base}/db`, required: true, compatibility: '^1.0.0' }], 9090);
      await push(client, `${base}/db`, 'db', '1.0.0');
    } finally {
      await client.close();
    }
    // A dashboard over the registry fills the cache (its history pulls every version) ...
    const online = await open({ version: 'test', repositories: [`oci://${base}/api`], cacheDir, clientOptions: { cacheDir, env: {} }, rediscoverIntervalMs: 0 });
    await online.fleet.ready();
    expect((await online.api.versions('api')).map((v) => v.version)).toEqual(['1.1.0', '1.0.0']);
    await registry.stop();

    // ... from which another one works with the registry gone.
    const offline = await open({ version: 'test', cacheDir, clientOptions: { cacheDir, env: {} }, rediscoverIntervalMs: 0 });
    const cache = offline.fleet.sources().find((s) => s.type === 'cache')!;
    expect(cache).toMatchObject({ enabled: true, reason: `2 repositories in ${cacheDir}` });
    await offline.fleet.ready();
    expect(offline.api.services().map((s) => [s.name, s.version, s.sources])).toEqual([
      ['api', '1.1.0', ['cache']],
      ['db', '1.0.0', ['cache']],
    ]);
    const versions = await offline.api.versions('api');
    expect(versions.map((v) => [v.version, v.classification, v.source])).toEqual([
      ['1.1.0', 'BREAKING', 'cache'],
      ['1.0.0', null, 'cache'],
    ]);
    expect(offline.api.graph().edges).toEqual([expect.objectContaining({ source: 'api', target: 'db', resolved: true })]);
  });

  it('reads new tags and follows new dependencies on refresh and every interval', async () => {
    const base = `${anonymousRegistry}/live-${process.pid}-${Date.now().toString(36)}`;
    const client = new OciClient({ cacheDir: null, env: {} });
    const cacheDir = tempDir('pacto-dashboard-cache-');
    try {
      await push(client, `${base}/web`, 'web', '1.0.0');
      const dashboard = await open({ version: 'test', repositories: [`oci://${base}/web`], cacheDir, clientOptions: { cacheDir, env: {} }, rediscoverIntervalMs: 0 });
      await dashboard.fleet.ready();
      expect(dashboard.api.services().map((s) => `${s.name}@${s.version}`)).toEqual(['web@1.0.0']);

      await push(client, `${base}/auth`, 'auth', '2.0.0');
      await push(client, `${base}/web`, 'web', '1.1.0', [{ name: 'auth', ref: `oci://${base}/auth`, required: true, compatibility: '^2.0.0' }]);
      await dashboard.api.refresh();
      expect(dashboard.api.services().map((s) => `${s.name}@${s.version}`)).toEqual(['auth@2.0.0', 'web@1.1.0']);
      expect(dashboard.api.sources().sources.find((s) => s.type === 'oci')!.repositories!.map((r) => [r.ref, r.discovered])).toEqual([
        [`${base}/web`, false],
        [`${base}/auth`, true],
      ]);

      // The background pass (here every 100 ms) sees a new tag without being asked.
      const watching = await open({ version: 'test', repositories: [`oci://${base}/web`], cacheDir, clientOptions: { cacheDir, env: {} }, rediscoverIntervalMs: 100 });
      await watching.fleet.start();
      await push(client, `${base}/web`, 'web', '1.2.0', [{ name: 'auth', ref: `oci://${base}/auth`, required: true, compatibility: '^2.0.0' }]);
      await expect.poll(() => watching.api.services().find((s) => s.name === 'web')?.version, { timeout: 20_000 }).toBe('1.2.0');
    } finally {
      await client.close();
    }
  });

  it('reads the local directory again on refresh', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'svc'));
    writeFileSync(join(dir, 'svc', 'pacto.yaml'), contract('svc', '1.0.0'));
    const dashboard = await open({ version: 'test', localDir: dir, noCache: true, clientOptions: { cacheDir: null, env: {} }, rediscoverIntervalMs: 0 });
    await dashboard.fleet.ready();
    const before = dashboard.fleet.generation;
    await dashboard.api.refresh();
    expect(dashboard.fleet.generation).toBeGreaterThan(before);
    expect(dashboard.api.service('svc').version).toBe('1.0.0');

    writeFileSync(join(dir, 'svc', 'pacto.yaml'), contract('svc', '1.1.0', [], 9999));
    mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
    writeFileSync(join(dir, 'nested', 'deeper', 'pacto.yaml'), contract('deep', '0.1.0'));
    // A config file of the CLI has the same name and is not a contract.
    writeFileSync(join(dir, 'pacto.yaml'), 'output-format: json\n');
    await dashboard.api.refresh();
    expect(dashboard.api.services().map((s) => `${s.name}@${s.version}`)).toEqual(['deep@0.1.0', 'svc@1.1.0']);
    expect(dashboard.api.service('svc').interfaces[0]!.port).toBe(9999);
  });
});
