import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { OciClient } from '../src/client.js';
import { credentialChain, type CredentialChainOptions } from '../src/credentials.js';
import { pactoCredentialsPath, removeLogin, storeLogin } from '../src/credentials-file.js';
import { bundleArchive, tempDir, uniqueRepo } from './support/bundles.js';

const { authRegistry, authUsername, authPassword } = inject('registries');
const labels = { name: 'svc', version: '1.0.0', pactoVersion: '1.0' };
const clients: OciClient[] = [];
function clientWith(chain: CredentialChainOptions): OciClient {
  const created = new OciClient({ cacheDir: null, credentials: credentialChain(chain) });
  clients.push(created);
  return created;
}
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

const authMessage = (ref: string) =>
  new RegExp(
    `^authentication failed for ${ref.replaceAll('.', '\\.')}: HEAD http://.+: unexpected status code 401 \u2014 run \`pacto login ${authRegistry.replaceAll('.', '\\.')}\` or check PACTO_REGISTRY_TOKEN$`,
  );

describe('basic-auth registry (oci.md §10.2, §11)', () => {
  it('refuses an anonymous push with one line naming the registry and pacto login', async () => {
    const repo = uniqueRepo();
    const error = await clientWith({ env: {}, homeDir: tempDir() })
      .push(`oci://${authRegistry}/${repo}`, await bundleArchive('svc', '1.0.0'), { labels })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUTH_FAILED', status: 401 });
    expect((error as Error).message).toMatch(authMessage(`${authRegistry}/${repo}:1.0.0`));
    expect((error as Error).message).not.toContain('\n');
  });

  it('refuses a wrong password the same way', async () => {
    const repo = uniqueRepo();
    const env = { PACTO_REGISTRY_USERNAME: authUsername, PACTO_REGISTRY_PASSWORD: 'wrong' };
    const error = await clientWith({ env, homeDir: tempDir() })
      .push(`oci://${authRegistry}/${repo}:1.0.0`, await bundleArchive('svc', '1.0.0'), { labels })
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(authMessage(`${authRegistry}/${repo}:1.0.0`));
  });

  it('uses PACTO_REGISTRY_USERNAME / PACTO_REGISTRY_PASSWORD', async () => {
    const repo = uniqueRepo();
    const env = { PACTO_REGISTRY_USERNAME: authUsername, PACTO_REGISTRY_PASSWORD: authPassword };
    const pushed = await clientWith({ env, homeDir: tempDir() }).push(`oci://${authRegistry}/${repo}`, await bundleArchive('svc', '1.0.0'), { labels });
    expect(pushed.status).toBe('pushed');
    const pulled = await clientWith({ env, homeDir: tempDir() }).pull(`oci://${authRegistry}/${repo}`);
    expect(pulled.ref).toBe(`${authRegistry}/${repo}:1.0.0`);
  });

  it('uses the credentials stored by login in Pacto config.json (0600, atomic, other keys kept), and logout removes them', async () => {
    const home = tempDir();
    const env = { XDG_CONFIG_HOME: join(home, 'config') };
    const path = pactoCredentialsPath(env, home);
    mkdirSync(join(home, 'config', 'pacto'), { recursive: true });
    writeFileSync(path, JSON.stringify({ credsStore: 'keep-me', auths: { 'other.example': { auth: 'eDp5' } } }));
    await storeLogin(authRegistry, authUsername, authPassword, path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(path, 'utf8'));
    expect(stored).toEqual({
      credsStore: 'keep-me',
      auths: { 'other.example': { auth: 'eDp5' }, [authRegistry]: { auth: Buffer.from(`${authUsername}:${authPassword}`).toString('base64') } },
    });
    expect(readFileSync(path, 'utf8')).toBe(JSON.stringify(stored, null, 2));

    const repo = uniqueRepo();
    const pushed = await clientWith({ env, homeDir: home }).push(`oci://${authRegistry}/${repo}`, await bundleArchive('svc', '1.0.0'), { labels });
    expect(pushed.status).toBe('pushed');

    expect(await removeLogin(authRegistry, path)).toBe(true);
    expect(await removeLogin(authRegistry, path)).toBe(false);
    const failed = await clientWith({ env, homeDir: home }).pull(`oci://${authRegistry}/${repo}:1.0.0`).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'AUTH_FAILED' });
  });

  it('tightens an existing config directory to 0700 and leaves no temporary file behind', async () => {
    const dir = join(tempDir(), 'pacto');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const path = join(dir, 'config.json');
    await storeLogin('r.example', 'u', 'p', path);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  it('fails login on an existing file that is not JSON', async () => {
    const path = join(tempDir(), 'config.json');
    writeFileSync(path, '{broken');
    await expect(storeLogin('r.example', 'u', 'p', path)).rejects.toThrow(new RegExp(`^failed to parse existing ${path.replaceAll('.', '\\.')}: `));
  });

  it('uses a Docker config.json auths entry keyed by URL', async () => {
    const home = tempDir();
    const dockerDir = join(home, 'docker');
    mkdirSync(dockerDir);
    const auth = Buffer.from(`${authUsername}:${authPassword}`).toString('base64');
    writeFileSync(join(dockerDir, 'config.json'), JSON.stringify({ auths: { [`https://${authRegistry}/v1/`]: { auth } } }));
    const repo = uniqueRepo();
    const pushed = await clientWith({ env: { DOCKER_CONFIG: dockerDir }, homeDir: home }).push(
      `oci://${authRegistry}/${repo}`,
      await bundleArchive('svc', '1.0.0'),
      { labels },
    );
    expect(pushed.status).toBe('pushed');
  });

  it('asks a Docker credential helper (credHelpers) for the registry host', async () => {
    const home = tempDir();
    const dockerDir = join(home, 'docker');
    const binDir = join(home, 'bin');
    mkdirSync(dockerDir);
    mkdirSync(binDir);
    const helper = join(binDir, 'docker-credential-pacto-test');
    writeFileSync(
      helper,
      `#!/bin/sh\nread host\n[ "$1" = get ] && [ "$host" = "${authRegistry}" ] || exit 1\nprintf '{"ServerURL":"%s","Username":"${authUsername}","Secret":"${authPassword}"}' "$host"\n`,
      { mode: 0o755 },
    );
    writeFileSync(join(dockerDir, 'config.json'), JSON.stringify({ credHelpers: { [authRegistry]: 'pacto-test' } }));
    const repo = uniqueRepo();
    const env = { DOCKER_CONFIG: dockerDir, PATH: `${binDir}:${process.env.PATH ?? ''}` };
    const savedPath = process.env.PATH;
    process.env.PATH = env.PATH;
    try {
      const pushed = await clientWith({ env, homeDir: home }).push(`oci://${authRegistry}/${repo}`, await bundleArchive('svc', '1.0.0'), { labels });
      expect(pushed.status).toBe('pushed');
    } finally {
      process.env.PATH = savedPath;
    }
  });
});

describe('credential chain order (oci.md §11.1)', () => {
  it('explicit beats env, env token beats username/password, Pacto file beats Docker, gh only for GitHub hosts', async () => {
    const home = tempDir();
    const env = { XDG_CONFIG_HOME: join(home, 'cfg'), DOCKER_CONFIG: join(home, 'docker') };
    await storeLogin('r.example', 'pacto-user', 'pacto-pass', pactoCredentialsPath(env, home));
    mkdirSync(env.DOCKER_CONFIG);
    writeFileSync(join(env.DOCKER_CONFIG, 'config.json'), JSON.stringify({ auths: { 'r.example': { auth: Buffer.from('d:p').toString('base64') }, 'd.example': { registrytoken: 'rt' } } }));
    const calls: string[] = [];
    const runCommand = async (command: string, args: readonly string[]) => {
      calls.push([command, ...args].join(' '));
      return { code: 0, stdout: 'gho_token\n' };
    };
    expect(await credentialChain({ env, homeDir: home, runCommand, explicit: { username: 'x', password: 'y' } }).get('r.example')).toMatchObject({ username: 'x', source: 'command line' });
    expect(await credentialChain({ env: { ...env, PACTO_REGISTRY_TOKEN: 't', PACTO_REGISTRY_USERNAME: 'u', PACTO_REGISTRY_PASSWORD: 'p' }, homeDir: home, runCommand }).get('r.example')).toMatchObject({ registryToken: 't' });
    expect(await credentialChain({ env: { ...env, PACTO_REGISTRY_USERNAME: 'u' }, homeDir: home, runCommand }).get('r.example')).toMatchObject({ username: 'pacto-user', password: 'pacto-pass' });
    expect(await credentialChain({ env, homeDir: home, runCommand }).get('d.example')).toMatchObject({ registryToken: 'rt' });
    expect(calls).toEqual([]);
    expect(await credentialChain({ env, homeDir: home, runCommand }).get('ghcr.io')).toEqual({ username: 'x-access-token', password: 'gho_token', source: 'gh auth token' });
    expect(calls).toEqual(['gh auth token']);
    expect(await credentialChain({ env, homeDir: home, runCommand }).get('nothing.example')).toBeUndefined();
  });
});
