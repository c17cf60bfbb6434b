import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPacto } from './support/run-pacto.js';
import { useTempDirs } from './support/temp-dir.js';

// pacto migrate and pacto init --pacto-version (issue 13; docs/cli.md).

const tempDir = useTempDirs();
const MODELINE = '# yaml-language-server: $schema=https://cdn.jsdelivr.net/npm/@pacto/schema/schema/pacto.schema.json';

describe('pacto init --pacto-version', () => {
  it('writes a 2.0 contract that validates, starting with the editor modeline', async () => {
    const cwd = tempDir();
    expect((await runPacto(['init', 'svc', '--pacto-version', '2.0'], { cwd })).code).toBe(0);
    const text = readFileSync(join(cwd, 'svc', 'pacto.yaml'), 'utf8');
    expect(text.split('\n').slice(0, 2)).toEqual([MODELINE, 'pactoVersion: "2.0"']);
    expect(await runPacto(['validate', 'svc'], { cwd })).toEqual({ code: 0, stdout: 'svc is valid\n', stderr: '' });
    const gate = await runPacto(['validate', 'svc', '--readiness'], { cwd });
    expect(gate.code).toBe(1);
    expect(gate.stderr).toContain('score below gate: score 0, minScore 80 (0 done, 0 partial, 2 not-done, 0 deferred)');
    const explain = await runPacto(['explain', 'svc'], { cwd });
    expect(explain.stdout).toContain('Interfaces (1):\n  - api (openapi: interfaces/openapi.yaml, internal)\n');
  });

  it('keeps 1.0 as the default, with the modeline too', async () => {
    const cwd = tempDir();
    await runPacto(['init', 'svc'], { cwd });
    expect(readFileSync(join(cwd, 'svc', 'pacto.yaml'), 'utf8').split('\n').slice(0, 2)).toEqual([MODELINE, 'pactoVersion: "1.0"']);
  });

  it('refuses another version as a usage error', async () => {
    const cwd = tempDir();
    expect(await runPacto(['init', 'svc', '--pacto-version', '1.1'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'invalid value "1.1" for --pacto-version: expected 1.0 or 2.0\nRun \'pacto init --help\' for usage.\n',
    });
    expect(existsSync(join(cwd, 'svc'))).toBe(false);
  });
});

describe('pacto migrate', () => {
  it('rewrites the scaffold in place, notes what it drops, and the result validates', async () => {
    const cwd = tempDir();
    await runPacto(['init', 'svc'], { cwd });
    const run = await runPacto(['migrate', 'svc'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Migrated svc/pacto.yaml from 1.0 to 2.0\n');
    expect(run.stderr.split('\n').filter((l) => l.includes('WARN'))).toEqual([
      '  WARN  [FIELD_NOT_CARRIED] service.image: 2.0 has no service.image: the container image is a delivery concern; keep the image reference in your deployment manifests (svc/pacto.yaml:9:3)',
      '  WARN  [FIELD_NOT_CARRIED] interfaces[0].port: the port of interface "api" is not carried: 2.0 leaves ports to the deployment (svc/pacto.yaml:16:5)',
      '  WARN  [VALUE_ASSUMED] configurations: 2.0 asks whether each configuration is required; "default" is marked required: true; set required: false where the service runs without it (svc/pacto.yaml:20:1)',
      '  WARN  [FIELD_NOT_CARRIED] runtime.lifecycle: 2.0 has no lifecycle: upgrade strategy and shutdown grace belong to the deployment; keep them in your deployment manifests (svc/pacto.yaml:40:3)',
      '  WARN  [FIELD_NOT_CARRIED] runtime.health.initialDelaySeconds: 2.0 has no initialDelaySeconds: probe timing belongs to the deployment (svc/pacto.yaml:47:5)',
      '  WARN  [FIELD_NOT_CARRIED] scaling: 2.0 has no scaling: the instance count is left to the deployment; keep the replica count or autoscaler in your deployment manifests (svc/pacto.yaml:53:1)',
    ]);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('note: the positions above are lines of the 1.0 file, before it was rewritten');
    const text = readFileSync(join(cwd, 'svc', 'pacto.yaml'), 'utf8');
    expect(text).toContain(MODELINE);
    expect(text).toContain('# dependencies:\n#   - name: other-service');
    expect(await runPacto(['validate', 'svc'], { cwd })).toEqual({ code: 0, stdout: 'svc is valid\n', stderr: '' });
    expect(await runPacto(['migrate', 'svc'], { cwd })).toEqual({
      code: 0,
      stdout: 'svc/pacto.yaml is already pactoVersion 2.0; nothing to migrate\n',
      stderr: '',
    });
  });

  it('prints a unified diff with --dry-run and writes nothing', async () => {
    const cwd = tempDir();
    await runPacto(['init', 'svc'], { cwd });
    const before = readFileSync(join(cwd, 'svc', 'pacto.yaml'), 'utf8');
    const run = await runPacto(['migrate', 'svc', '--dry-run'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('--- a/svc/pacto.yaml\n+++ b/svc/pacto.yaml\n@@ -1,')).toBe(true);
    expect(run.stdout).toContain('\n-pactoVersion: "1.0"\n+pactoVersion: "2.0"\n');
    expect(run.stdout).toContain('\n-    port: 8080\n');
    expect(readFileSync(join(cwd, 'svc', 'pacto.yaml'), 'utf8')).toBe(before);
  });

  it('writes a migrated copy of the bundle with -o, which diff compares with the original', async () => {
    const cwd = tempDir();
    await runPacto(['init', 'svc'], { cwd });
    expect((await runPacto(['migrate', 'svc', '-o', 'svc-2.0'], { cwd })).stdout).toBe('Migrated svc/pacto.yaml from 1.0 to 2.0 -> svc-2.0/\n');
    expect(readFileSync(join(cwd, 'svc', 'pacto.yaml'), 'utf8')).toContain('pactoVersion: "1.0"');
    expect(existsSync(join(cwd, 'svc-2.0', 'interfaces', 'openapi.yaml'))).toBe(true);
    expect((await runPacto(['validate', 'svc-2.0'], { cwd })).code).toBe(0);
    const diff = await runPacto(['diff', 'svc', 'svc-2.0'], { cwd });
    expect(diff.stderr).toBe('note: the old contract is pactoVersion 1.0; it was compared through its migration to 2.0 (see pacto migrate)\n');
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('Classification: NON_BREAKING');
    expect(diff.stdout).toContain('pactoVersion');
  });

  it('answers in JSON', async () => {
    const cwd = tempDir();
    await runPacto(['init', 'svc'], { cwd });
    const run = await runPacto(['migrate', 'svc', '--dry-run', '--output-format', 'json'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ file: 'svc/pacto.yaml', from: '1.0', to: '2.0', changed: true, written: false, valid: true, errors: [] });
    expect((json['notes'] as unknown[])[0]).toEqual({
      code: 'FIELD_NOT_CARRIED',
      path: 'service.image',
      message: '2.0 has no service.image: the container image is a delivery concern',
      hint: 'keep the image reference in your deployment manifests',
      file: 'svc/pacto.yaml',
      line: 9,
      column: 3,
    });
    expect(json['diff']).toEqual(expect.stringContaining('+pactoVersion: "2.0"'));
  });

  it('writes nothing when the bundle policy refuses the 2.0 contract, and says why', async () => {
    const cwd = tempDir();
    await runPacto(['init', 'svc'], { cwd });
    const contract = join(cwd, 'svc', 'pacto.yaml');
    writeFileSync(contract, `${readFileSync(contract, 'utf8')}policies:\n  - name: needs-runtime\n    schema: policy.json\n`);
    writeFileSync(join(cwd, 'svc', 'policy.json'), '{"type": "object", "required": ["runtime"]}');
    const before = readFileSync(contract, 'utf8');
    const run = await runPacto(['migrate', 'svc'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('  ERROR [POLICY_VIOLATION] : policy policies["needs-runtime"]: at \'\': missing required field "runtime" (svc/pacto.yaml:2:1)');
    expect(run.stderr).toContain('the migrated contract is not valid (1 error(s)); nothing was written\n');
    expect(run.stderr).toContain("hint: the bundle's policies check 1.x fields");
    expect(readFileSync(contract, 'utf8')).toBe(before);
  });

  it('refuses --to other than 2.0 (exit 2) and reports a contract that does not parse', async () => {
    const cwd = tempDir();
    await runPacto(['init', 'svc'], { cwd });
    expect(await runPacto(['migrate', 'svc', '--to', '3.0'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'invalid value "3.0" for --to: expected 2.0\nRun \'pacto migrate --help\' for usage.\n',
    });
    writeFileSync(join(cwd, 'svc', 'pacto.yaml'), 'pactoVersion: "3.0"\nservice: {name: svc, version: 1.0.0}\n');
    const run = await runPacto(['migrate', 'svc'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unsupported pactoVersion "3.0"; supported versions: 1.0, 1.1, 1.2, 2.0');
  });

  it('migrates a published 1.2 example of the Go project', async () => {
    const cwd = tempDir();
    const source = fileURLToPath(new URL('../../validate/test/fixtures/upstream/v1.2/orders-service-v1.2.0', import.meta.url));
    cpSync(source, join(cwd, 'orders'), { recursive: true });
    const run = await runPacto(['migrate', 'orders'], { cwd });
    expect(run.code).toBe(0);
    expect(readFileSync(join(cwd, 'orders', 'pacto.yaml'), 'utf8')).toContain('  claims:\n');
    // migrate validated it already (its policy ref is remote, so `pacto validate` would go to the registry).
    expect((await runPacto(['explain', 'orders'], { cwd })).stdout).toContain('Pacto Version: 2.0\n');
  });
});
