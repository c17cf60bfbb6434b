import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Sources } from '../src/api/model.js';
import { createDashboard } from '../src/dashboard.js';
import { tempDir } from './support/fixture.js';
import { fleetContract } from './support/fleet.mjs';
import { runPacto } from './support/processes.js';

const { authRegistry } = inject('registries');

function contractDir(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'svc'));
  writeFileSync(join(dir, 'svc', 'pacto.yaml'), fleetContract({ name: 'svc', version: '1.0.0', owner: 'team', port: 8080, dependencies: [], workload: 'service', stateful: false, scaling: [1, 2] }));
  return dir;
}

describe('pacto dashboard command line', () => {
  it('rejects an empty OCI reference and a second local path (exit 2)', async () => {
    const empty = await runPacto(['dashboard', 'oci://']);
    expect([empty.code, empty.stderr.split('\n')[0]]).toEqual([2, 'empty OCI reference: "oci://"']);
    const two = await runPacto(['dashboard', 'a', 'b']);
    expect([two.code, two.stderr.split('\n')[0]]).toEqual([2, 'only one local path is allowed, got both "a" and "b"']);
    const port = await runPacto(['dashboard', '--port', 'http']);
    expect([port.code, port.stderr.split('\n')[0]]).toEqual([2, 'invalid value "http" for --port: expected a port number 0-65535']);
    const json = await runPacto(['dashboard', 'oci://', '--output-format', 'json']);
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: 'INVALID_ARGUMENT', message: 'empty OCI reference: "oci://"' });
  });

  it('takes its settings from flags, then the environment, then the dashboard: section of the config file', async () => {
    const dir = contractDir();
    writeFileSync(join(dir, 'pacto.yaml'), 'dashboard:\n  port: "http"\n  cors-origin: https://portal.example.com\n');
    // The config file's port is read (and refused, exit 2); the environment's wins over it.
    const fromConfig = await runPacto(['dashboard', 'svc'], { cwd: dir });
    expect([fromConfig.code, fromConfig.stderr.split('\n')[0]]).toEqual([2, 'invalid value "http" for --port: expected a port number 0-65535']);
    const fromEnv = await runPacto(['dashboard', 'svc', '--export', join(dir, 'site')], { cwd: dir, env: { PACTO_DASHBOARD_PORT: '0', PACTO_CACHE_DIR: join(dir, 'cache') } });
    expect(fromEnv.code).toBe(0);
  });

  it('fails when no source has contracts, saying why for each', async () => {
    const dir = tempDir();
    const run = await runPacto(['dashboard', dir], { env: { PACTO_CACHE_DIR: join(dir, 'cache') } });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        'No data sources detected:',
        `  local: no pacto.yaml in or under ${dir}`,
        '  oci: no oci:// argument and PACTO_DASHBOARD_REPO is not set',
        `  cache: no bundles in ${join(dir, 'cache')}`,
        '  k8s: not available in this version; see docs/dashboard.md',
        'at least one data source must be available',
        'hint: run it in a directory with pacto.yaml files, or give oci://<registry>/<repository> arguments',
        '',
      ].join('\n'),
    );
  });

  it('teaches its use in --help', async () => {
    const help = await runPacto(['dashboard', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--export site/');
    expect(help.stdout).toContain('Examples');
    expect(help.stdout).toContain('PACTO_DASHBOARD_REPO');
  });

  it('exports with an unreachable registry, which shows as disabled with the reason', async () => {
    const dir = contractDir();
    const out = join(tempDir(), 'site');
    const run = await runPacto(['dashboard', dir, 'oci://127.0.0.1:9/acme/gone', '--export', out, '--output-format', 'json'], { env: { PACTO_CACHE_DIR: join(dir, 'cache') } });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ dir: out, services: 1 });
    expect(run.stderr).toMatch(/warning: 127\.0\.0\.1:9\/acme\/gone: .*unreachable/);
    const sources = JSON.parse(readFileSync(join(out, 'data', 'sources.json'), 'utf8')) as Sources;
    const oci = sources.sources.find((s) => s.type === 'oci')!;
    expect(oci.enabled).toBe(false);
    expect(oci.reason).toMatch(/unreachable/);
  });

  it('does not write into a directory that is neither empty nor an earlier export', async () => {
    const dir = contractDir();
    const out = tempDir();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const run = await runPacto(['dashboard', dir, '--export', out], { env: { PACTO_CACHE_DIR: join(dir, 'cache') } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${out} is not empty and is not an earlier dashboard export`);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    // An earlier export is replaced as a whole.
    const site = join(tempDir(), 'site');
    expect((await runPacto(['dashboard', dir, '--export', site], { env: { PACTO_CACHE_DIR: join(dir, 'cache') } })).code).toBe(0);
    expect((await runPacto(['dashboard', dir, '--export', site], { env: { PACTO_CACHE_DIR: join(dir, 'cache') } })).code).toBe(0);
  });

  it('shows an unauthorised registry as a disabled source with the reason', async () => {
    const dashboard = await createDashboard({
      version: 'test',
      repositories: [`oci://${authRegistry}/private/svc`],
      clientOptions: { cacheDir: null, env: {}, credentials: { get: async () => undefined } },
      rediscoverIntervalMs: 0,
    });
    try {
      await dashboard.fleet.ready();
      const oci = dashboard.api.sources().sources.find((s) => s.type === 'oci')!;
      expect(oci.enabled).toBe(false);
      expect(oci.reason).toMatch(/auth|unauthori[sz]ed|401/i);
    } finally {
      await dashboard.close();
    }
  });
});
