import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPacto } from './support/run-pacto.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();

describe('pacto init', () => {
  it('scaffolds a contract that validates cleanly', async () => {
    const cwd = tempDir();
    const init = await runPacto(['init', 'my-service'], { cwd });
    expect(init).toEqual({
      code: 0,
      stdout: 'Created my-service/\n  my-service/pacto.yaml\n  my-service/interfaces/\n  my-service/configuration/\n',
      stderr: '',
    });
    const validate = await runPacto(['validate', 'my-service'], { cwd });
    expect(validate).toEqual({ code: 0, stdout: 'my-service is valid\n', stderr: '' });
  });

  it('refuses an existing directory and leaves it alone', async () => {
    const cwd = tempDir();
    await runPacto(['init', 'svc'], { cwd });
    writeFileSync(join(cwd, 'svc', 'pacto.yaml'), 'kept');
    const again = await runPacto(['init', 'svc'], { cwd });
    expect(again).toEqual({ code: 1, stdout: '', stderr: 'directory "svc" already exists\n' });
    expect(readFileSync(join(cwd, 'svc', 'pacto.yaml'), 'utf8')).toBe('kept');
  });

  it('prints the JSON result and checks its argument count', async () => {
    const cwd = tempDir();
    expect((await runPacto(['init', 'x', '--output-format', 'json'], { cwd })).stdout).toBe(
      '{\n  "Dir": "x",\n  "Path": "x/pacto.yaml"\n}\n',
    );
    expect(await runPacto(['init'], { cwd })).toEqual({ code: 2, stdout: '', stderr: "accepts 1 arg(s), received 0\nRun 'pacto init --help' for usage.\n" });
    expect(await runPacto(['init', ''], { cwd })).toEqual({ code: 1, stdout: '', stderr: 'service name is required\n' });
  });
});

describe('pacto validate', () => {
  it('reports findings on stderr, the verdict on stdout, and exits 1', async () => {
    const cwd = tempDir();
    await runPacto(['init', 'svc'], { cwd });
    const file = join(cwd, 'svc', 'pacto.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('interface: api\n    path: /health', 'interface: web\n    path: /health'));
    const run = await runPacto(['validate', 'svc'], { cwd });
    expect(run).toEqual({
      code: 1,
      stdout: 'svc is invalid\n',
      stderr:
        '  ERROR [HEALTH_INTERFACE_NOT_FOUND] runtime.health.interface: health interface "web" does not match any declared interface (svc/pacto.yaml:45:16)\n' +
        'validation failed with 1 error(s)\n',
    });
  });

  it('prints only JSON on stdout in JSON mode', async () => {
    const cwd = tempDir();
    await runPacto(['init', 'svc'], { cwd });
    const valid = await runPacto(['validate', 'svc', '--output-format', 'json'], { cwd });
    expect(valid).toEqual({
      code: 0,
      stdout: '{\n  "Path": "svc",\n  "Valid": true,\n  "Errors": null,\n  "Warnings": null\n}\n',
      stderr: '',
    });
    const missing = await runPacto(['validate', 'nope', '--output-format', 'json'], { cwd });
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toEqual({
      Path: 'nope',
      Valid: false,
      Errors: [{ Path: '', Code: 'PARSE_ERROR', Message: 'failed to access nope: no such file or directory' }],
      Warnings: null,
    });
    expect(missing.stderr).toBe('validation failed with 1 error(s)\n');
  });

  it('names the .pactoignore pattern that removed a referenced file', async () => {
    const cwd = tempDir();
    await runPacto(['init', 'svc'], { cwd });
    writeFileSync(join(cwd, 'svc', '.pactoignore'), '# generated stubs\ninterfaces/\n');
    const run = await runPacto(['validate', 'svc'], { cwd });
    expect(run).toEqual({
      code: 1,
      stdout: 'svc is invalid\n',
      stderr:
        '  ERROR [FILE_NOT_FOUND] interfaces[0].contract: interface contract file "interfaces/openapi.yaml" not found in bundle (excluded by .pactoignore pattern "interfaces/") (svc/pacto.yaml:18:15)\n' +
        'validation failed with 1 error(s)\n',
    });
  });

  it('validates the current directory when no argument is given', async () => {
    const cwd = tempDir();
    await runPacto(['init', 'svc'], { cwd });
    expect(await runPacto(['validate'], { cwd: join(cwd, 'svc') })).toEqual({ code: 0, stdout: '. is valid\n', stderr: '' });
  });
});

describe('pacto explain', () => {
  it("prints cli.md's sample for the edited scaffold byte for byte", async () => {
    const cwd = tempDir();
    await runPacto(['init', 'my-service'], { cwd });
    const file = join(cwd, 'my-service', 'pacto.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('version: 0.1.0', 'version: 1.0.0').replace('team: team/my-team', 'team: team/backend'),
    );
    const run = await runPacto(['explain', 'my-service'], { cwd });
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Service: my-service@1.0.0',
        'Owner: team/backend',
        'Pacto Version: 1.0',
        '',
        'Runtime:',
        '  Workload: service',
        '  State: stateless',
        '  Persistence: local/ephemeral',
        '  Data Criticality: low',
        '',
        'Interfaces (1):',
        '  - api (http, port 8080, internal)',
        '',
        'Scaling: 1-3',
        '',
      ].join('\n'),
    });
  });

  it('reports a parse failure as one line naming the file, line and column', async () => {
    const cwd = tempDir();
    await runPacto(['init', 'svc'], { cwd });
    writeFileSync(join(cwd, 'svc', 'pacto.yaml'), 'pactoVersion: "3.0"\nservice:\n  name: svc\n  version: 1.0.0\n');
    expect(await runPacto(['explain', 'svc'], { cwd })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'svc/pacto.yaml:1:15: unsupported pactoVersion "3.0"; supported versions: 1.0, 1.1, 1.2, 2.0\n',
    });
  });
});
