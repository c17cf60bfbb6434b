import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlugin } from '@pacto/plugin/testing';
import plugin from '../src/plugin.js';
import { buildPluginOnPath, EXAMPLES, REPO, type PluginOnPath } from '../../plugin-test-support.js';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
// Inside the package, so the generated code resolves openapi-fetch the way a consumer's project would.
const OUTPUT = join(PACKAGE_DIR, 'test-output');
const WITH_HTTP = EXAMPLES.filter((name) => name !== 'cron-worker');

afterAll(() => rmSync(OUTPUT, { recursive: true, force: true }));

/** Type-checks files with the compiler options of a strict ESM TypeScript project; returns the diagnostics as text. */
function typeCheck(files: string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    skipLibCheck: true,
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('pacto-plugin-openapi-client (in-process)', () => {
  it('writes schema.ts and client.ts per HTTP interface with an OpenAPI document, and an index', async () => {
    const run = await runPlugin(plugin, join(REPO, 'examples/nginx'));
    expect(run.paths).toEqual(['edge/client.ts', 'edge/schema.ts', 'index.ts', 'status/client.ts', 'status/schema.ts']);
    expect(run.file('index.ts')).toContain("export * as edge from './edge/client.js';\nexport * as status from './status/client.js';");
    expect(run.file('edge/client.ts')).toContain('export const defaultBaseUrl = "http://nginx:8443";');
    expect(run.file('edge/client.ts')).toContain('export function createEdgeClient(options: ClientOptions = {})');
    expect(run.file('edge/schema.ts')).toContain('"/api/inventory/{sku}": {');
    expect(run.message).toBe('2 client(s) for nginx: edge, status (they import openapi-fetch)');
  });

  it('honours --option interface and base-url, and refuses what it cannot do in one line', async () => {
    const one = await runPlugin(plugin, join(REPO, 'examples/nginx'), { options: { interface: 'status', 'base-url': 'https://status.shop.example' } });
    expect(one.paths).toEqual(['index.ts', 'status/client.ts', 'status/schema.ts']);
    expect(one.file('status/client.ts')).toContain('"https://status.shop.example"');
    await expect(runPlugin(plugin, join(REPO, 'examples/nginx'), { options: { interface: 'admin' } })).rejects.toThrow('nginx has no HTTP interface "admin" with an OpenAPI document');
    await expect(runPlugin(plugin, join(REPO, 'examples/cron-worker'))).rejects.toThrow(
      'invoice-reminder has no HTTP interface with an OpenAPI document to generate a client from',
    );
    await expect(runPlugin(plugin, join(REPO, 'examples/nginx'), { options: { lang: 'go' } })).rejects.toThrow('unknown option "lang"');
  });

  it('generates code that type-checks under strict TypeScript for every example, with typed paths', { timeout: 120_000 }, async () => {
    const files: string[] = [];
    for (const name of WITH_HTTP) {
      const run = await runPlugin(plugin, join(REPO, 'examples', name));
      for (const file of run.files) {
        const path = join(OUTPUT, name, file.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.content);
        files.push(path);
      }
    }
    // A consumer of the nginx client: real paths and parameters compile, a wrong path does not.
    const usage = join(OUTPUT, 'usage.ts');
    writeFileSync(
      usage,
      `import { edge } from './nginx/index.js';
const client = edge.createEdgeClient({ baseUrl: 'http://localhost:8443' });
export async function stock(sku: string) {
  const { data, error, response } = await client.GET('/api/inventory/{sku}', { params: { path: { sku } } });
  return { data, error, status: response.status };
}
// @ts-expect-error: not a path of the edge interface
export const wrong = () => client.GET('/api/nope');
`,
    );
    expect(typeCheck([...files, usage])).toEqual([]);
  });
});

describe('pacto generate openapi-client (the built plugin on PATH, the built CLI)', { timeout: 60_000 }, () => {
  let built: PluginOnPath;
  beforeAll(() => {
    built = buildPluginOnPath(PACKAGE_DIR, 'openapi-client');
  }, 60_000);
  afterAll(() => built.dispose());

  it('writes the clients of examples/rabbitmq', () => {
    const out = join(built.work, 'rabbitmq');
    const run = built.pacto(['generate', 'openapi-client', 'examples/rabbitmq', '-o', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`Generated 5 file(s) using openapi-client\nOutput: ${out}/\nMessage: 2 client(s) for rabbitmq: management, prometheus (they import openapi-fetch)\n`);
    expect(readFileSync(join(out, 'management/client.ts'), 'utf8')).toContain('createManagementClient');
  });

  it('fails with one line and writes nothing for a contract without HTTP interfaces', () => {
    const out = join(built.work, 'none');
    const run = built.pacto(['generate', 'openapi-client', 'examples/cron-worker', '-o', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('plugin openapi-client: invoice-reminder has no HTTP interface with an OpenAPI document to generate a client from\n');
    expect(existsSync(out)).toBe(false);
  });
});
