import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildPluginOnPath, EXAMPLES, type PluginOnPath } from '../../plugin-test-support.js';
import { checkManifest } from './kubernetes-schemas.js';

let plugin: PluginOnPath;
beforeAll(() => {
  plugin = buildPluginOnPath(fileURLToPath(new URL('..', import.meta.url)), 'kubernetes');
}, 60_000);
afterAll(() => plugin.dispose());

describe('pacto generate kubernetes (the built plugin on PATH, the built CLI)', { timeout: 60_000 }, () => {
  it.each(EXAMPLES)('examples/%s: writes manifests that are valid against the Kubernetes schemas', (name) => {
    const out = join(plugin.work, name);
    const run = plugin.pacto(['generate', 'kubernetes', `examples/${name}`, '-o', out, '--option', 'namespace=demo']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const files = readdirSync(out).sort();
    expect(run.stdout).toMatch(new RegExp(`^Generated ${files.length} file\\(s\\) using kubernetes\\nOutput: ${out}/\\nMessage: .+ for (Deployment|StatefulSet|CronJob) `));
    const kustomization = parse(readFileSync(join(out, 'kustomization.yaml'), 'utf8'));
    expect(kustomization.namespace).toBe('demo');
    expect([...kustomization.resources, 'kustomization.yaml'].sort()).toEqual(files);
    for (const file of kustomization.resources as string[]) {
      const object = checkManifest(file, readFileSync(join(out, file), 'utf8'));
      expect(object.metadata.labels?.['app.kubernetes.io/managed-by']).toBe('pacto');
    }
  });

  it('a plugin error is one line and nothing is written', () => {
    const out = join(plugin.work, 'refused');
    const run = plugin.pacto(['generate', 'kubernetes', 'examples/nginx', '-o', out, '--option', 'replicas=3']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('plugin kubernetes: unknown option "replicas" (options are namespace, image, storage, storage-class, schedule, cpu-target, image-pull-secret, data-path)\n');
    expect(existsSync(out)).toBe(false);
  });
});
