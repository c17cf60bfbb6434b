import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { runPluginProcess } from '@pacto/plugin/host';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'pacto-docs-plugin-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('docs/plugins.md', { timeout: 60_000 }, () => {
  it('the 20-line plugin builds into an executable that works as written', async () => {
    const page = readFileSync(join(REPO, 'docs/plugins.md'), 'utf8');
    const source = /## A plugin in 20 lines \(TypeScript\)\n\n```ts\n([\s\S]*?)```/.exec(page)?.[1];
    expect(source?.trimEnd().split('\n').length).toBeLessThanOrEqual(20);
    const executable = join(work, 'pacto-plugin-env.mjs');
    // Bundled from the CLI package's directory, where @pacto/plugin resolves as in a user's project.
    await build({
      stdin: { contents: source!, loader: 'ts', resolveDir: join(REPO, 'packages/cli'), sourcefile: 'plugin.ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: executable,
      conditions: ['@pacto/source'],
      logLevel: 'warning',
    });
    chmodSync(executable, 0o755);
    const { loadBundleDir } = await import('@pacto/bundle');
    const { parseContract } = await import('@pacto/schema');
    const bundle = await loadBundleDir(join(REPO, 'examples/nginx'));
    const parsed = parseContract(bundle.text, bundle.fileName);
    if (!parsed.ok) throw parsed.error;
    const request = { protocolVersion: '1', contract: parsed.contract, bundleDir: join(REPO, 'examples/nginx'), outputDir: work, options: { prefix: 'EDGE' } };
    const response = await runPluginProcess(executable, 'env', request);
    expect(response.files.map((file) => file.path)).toEqual(['.env.example']);
    const env = response.files[0]!.content;
    expect(env).toContain('EDGE_ROUTING_SERVER_NAME=shop.example.com\n');
    expect(env).toContain('EDGE_ROUTING_UPSTREAMS={"inventory":"inventory:50051","sessions":"session-cache:8080"}\n');
    expect(response.message).toBe('3 variable(s)');

    const none = { ...request, contract: { ...parsed.contract, configurations: [] } };
    await expect(runPluginProcess(executable, 'env', none)).rejects.toThrow(/^plugin env: nginx has no configuration values$/);
  });
});
