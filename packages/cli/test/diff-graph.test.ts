import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPacto } from './support/run-pacto.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();

function service(root: string, dir: string, name: string, version: string, deps: string[] = [], port?: number): void {
  mkdirSync(join(root, dir), { recursive: true });
  const lines = ['pactoVersion: "1.1"', 'service:', `  name: ${name}`, `  version: ${version}`];
  if (port !== undefined) lines.push('interfaces:', '  - name: api', '    type: http', `    port: ${port}`);
  if (deps.length > 0) {
    lines.push('dependencies:');
    for (const ref of deps) lines.push(`  - name: ${ref.split('/').pop()}`, `    ref: ${ref}`, '    compatibility: ^1.0.0');
  }
  writeFileSync(join(root, dir, 'pacto.yaml'), `${lines.join('\n')}\n`);
}

async function seed(): Promise<string> {
  const cwd = tempDir();
  await runPacto(['init', 'svc'], { cwd });
  cpSync(join(cwd, 'svc'), join(cwd, 'old'), { recursive: true });
  const file = join(cwd, 'svc', 'pacto.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('port: 8080', 'port: 9090'));
  return cwd;
}

describe('pacto diff', { timeout: 60_000 }, () => {
  it('reports the seed port change as BREAKING and exits 1 after printing the report', async () => {
    const cwd = await seed();
    expect(await runPacto(['diff', 'old', 'svc'], { cwd })).toEqual({
      code: 1,
      stdout: 'Classification: BREAKING\nChanges (1):\n  [BREAKING] interfaces.port (modified): interfaces.port modified [8080 -> 9090]\n',
      stderr: 'breaking changes detected\n',
    });
  });

  it('prints no changes for identical contracts, exit 0, and accepts a .tar.gz bundle', async () => {
    const cwd = await seed();
    expect(await runPacto(['diff', 'old', 'file://old'], { cwd })).toEqual({ code: 0, stdout: 'Classification: NON_BREAKING\nNo changes detected.\n', stderr: '' });
    expect((await runPacto(['pack', 'old', '-o', 'old.tar.gz'], { cwd })).code).toBe(0);
    const run = await runPacto(['diff', 'old.tar.gz', 'svc', '--output-format', 'json'], { cwd });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ oldPath: 'old.tar.gz', newPath: 'svc', classification: 'BREAKING', graphDiff: { root: { name: 'svc', version: '0.1.0' } } });
  });

  it('prefixes load errors with the side, exits 2 when it could not compare, and checks the argument count', async () => {
    const cwd = await seed();
    expect(await runPacto(['diff', 'nope', 'svc'], { cwd })).toEqual({ code: 2, stdout: '', stderr: 'old contract: failed to access nope: no such file or directory\n' });
    writeFileSync(join(cwd, 'svc', 'pacto.yaml'), 'pactoVersion: "1.1"\nservice: {name: svc}\n');
    const broken = await runPacto(['diff', 'old', 'svc'], { cwd });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toBe('new contract: svc/pacto.yaml:2:10: parse error at service.version: service.version is required\nhint: add version: <semantic version>, e.g. 1.0.0, under service\n');
    expect(await runPacto(['diff', 'old'], { cwd })).toEqual({ code: 2, stdout: '', stderr: "accepts 2 arg(s), received 1\nRun 'pacto diff --help' for usage.\n" });
  });

  it('--fail-on POTENTIAL_BREAKING fails on a visibility change; markdown, github, sarif and codequality formats', async () => {
    const cwd = await seed();
    writeFileSync(join(cwd, 'svc', 'pacto.yaml'), readFileSync(join(cwd, 'old', 'pacto.yaml'), 'utf8').replace('visibility: internal', 'visibility: public'));
    const lenient = await runPacto(['diff', 'old', 'svc'], { cwd });
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain('Classification: POTENTIAL_BREAKING\n');
    const strict = await runPacto(['diff', 'old', 'svc', '--fail-on', 'POTENTIAL_BREAKING', '--output-format', 'markdown'], { cwd });
    expect(strict).toMatchObject({ code: 1, stderr: 'breaking changes detected\n' });
    expect(strict.stdout).toContain('| POTENTIAL_BREAKING | `interfaces.visibility` | modified |');
    const lines = readFileSync(join(cwd, 'svc', 'pacto.yaml'), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('visibility: public')) + 1;
    const github = await runPacto(['diff', 'old', 'svc', '--output-format', 'github'], { cwd });
    expect(github.stdout).toBe(
      `::warning file=svc/pacto.yaml,line=${line},col=${lines[line - 1]!.indexOf('public') + 1},title=pacto diff%3A POTENTIAL_BREAKING::[POTENTIAL_BREAKING] interfaces.visibility (modified): interfaces.visibility modified [api: internal -> api: public]\n`,
    );
    const sarif = JSON.parse((await runPacto(['diff', 'old', 'svc', '--output-format', 'sarif'], { cwd })).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'svc/pacto.yaml' }, region: { startLine: line, startColumn: lines[line - 1]!.indexOf('public') + 1 } });
    const quality = JSON.parse((await runPacto(['diff', 'old', 'svc', '--output-format', 'codequality'], { cwd })).stdout);
    expect(quality).toEqual([
      expect.objectContaining({ check_name: 'pacto/diff/POTENTIAL_BREAKING', severity: 'minor', location: { path: 'svc/pacto.yaml', lines: { begin: line } } }),
    ]);
    expect(await runPacto(['diff', 'old', 'svc', '--fail-on', 'NON_BREAKING'], { cwd })).toMatchObject({
      code: 2,
      stderr: `invalid value "NON_BREAKING" for --fail-on: expected BREAKING or POTENTIAL_BREAKING\nRun 'pacto diff --help' for usage.\n`,
    });
    expect((await runPacto(['diff', 'old', 'svc', '--fail-on', 'potential_breaking'], { cwd })).code).toBe(1);
  });

  it('T28 compares dependency contracts found in both graphs', async () => {
    const cwd = tempDir();
    for (const side of ['old', 'new']) service(cwd, `${side}/my-service`, 'my-service', '1.0.0', ['../auth']);
    service(cwd, 'old/auth', 'auth', '1.0.0', [], 8080);
    service(cwd, 'new/auth', 'auth', '2.0.0', [], 9090);
    expect(await runPacto(['diff', 'old/my-service', 'new/my-service'], { cwd })).toEqual({
      code: 1,
      stdout: [
        'Classification: BREAKING',
        '',
        'Dependency auth [BREAKING] (2):',
        '  [NON_BREAKING] service.version (modified): service.version modified [1.0.0 -> 2.0.0]',
        '  [BREAKING] interfaces.port (modified): interfaces.port modified [8080 -> 9090]',
        '',
        'Dependency graph changes:',
        'my-service',
        '└─ auth          1.0.0 → 2.0.0',
        '',
      ].join('\n'),
      stderr: 'breaking changes detected\n',
    });
  });
});

describe('pacto diff with overrides and local siblings', { timeout: 60_000 }, () => {
  it('applies --new-set and finds an oci:// dependency in a sibling directory of the new root', async () => {
    const cwd = tempDir();
    const root = 'pactoVersion: "1.1"\nservice: {name: my-service, version: 1.0.0}\ndependencies:\n  - {name: auth, ref: "oci://127.0.0.1:1/acme/auth:1.0.0", compatibility: ^1.0.0}\n';
    for (const dir of ['old/my-service', 'new/my-service', 'new/auth']) mkdirSync(join(cwd, dir), { recursive: true });
    writeFileSync(join(cwd, 'old/my-service/pacto.yaml'), root);
    writeFileSync(join(cwd, 'new/my-service/pacto.yaml'), root);
    writeFileSync(join(cwd, 'new/auth/pacto.yaml'), 'pactoVersion: "1.1"\nservice: {name: auth, version: 1.0.0}\n');
    expect(await runPacto(['diff', 'old/my-service', 'new/my-service', '--new-set', 'service.version=1.1.0'], { cwd })).toEqual({
      code: 0,
      stdout: [
        'Classification: NON_BREAKING',
        'Changes (1):',
        '  [NON_BREAKING] service.version (modified): service.version modified [1.0.0 -> 1.1.0]',
        '',
        'Dependency graph changes:',
        'my-service',
        '└─ auth          +1.0.0',
        '',
      ].join('\n'),
      stderr: '',
    });
  });
});

describe('pacto validate CI formats', { timeout: 60_000 }, () => {
  it('prints GitHub annotations, SARIF and Code Quality at the finding line, failure line on stderr', async () => {
    const cwd = await seed();
    const file = join(cwd, 'svc', 'pacto.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('port: 9090', 'port: 99999'));
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('port: 99999')) + 1;
    const github = await runPacto(['validate', 'svc', '--output-format', 'github'], { cwd });
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(new RegExp(`^::error file=svc/pacto.yaml,line=${line},col=11,title=pacto validate%3A SCHEMA_VIOLATION::interfaces`));
    expect(github.stderr).toBe('validation failed with 1 error(s)\n');
    const sarif = JSON.parse((await runPacto(['validate', 'svc', '--output-format', 'sarif'], { cwd })).stdout);
    const quality = await runPacto(['validate', 'svc', '--output-format', 'codequality'], { cwd });
    expect(quality.code).toBe(1);
    expect(JSON.parse(quality.stdout)).toEqual([
      expect.objectContaining({ check_name: 'SCHEMA_VIOLATION', severity: 'major', location: { path: 'svc/pacto.yaml', lines: { begin: line } } }),
    ]);
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'SCHEMA_VIOLATION', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'svc/pacto.yaml' }, region: { startLine: line, startColumn: 11 } } }] });
  });
});

describe('pacto graph', { timeout: 60_000 }, () => {
  it('T32 shared nodes, and the JSON, DOT and Mermaid forms', async () => {
    const cwd = tempDir();
    service(cwd, 'frontend', 'frontend', '1.0.0', ['../backend', '../keycloak']);
    service(cwd, 'backend', 'backend', '1.0.0', ['../postgres', '../keycloak']);
    service(cwd, 'keycloak', 'keycloak', '26.0.0', ['../postgres']);
    service(cwd, 'postgres', 'postgres', '16.4.0');
    expect(await runPacto(['graph', 'frontend'], { cwd })).toEqual({
      code: 0,
      stdout: [
        'frontend@1.0.0',
        '├─ backend@1.0.0 [local]',
        '│  ├─ postgres@16.4.0 [local]',
        '│  └─ keycloak@26.0.0 [local]',
        '│     └─ postgres@16.4.0 [local] (shared)',
        '└─ keycloak@26.0.0 [local] (shared)',
        '',
      ].join('\n'),
      stderr: '',
    });
    const json = JSON.parse((await runPacto(['graph', 'frontend', '--output-format', 'json'], { cwd })).stdout);
    expect(json.root.dependencies[1]).toEqual({
      ref: '../keycloak',
      required: false,
      compatibility: '^1.0.0',
      type: 'dependency',
      node: { name: 'keycloak', version: '26.0.0', ref: '../keycloak', local: true },
      shared: true,
      local: true,
    });
    const dot = await runPacto(['graph', 'frontend', '--format', 'dot'], { cwd });
    expect(dot.stdout).toContain('  "backend@1.0.0" -> "keycloak@26.0.0" [label="^1.0.0", style=dashed];\n');
    const mermaid = await runPacto(['graph', 'frontend', '--format', 'mermaid'], { cwd });
    expect(mermaid.stdout.split('\n')[0]).toBe('flowchart LR');
    expect(await runPacto(['graph', 'frontend', '--format', 'svg'], { cwd })).toMatchObject({
      code: 2,
      stderr: `invalid value "svg" for --format: expected text, json, dot or mermaid\nRun 'pacto graph --help' for usage.\n`,
    });
  });

  it('T33 cycle and T34 conflict with a fetch error exit 0', async () => {
    const cwd = tempDir();
    service(cwd, 'a', 'a', '1.0.0', ['../b']);
    service(cwd, 'b', 'b', '1.0.0', ['../a']);
    expect(await runPacto(['graph', 'a'], { cwd })).toEqual({
      code: 0,
      stdout: 'a@1.0.0\n└─ b@1.0.0 [local]\n   └─ a@1.0.0 [local]\n      └─ b (error: cycle detected: ../b)\n\nCycles (1):\n  a -> ../b -> ../a -> ../b\n',
      stderr: '',
    });
    service(cwd, 'svc', 'svc', '1.0.0', ['../cache-1', '../api', '../missing']);
    service(cwd, 'cache-1', 'cache', '1.0.0');
    service(cwd, 'cache-2', 'cache', '2.0.0');
    service(cwd, 'api', 'api', '1.0.0', ['../cache-2']);
    const run = await runPacto(['graph', 'svc'], { cwd });
    const missing = join(cwd, 'missing');
    expect(run).toEqual({
      code: 0,
      stdout: [
        'svc@1.0.0',
        '├─ cache@1.0.0 [local]',
        '├─ api@1.0.0 [local]',
        '│  └─ cache@2.0.0 [local]',
        `└─ missing (error: failed to access ${missing}: no such file or directory)`,
        '',
        'Conflicts (1):',
        '  cache: [cache@1.0.0 cache@2.0.0]',
        '',
      ].join('\n'),
      stderr: '',
    });
  });
});
