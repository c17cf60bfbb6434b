import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runPacto } from './support/run-pacto.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();
const { anonymousRegistry, authRegistry, authUsername, authPassword } = inject('registries');
let repoCounter = 0;
const uniqueRepo = () => `cli/r${process.pid}-${Date.now().toString(36)}-${++repoCounter}`;

/** A project dir with `pacto init svc`, plus an isolated HOME/XDG so no real credentials or cache leak in. */
interface Workspace {
  cwd: string;
  env: { HOME: string; XDG_CONFIG_HOME: string; XDG_CACHE_HOME: string; DOCKER_CONFIG: string };
}

async function workspace(): Promise<Workspace> {
  const cwd = tempDir();
  const home = tempDir();
  const env = { HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache'), DOCKER_CONFIG: join(home, 'docker') };
  await runPacto(['init', 'svc'], { cwd, env });
  return { cwd, env };
}

function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return files;
}

async function registryDigest(host: string, repo: string, tag: string, auth?: string): Promise<string | undefined> {
  const headers: Record<string, string> = { accept: 'application/vnd.oci.image.manifest.v1+json' };
  if (auth) headers.authorization = `Basic ${Buffer.from(auth).toString('base64')}`;
  const response = await fetch(`http://${host}/v2/${repo}/manifests/${tag}`, { method: 'HEAD', headers });
  return response.status === 200 ? (response.headers.get('docker-content-digest') ?? undefined) : undefined;
}

describe('pacto push / pull / login / logout against real registries', { timeout: 120_000 }, () => {
  it('round trip: init, pack, login, push, pull gives byte-identical files and the registry digest', async () => {
    const { cwd, env } = await workspace();
    writeFileSync(join(cwd, 'svc', 'README.md'), 'docs travel with the bundle\n');
    const packed = await runPacto(['pack', 'svc'], { cwd, env });
    expect(packed.code).toBe(0);
    const first = createHash('sha256').update(readFileSync(join(cwd, 'svc-0.1.0.tar.gz'))).digest('hex');
    await runPacto(['pack', 'svc', '-o', 'again.tar.gz'], { cwd, env });
    expect(createHash('sha256').update(readFileSync(join(cwd, 'again.tar.gz'))).digest('hex')).toBe(first);

    const login = await runPacto(['login', authRegistry, '-u', authUsername, '--password-stdin'], { cwd, env, input: `${authPassword}\n` });
    expect(login).toEqual({ code: 0, stdout: `Login succeeded for ${authRegistry}\n`, stderr: '' });
    const configPath = join(env.XDG_CONFIG_HOME, 'pacto', 'config.json');
    expect(statSync(configPath).mode & 0o777).toBe(0o600);

    const repo = uniqueRepo();
    const push = await runPacto(['push', `oci://${authRegistry}/${repo}`, '-p', 'svc'], { cwd, env });
    expect(push.stderr).toBe('');
    expect(push.code).toBe(0);
    const digest = await registryDigest(authRegistry, repo, '0.1.0', `${authUsername}:${authPassword}`);
    expect(push.stdout).toBe(`Pushed svc@0.1.0 -> ${authRegistry}/${repo}:0.1.0\nDigest: ${digest}\n`);

    const out = join(cwd, 'pulled');
    mkdirSync(out);
    const pull = await runPacto(['pull', `oci://${authRegistry}/${repo}`, '-o', 'pulled'], { cwd, env });
    expect(pull).toEqual({ code: 0, stdout: 'Pulled svc@0.1.0 -> pulled/\n', stderr: '' });
    expect(tree(out)).toEqual(tree(join(cwd, 'svc')));

    const json = await runPacto(['pull', `oci://${authRegistry}/${repo}:0.1.0`, '--output-format', 'json'], { cwd, env });
    expect(JSON.parse(json.stdout)).toEqual({ Ref: `${authRegistry}/${repo}:0.1.0`, Output: 'svc', Name: 'svc', Version: '0.1.0' });

    const logout = await runPacto(['logout', authRegistry], { cwd, env });
    expect(logout).toEqual({ code: 0, stdout: `Logout succeeded for ${authRegistry}\n`, stderr: '' });
    expect(await runPacto(['logout', authRegistry], { cwd, env })).toEqual({ code: 0, stdout: `No stored credentials for ${authRegistry}\n`, stderr: '' });
  });

  it('refuses a push without credentials or with a wrong password in one line naming the registry', async () => {
    const { cwd, env } = await workspace();
    const repo = uniqueRepo();
    const anonymous = await runPacto(['push', `oci://${authRegistry}/${repo}`, '-p', 'svc'], { cwd, env });
    expect(anonymous.code).toBe(1);
    expect(anonymous.stdout).toBe('');
    expect(anonymous.stderr).toMatch(
      new RegExp(`^authentication failed for ${authRegistry}/${repo}:0\\.1\\.0: .* \u2014 run \`pacto login ${authRegistry}\` or check PACTO_REGISTRY_TOKEN\\n$`),
    );
    await runPacto(['login', authRegistry, '-u', authUsername, '-p', 'wrong'], { cwd, env });
    const wrong = await runPacto(['push', `oci://${authRegistry}/${repo}`, '-p', 'svc'], { cwd, env });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.split('\n')).toHaveLength(2);
    expect(wrong.stderr).toContain(`pacto login ${authRegistry}`);
    expect(await registryDigest(authRegistry, repo, '0.1.0', `${authUsername}:${authPassword}`)).toBeUndefined();
  });

  it('ignores a malformed credential entry (auth: 123) instead of crashing, and says so with -v', async () => {
    const { cwd, env } = await workspace();
    const repo = uniqueRepo();
    const pactoConfig = join(env.XDG_CONFIG_HOME, 'pacto', 'config.json');
    const dockerConfig = join(env.DOCKER_CONFIG, 'config.json');
    mkdirSync(join(env.XDG_CONFIG_HOME, 'pacto'), { recursive: true });
    mkdirSync(env.DOCKER_CONFIG, { recursive: true });
    for (const path of [pactoConfig, dockerConfig]) writeFileSync(path, JSON.stringify({ auths: { [authRegistry]: { auth: 123 } } }));
    const push = await runPacto(['push', `oci://${authRegistry}/${repo}`, '-p', 'svc', '-v'], { cwd, env });
    expect(push.code).toBe(1);
    expect(push.stderr).not.toContain('unexpected error');
    const lines = push.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^authentication failed for .* run `pacto login /);
    for (const path of [pactoConfig, dockerConfig]) {
      expect(push.stderr).toContain(`level=DEBUG msg="ignoring the credentials for ${authRegistry} in ${path}: \\"auth\\" is a number, not a string"`);
    }
    const quiet = await runPacto(['push', `oci://${authRegistry}/${repo}`, '-p', 'svc'], { cwd, env });
    expect(quiet.stderr).not.toContain('DEBUG');
    expect(quiet.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('warns and exits 0 when the tag exists; --force overwrites it', async () => {
    const { cwd, env } = await workspace();
    const repo = uniqueRepo();
    const ref = `oci://${anonymousRegistry}/${repo}`;
    expect((await runPacto(['push', ref, '-p', 'svc'], { cwd, env })).code).toBe(0);
    const before = await registryDigest(anonymousRegistry, repo, '0.1.0');
    writeFileSync(join(cwd, 'svc', 'CHANGELOG.md'), 'changed\n');
    const again = await runPacto(['push', ref, '-p', 'svc', '--output-format', 'json'], { cwd, env });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(`Warning: artifact already exists: ${anonymousRegistry}/${repo}:0.1.0 (use --force to overwrite)\n`);
    expect(JSON.parse(again.stdout)).toEqual({ Ref: `${anonymousRegistry}/${repo}:0.1.0`, Name: 'svc', Version: '0.1.0', Exists: true });
    expect(await registryDigest(anonymousRegistry, repo, '0.1.0')).toBe(before);
    // -f is --values everywhere; push refuses it and names both spellings.
    const short = await runPacto(['push', ref, '-p', 'svc', '-f'], { cwd, env });
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('write --force to overwrite an existing tag, or --values <file>');
    const forced = await runPacto(['push', ref, '-p', 'svc', '--force'], { cwd, env });
    expect(forced.code).toBe(0);
    const after = await registryDigest(anonymousRegistry, repo, '0.1.0');
    expect(after).not.toBe(before);
    expect(forced.stdout).toBe(`Pushed svc@0.1.0 -> ${anonymousRegistry}/${repo}:0.1.0\nDigest: ${after}\n`);
  });

  it('refuses local dependency references before contacting the registry', async () => {
    const { cwd, env } = await workspace();
    const contract = readFileSync(join(cwd, 'svc', 'pacto.yaml'), 'utf8');
    writeFileSync(
      join(cwd, 'svc', 'pacto.yaml'),
      `${contract.trimEnd()}\ndependencies:\n  - name: db\n    ref: oci://${anonymousRegistry}/deps/db:1.0.0\n    compatibility: ^1.0.0\n  - name: cache\n    ref: ../cache\n    compatibility: ^2.0.0\n`,
    );
    const run = await runPacto(['push', 'oci://127.0.0.1:1/never/used', '-p', 'svc'], { cwd, env });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'local dependency detected: ../cache\nLocal dependencies are not allowed when publishing. All dependencies must use OCI references (oci://...)\n',
    });
  });

  it('login prompts for the password on stdout when none is given, and keeps other keys of config.json', async () => {
    const { cwd, env } = await workspace();
    const configPath = join(env.XDG_CONFIG_HOME, 'pacto', 'config.json');
    mkdirSync(join(env.XDG_CONFIG_HOME, 'pacto'), { recursive: true });
    writeFileSync(configPath, JSON.stringify({ currentContext: 'kept' }));
    const login = await runPacto(['login', 'registry.example:5000', '-u', 'me'], { cwd, env, input: 's3cret\n' });
    expect(login).toEqual({ code: 0, stdout: 'Password: \nLogin succeeded for registry.example:5000\n', stderr: '' });
    expect(readFileSync(configPath, 'utf8')).toBe(
      JSON.stringify({ currentContext: 'kept', auths: { 'registry.example:5000': { auth: Buffer.from('me:s3cret').toString('base64') } } }, null, 2),
    );
    writeFileSync(configPath, '{not json');
    const broken = await runPacto(['login', 'registry.example:5000', '-u', 'me', '-p', 'x'], { cwd, env });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(new RegExp(`^failed to parse existing ${configPath.replaceAll('.', '\\.')}: `));
  });

  it('requires oci:// references and a username', async () => {
    const { cwd, env } = await workspace();
    // Usage errors: exit 2, with a pointer to the command's help.
    expect(await runPacto(['push', 'svc'], { cwd, env })).toEqual({
      code: 2,
      stdout: '',
      stderr: `push requires an OCI reference (oci://...): got "svc"\nRun 'pacto push --help' for usage.\n`,
    });
    expect(await runPacto(['pull', 'ghcr.io/a/b'], { cwd, env })).toEqual({
      code: 2,
      stdout: '',
      stderr: `pull requires an OCI reference (oci://...): got "ghcr.io/a/b"\nRun 'pacto pull --help' for usage.\n`,
    });
    expect(await runPacto(['login', 'ghcr.io'], { cwd, env })).toEqual({ code: 2, stdout: '', stderr: "--username is required\nRun 'pacto login --help' for usage.\n" });
  });

  it('reports a missing artifact, and reads oci:// contracts in validate', async () => {
    const { cwd, env } = await workspace();
    const repo = uniqueRepo();
    expect(await runPacto(['pull', `oci://${anonymousRegistry}/${repo}:9.9.9`], { cwd, env })).toEqual({
      code: 1,
      stdout: '',
      stderr: `artifact not found: ${anonymousRegistry}/${repo}:9.9.9\n`,
    });
    await runPacto(['push', `oci://${anonymousRegistry}/${repo}`, '-p', 'svc'], { cwd, env });
    const validate = await runPacto(['validate', `oci://${anonymousRegistry}/${repo}`], { cwd, env });
    expect(validate.code).toBe(0);
    expect(validate.stderr).toBe('');
  });

  it('pushes to and pulls from an OCI image layout without a registry', async () => {
    const { cwd, env } = await workspace();
    const push = await runPacto(['push', 'oci-layout://layout', '-p', 'svc'], { cwd, env });
    expect(push.stdout).toMatch(/^Pushed svc@0\.1\.0 -> oci-layout:\/\/layout:0\.1\.0\nDigest: sha256:[0-9a-f]{64}\n$/);
    expect(JSON.parse(readFileSync(join(cwd, 'layout', 'index.json'), 'utf8')).manifests).toHaveLength(1);
    const pull = await runPacto(['pull', 'oci-layout://layout', '-o', 'copy'], { cwd, env });
    expect(pull).toEqual({ code: 0, stdout: 'Pulled svc@0.1.0 -> copy/\n', stderr: '' });
    expect(tree(join(cwd, 'copy'))).toEqual(tree(join(cwd, 'svc')));
  });
});
