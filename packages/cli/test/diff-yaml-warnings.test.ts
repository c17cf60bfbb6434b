import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPacto } from './support/run-pacto.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();

function contractDir(root: string, name: string, version: string, openapi: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'interfaces'), { recursive: true });
  writeFileSync(
    join(dir, 'pacto.yaml'),
    `pactoVersion: "1.0"\nservice:\n  name: svc\n  version: ${version}\ninterfaces:\n  - name: api\n    type: http\n    port: 8080\n    contract: interfaces/openapi.yaml\n`,
  );
  writeFileSync(join(dir, 'interfaces', 'openapi.yaml'), openapi);
  return dir;
}

const OPENAPI = (tag: string, extraPath: string) => `openapi: 3.0.0
info:
  title: api
  version: ${tag} 1.0.0
paths:
  /a:
    get:
      responses:
        "200":
          description: ok
${extraPath}`;

describe('YAML warnings of interface files', () => {
  it('never reach stderr as Node warnings; -v prints them as one debug line each', async () => {
    const root = tempDir();
    const oldDir = contractDir(root, 'old', '1.0.0', OPENAPI('!custom', '  /b:\n    get:\n      responses:\n        "200":\n          description: ok\n'));
    const newDir = contractDir(root, 'new', '1.1.0', OPENAPI('!custom', ''));
    const quiet = await runPacto(['diff', oldDir, newDir]);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).not.toMatch(/YAMLWarning|\(node:\d+\)|TAG_RESOLVE_FAILED/);
    expect(quiet.stdout).toContain('/b');

    const verbose = await runPacto(['diff', oldDir, newDir, '-v']);
    expect(verbose.stderr).not.toMatch(/YAMLWarning|\(node:\d+\)/);
    const lines = verbose.stderr.split('\n').filter((line) => line.includes('level=DEBUG') && line.includes('Unresolved tag'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/msg="interfaces\/openapi\.yaml: line 4, column 12: Unresolved tag: !custom"$/);
  });
});
