import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundleArchive } from '@pacto/bundle';
import { runPacto } from './support/run-pacto.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();

async function scaffold(): Promise<string> {
  const cwd = tempDir();
  await runPacto(['init', 'svc'], { cwd });
  return cwd;
}

// Each case spawns several real CLI processes; a loaded machine needs more than the default 5 s.
describe('pacto pack', { timeout: 60_000 }, () => {
  it('packs a valid contract to <name>-<version>.tar.gz, mode 0644, reproducibly', async () => {
    const cwd = await scaffold();
    writeFileSync(join(cwd, 'svc', '.pactoignore'), 'notes/\n');
    writeFileSync(join(cwd, 'svc', 'README.md'), 'readme\n');
    const run = await runPacto(['pack', 'svc'], { cwd });
    expect(run).toEqual({ code: 0, stdout: 'Packed svc@0.1.0 -> svc-0.1.0.tar.gz\n', stderr: '' });
    const file = join(cwd, 'svc-0.1.0.tar.gz');
    expect(statSync(file).mode & 0o777).toBe(0o644);
    const archive = await readBundleArchive(readFileSync(file));
    expect(archive.entries.map((e) => e.path)).toEqual([
      'README.md',
      'configuration',
      'configuration/schema.json',
      'interfaces',
      'interfaces/openapi.yaml',
      'pacto.yaml',
    ]);
    const first = readFileSync(file);
    await runPacto(['pack', 'svc'], { cwd });
    expect(readFileSync(file).equals(first)).toBe(true);
    expect(await runPacto(['validate', 'svc-0.1.0.tar.gz'], { cwd })).toEqual({ code: 0, stdout: 'svc-0.1.0.tar.gz is valid\n', stderr: '' });
  });

  it('leaves a previous archive out when packing inside the contract directory', async () => {
    const cwd = await scaffold();
    const dir = join(cwd, 'svc');
    expect((await runPacto(['pack'], { cwd: dir })).stdout).toBe('Packed svc@0.1.0 -> svc-0.1.0.tar.gz\n');
    const first = readFileSync(join(dir, 'svc-0.1.0.tar.gz'));
    expect((await runPacto(['pack'], { cwd: dir })).code).toBe(0);
    const second = readFileSync(join(dir, 'svc-0.1.0.tar.gz'));
    expect(second.equals(first)).toBe(true);
    expect((await readBundleArchive(second)).files.has('svc-0.1.0.tar.gz')).toBe(false);
  });

  it('archives the overridden pacto.yaml and prints JSON', async () => {
    const cwd = await scaffold();
    writeFileSync(join(cwd, 'v.yaml'), 'service:\n  version: 1.5.0\n');
    const run = await runPacto(['pack', 'svc', '-f', 'v.yaml', '--set', 'service.version=2.0.0', '-o', 'out.tar.gz', '--output-format', 'json'], { cwd });
    expect(run).toEqual({ code: 0, stdout: '{\n  "Output": "out.tar.gz",\n  "Name": "svc",\n  "Version": "2.0.0"\n}\n', stderr: '' });
    const archive = await readBundleArchive(readFileSync(join(cwd, 'out.tar.gz')));
    expect(new TextDecoder().decode(archive.files.get('pacto.yaml'))).toContain('version: 2.0.0');
    expect(readFileSync(join(cwd, 'svc', 'pacto.yaml'), 'utf8')).toContain('version: 0.1.0');
  });

  it('prints the findings and writes nothing when validation fails', async () => {
    const cwd = await scaffold();
    const run = await runPacto(['pack', 'svc', '--set', 'runtime.health.interface=web'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      '  ERROR [HEALTH_INTERFACE_NOT_FOUND] runtime.health.interface: health interface "web" does not match any declared interface (svc/pacto.yaml:45:16)\n' +
        'contract validation failed with 1 error(s)\n',
    );
    expect(readdirSync(cwd)).toEqual(['svc']);
  });

  it('reports load, override and write errors as one line', async () => {
    const cwd = await scaffold();
    expect(await runPacto(['pack', 'nope'], { cwd })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'failed to access nope: no such file or directory\n',
    });
    expect(await runPacto(['pack', 'oci://ghcr.io/acme/svc'], { cwd })).toMatchObject({
      code: 1,
      stderr: 'failed to access oci://ghcr.io/acme/svc: no such file or directory\n',
    });
    expect(await runPacto(['pack', 'svc', '--set', 'service.version'], { cwd })).toMatchObject({
      code: 2,
      stderr: 'invalid --set "service.version": expected key=value\n',
    });
    writeFileSync(join(cwd, 'bad.yaml'), 'a: [');
    expect((await runPacto(['pack', 'svc', '-f', 'bad.yaml'], { cwd })).stderr).toMatch(/^failed to parse values file bad\.yaml: .*\n$/);
    expect(await runPacto(['pack', 'svc', '-o', 'missing/out.tar.gz'], { cwd })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'failed to write missing/out.tar.gz: no such file or directory\n',
    });
    expect(await runPacto(['pack', 'svc', 'extra'], { cwd })).toMatchObject({ code: 2, stderr: "accepts at most 1 arg(s), received 2\nRun 'pacto pack --help' for usage.\n" });
    expect(readdirSync(cwd).sort()).toEqual(['bad.yaml', 'svc']);
  });
});
