import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runPacto } from './support/run-pacto.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();
const { anonymousRegistry, authRegistry, authUsername, authPassword } = inject('registries');

async function workspace() {
  const cwd = tempDir();
  const home = tempDir();
  const env = { HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache'), DOCKER_CONFIG: join(home, 'docker') };
  await runPacto(['init', 'svc'], { cwd, env });
  return { cwd, env };
}

/** The `msg` of each -v line, with its fields. */
function logLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.includes('level=DEBUG'));
}

describe('-v says what the command did, on stderr', { timeout: 120_000 }, () => {
  it('files read by validate, and nothing on stdout but the result', async () => {
    const { cwd, env } = await workspace();
    const run = await runPacto(['validate', 'svc', '-v', '--output-format', 'json'], { cwd, env });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ Valid: true });
    const lines = logLines(run.stderr);
    expect(lines.some((line) => /msg="contract directory read" path=svc contract=svc\/pacto\.yaml/.test(line))).toBe(true);
    expect(lines.some((line) => /msg="file read" path=interfaces\/openapi\.yaml/.test(line))).toBe(true);
    expect(lines.every((line) => /^time=\S+ level=DEBUG msg="[^"]+"/.test(line))).toBe(true);
    expect((await runPacto(['validate', 'svc'], { cwd, env })).stderr).toBe('');
  });

  it('registry requests, blobs already present and cache hits for push and pull', async () => {
    const { cwd, env } = await workspace();
    const repo = `json/v${process.pid}-${Date.now().toString(36)}`;
    const ref = `oci://${anonymousRegistry}/${repo}`;
    const push = await runPacto(['push', ref, '-p', 'svc', '-v'], { cwd, env });
    expect(push.code).toBe(0);
    expect(push.stderr).toMatch(new RegExp(`msg="registry request" method=HEAD url=http://${anonymousRegistry}/v2/${repo}/manifests/0\\.1\\.0 status=404 ms=\\d+`));
    expect(push.stderr).toMatch(/msg="registry request" method=PUT url=\S+\/manifests\/0\.1\.0 status=201/);
    const forced = await runPacto(['push', ref, '-p', 'svc', '--force', '-v'], { cwd, env });
    expect(forced.stderr).toMatch(/msg="blob already present" digest=sha256:[0-9a-f]{64} bytes=\d+/);

    const first = await runPacto(['pull', `${ref}:0.1.0`, '-o', 'first', '-v'], { cwd, env });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`msg="bundle cache miss" ref=${anonymousRegistry}/${repo}:0.1.0`);
    expect(first.stderr).toContain('msg="bundle cached"');
    const second = await runPacto(['pull', `${ref}:0.1.0`, '-o', 'second', '-v'], { cwd, env });
    expect(second.stderr).toContain(`msg="bundle cache hit" ref=${anonymousRegistry}/${repo}:0.1.0 cache=disk`);
    expect(second.stderr).not.toContain('msg="registry request" method=GET');
    const uncached = await runPacto(['pull', `${ref}:0.1.0`, '-o', 'third', '-v', '--no-cache'], { cwd, env });
    expect(uncached.stderr).toContain('msg="bundle cache not read (--no-cache)"');
  });

  it('names the credential source, never the secret', async () => {
    const { cwd, env } = await workspace();
    const run = await runPacto(['push', `oci://${authRegistry}/json/auth${process.pid}`, '-p', 'svc', '-v'], {
      cwd,
      env: { ...env, PACTO_REGISTRY_USERNAME: authUsername, PACTO_REGISTRY_PASSWORD: authPassword },
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`msg="registry credentials" registry=${authRegistry.replace('.', '\\.')} source=\\S+`));
    expect(run.stderr).not.toContain(authPassword);
    expect(run.stderr).not.toMatch(/authorization/i);
  });
});
