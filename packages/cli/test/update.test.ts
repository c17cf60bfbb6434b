import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detectInstallSource, upgradeCommand } from '../src/install-source.js';
import { runPacto } from './support/run-pacto.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A stand-in npm registry on loopback, counting the metadata requests it gets. */
async function registry(handle: (request: IncomingMessage, response: ServerResponse) => void): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url} ${request.headers.accept}`);
    handle(request, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

function publishes(latest: string, versions: string[]) {
  return (_request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(200, { 'content-type': 'application/vnd.npm.install-v1+json' });
    response.end(JSON.stringify({ name: '@pacto/cli', 'dist-tags': { latest }, versions: Object.fromEntries(versions.map((v) => [v, {}])) }));
  };
}

/** An isolated config dir and the update check turned on (runPacto turns it off, CI runs set CI). */
function environment(registryUrl: string) {
  const home = tempDir();
  return { HOME: home, XDG_CONFIG_HOME: join(home, 'config'), PACTO_NO_UPDATE_CHECK: undefined, CI: undefined, PACTO_UPDATE_REGISTRY: registryUrl };
}

const current = async () => (await runPacto(['--version'])).stdout.trim();

describe('the update notice', { timeout: 60_000 }, () => {
  it('names the newer version after a command, on stderr, and asks the registry once a day', async () => {
    const server = await registry(publishes('99.0.0', ['0.1.0', '99.0.0']));
    const env = environment(server.url);
    const version = await current();
    const run = await runPacto(['version'], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Pacto: /);
    expect(run.stderr).toBe(`\nA new version of pacto is available: ${version} -> 99.0.0\nRun 'pacto update' to update.\n`);
    expect(server.requests).toEqual(['GET /@pacto%2fcli application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8']);
    const cache = join(env.XDG_CONFIG_HOME, 'pacto', 'update-check.json');
    expect(JSON.parse(readFileSync(cache, 'utf8'))).toEqual({ checked_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), latest_version: '99.0.0' });
    expect(statSync(cache).mode & 0o777).toBe(0o600);
    expect(statSync(join(env.XDG_CONFIG_HOME, 'pacto')).mode & 0o777).toBe(0o700);
    // Within 24 hours the cache answers.
    expect((await runPacto(['version'], { env })).stderr).toContain('-> 99.0.0');
    expect(server.requests).toHaveLength(1);
  });

  it('is never in JSON output, and off with PACTO_NO_UPDATE_CHECK=1 or in CI', async () => {
    const server = await registry(publishes('99.0.0', ['99.0.0']));
    const env = environment(server.url);
    const json = await runPacto(['version', '--output-format', 'json'], { env });
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toHaveProperty('version');
    for (const off of [{ PACTO_NO_UPDATE_CHECK: '1' }, { CI: 'true' }]) {
      const fresh = environment(server.url);
      expect(await runPacto(['version'], { env: { ...fresh, ...off } })).toMatchObject({ code: 0, stderr: '' });
    }
    // The JSON run may have asked (and cached the answer); the disabled runs did not ask at all.
    expect(server.requests.length).toBeLessThanOrEqual(1);
  });

  it('says nothing when the registry fails or the version is current, and remembers the failure for a day', async () => {
    const failing = await registry((_request, response) => {
      response.writeHead(500);
      response.end('down');
    });
    const env = environment(failing.url);
    expect(await runPacto(['version'], { env })).toMatchObject({ code: 0, stderr: '' });
    expect(await runPacto(['version'], { env })).toMatchObject({ code: 0, stderr: '' });
    expect(failing.requests).toHaveLength(1);
    const same = await registry(publishes(await current(), [await current()]));
    expect(await runPacto(['version'], { env: environment(same.url) })).toMatchObject({ code: 0, stderr: '' });
  });

  it('does not wait for a registry that does not answer', async () => {
    const silent = await registry(() => undefined);
    const run = await runPacto(['version'], { env: environment(silent.url) });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(silent.requests).toHaveLength(1);
  });
});

describe('pacto update', { timeout: 60_000 }, () => {
  it('prints the command that installs the latest version', async () => {
    const server = await registry(publishes('99.0.0', ['0.1.0', '99.0.0']));
    const env = { ...environment(server.url), PACTO_NO_UPDATE_CHECK: '1', npm_config_user_agent: 'pnpm/10.34.9 npm/? node/v20.20.2 linux x64' };
    const version = await current();
    const run = await runPacto(['update'], { env });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('Checking for updates...\n');
    // The tests run the CLI from this repository's checkout.
    expect(run.stdout).toBe(`A new version of pacto is available: ${version} -> 99.0.0\nTo update, run:\n  git pull && pnpm install && pnpm build\n`);
    const json = await runPacto(['update', '--output-format', 'json'], { env });
    expect(JSON.parse(json.stdout)).toEqual({
      current: version,
      latest: '99.0.0',
      target: '99.0.0',
      updateAvailable: true,
      packageManager: 'pnpm',
      install: 'source',
      command: 'git pull && pnpm install && pnpm build',
    });
  });

  it('checks a requested version exists, and fails clearly without the registry', async () => {
    const server = await registry(publishes('99.0.0', ['0.1.0', '99.0.0']));
    const env = { ...environment(server.url), PACTO_NO_UPDATE_CHECK: '1' };
    expect(await runPacto(['update', 'v0.0.7'], { env })).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'Checking for updates...\nrelease v0.0.7 not found\nhint: the published versions are listed by npm view @pacto/cli versions\n',
    });
    const down = await runPacto(['update'], { env: { ...env, PACTO_UPDATE_REGISTRY: 'http://127.0.0.1:9' } });
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^Checking for updates\.\.\.\nfailed to determine latest version: /);
  });
});

describe('how pacto was installed', { timeout: 60_000 }, () => {
  it('tells the package manager and the kind of install from the path and npm_config_user_agent', () => {
    const cases: [string, string | undefined, string][] = [
      ['/usr/local/lib/node_modules/@pacto/cli/bin/pacto.js', undefined, 'npm install --global @pacto/cli@2.0.0'],
      ['/home/u/.local/share/pnpm/global/5/.pnpm/@pacto+cli@1.0.0/node_modules/@pacto/cli/bin/pacto.js', undefined, 'pnpm add --global @pacto/cli@2.0.0'],
      ['/home/u/.config/yarn/global/node_modules/@pacto/cli/bin/pacto.js', undefined, 'yarn global add @pacto/cli@2.0.0'],
      ['/home/u/.bun/install/global/node_modules/@pacto/cli/bin/pacto.js', undefined, 'bun add --global @pacto/cli@2.0.0'],
      ['/work/app/node_modules/@pacto/cli/bin/pacto.js', 'npm/10.8.2 node/v20.20.2 linux x64', 'npm install @pacto/cli@2.0.0'],
      ['/work/app/node_modules/.pnpm/@pacto+cli@1.0.0/node_modules/@pacto/cli/bin/pacto.js', undefined, 'pnpm add @pacto/cli@2.0.0'],
      ['/work/app/node_modules/@pacto/cli/bin/pacto.js', 'yarn/1.22.22 npm/? node/v20.20.2 linux x64', 'yarn add @pacto/cli@2.0.0'],
      ['/home/u/.npm/_npx/1a2b/node_modules/@pacto/cli/bin/pacto.js', 'npm/10.8.2', 'npx @pacto/cli@2.0.0'],
      ['/work/pacto/packages/cli/bin/pacto.js', 'pnpm/10.34.9', 'git pull && pnpm install && pnpm build'],
      ['C:\\Users\\u\\AppData\\Roaming\\npm\\node_modules\\@pacto\\cli\\bin\\pacto.js', undefined, 'npm install --global @pacto/cli@2.0.0'],
    ];
    for (const [path, agent, command] of cases) expect(upgradeCommand(detectInstallSource(path, agent), '@pacto/cli', '2.0.0')).toBe(command);
  });
});
