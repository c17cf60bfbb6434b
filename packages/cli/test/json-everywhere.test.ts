import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runPacto, type PactoRun } from './support/run-pacto.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();
const { anonymousRegistry } = inject('registries');

/**
 * Every registered command run with `--output-format json` (CONTRIBUTING.md, Output): stdout is exactly one
 * JSON document, on success and on failure, whatever the command. A command added later must be added to
 * `invocations` below, with the arguments of a typical run.
 */
describe('--output-format json on every command', { timeout: 180_000 }, () => {
  it('prints one parsable JSON document on stdout for each command', async () => {
    const cwd = tempDir();
    const home = tempDir();
    const env = { HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache'), DOCKER_CONFIG: join(home, 'docker') };
    expect((await runPacto(['init', 'svc'], { cwd, env })).code).toBe(0);
    mkdirSync(join(cwd, 'out'));
    writeFileSync(join(cwd, 'values.yaml'), 'service:\n  version: 0.2.0\n');
    const repo = `oci://${anonymousRegistry}/json/r${process.pid}-${Date.now().toString(36)}`;

    const invocations: Record<string, { args: string[]; input?: string; code?: number; check?: (json: Record<string, unknown>) => void }[]> = {
      init: [{ args: ['init', 'second'], check: (json) => expect(json).toEqual({ Dir: 'second', Path: 'second/pacto.yaml' }) }],
      validate: [{ args: ['validate', 'svc'], check: (json) => expect(json.Valid).toBe(true) }],
      explain: [{ args: ['explain', 'svc'] }],
      doc: [{ args: ['doc', 'svc'], check: (json) => expect(json.serviceName).toBe('svc') }],
      diff: [
        { args: ['diff', 'svc', 'svc'], check: (json) => expect(json.classification).toBe('NON_BREAKING') },
        { args: ['diff', 'svc', 'missing'], code: 2, check: (json) => expect(json).toHaveProperty('error.message') },
      ],
      graph: [{ args: ['graph', 'svc'] }],
      generate: [{ args: ['generate', 'no-such-plugin', 'svc', '-o', 'out/gen'], code: 1, check: (json) => expect(json).toHaveProperty('error.code') }],
      lock: [{ args: ['lock', 'svc'], check: (json) => expect(json).toMatchObject({ path: 'svc/pacto.lock', written: true }) }],
      migrate: [{ args: ['migrate', 'svc', '-o', 'out/migrated'], check: (json) => expect(json).toMatchObject({ from: '1.0', to: '2.0', written: true, valid: true }) }],
      pack: [{ args: ['pack', 'svc', '-o', 'out/svc.tar.gz'], check: (json) => expect(json.Output).toBe('out/svc.tar.gz') }],
      push: [
        { args: ['push', repo, '-p', 'svc'], check: (json) => expect(json.Digest).toMatch(/^sha256:/) },
        { args: ['push', repo, '-p', 'svc'], check: (json) => expect(json.Exists).toBe(true) },
      ],
      pull: [{ args: ['pull', `${repo}:0.1.0`, '-o', 'out/pulled'], check: (json) => expect(json.Output).toBe('out/pulled') }],
      login: [{ args: ['login', 'registry.example', '-u', 'me', '--password-stdin'], input: 'secret\n', check: (json) => expect(json.registry).toBe('registry.example') }],
      logout: [{ args: ['logout', 'registry.example'], check: (json) => expect(json.removed).toBe(true) }],
      mcp: [{ args: ['mcp', '--transport', 'carrier-pigeon'], code: 2, check: (json) => expect(json).toHaveProperty('error.message') }],
      dashboard: [{ args: ['dashboard', 'svc', '--export', 'out/site'] }],
      version: [{ args: ['version'], check: (json) => expect(json).toHaveProperty('version') }],
      update: [{ args: ['update'], code: 1, check: (json) => expect(json).toHaveProperty('error.code', 'UPDATE_CHECK_FAILED') }],
      help: [{ args: ['help'], check: (json) => expect(json).toHaveProperty('commands') }],
      completion: [{ args: ['completion', 'bash'], check: (json) => expect(json.shell).toBe('bash') }],
    };

    const { commands } = JSON.parse((await runPacto(['help', '--output-format', 'json'])).stdout) as { commands: { name: string }[] };
    expect(commands.map((c) => c.name).filter((name) => !(name in invocations))).toEqual([]);

    for (const name of commands.map((c) => c.name)) {
      for (const invocation of invocations[name]!) {
        const run: PactoRun = await runPacto([...invocation.args, '--output-format', 'json'], {
          cwd,
          env: { ...env, PACTO_UPDATE_REGISTRY: 'http://127.0.0.1:9' },
          ...(invocation.input ? { input: invocation.input } : {}),
        });
        const label = `pacto ${invocation.args.join(' ')} --output-format json`;
        expect(run.code, `${label}\n${run.stderr}`).toBe(invocation.code ?? 0);
        let json: Record<string, unknown>;
        try {
          json = JSON.parse(run.stdout) as Record<string, unknown>;
        } catch {
          throw new Error(`${label} printed no single JSON document on stdout:\n${run.stdout}`);
        }
        expect(typeof json, label).toBe('object');
        invocation.check?.(json);
      }
    }
  });
});
