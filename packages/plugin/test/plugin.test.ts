import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlugin } from '@pacto/plugin/testing';
import { definePlugin, PluginError, servePlugin, type PluginStreams } from '@pacto/plugin';
import { failureLine, findPlugin, runPluginProcess, writeGeneratedFiles } from '@pacto/plugin/host';
import readmePlugin from './fixtures/readme-plugin.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/svc', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'pacto-plugin-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function streams(input: string, tty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: PluginStreams = {
    stdin: Object.assign((async function* () {
      yield input;
    })(), { isTTY: tty }),
    stdout: { write: (text: string, callback: (error?: Error | null) => void) => (out.push(text), callback()) },
    stderr: { write: (text: string) => err.push(text) },
  };
  return { io, out, err };
}

const request = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ protocolVersion: '1', contract: { service: { name: 'svc', version: '1.0.0' } }, bundleDir: '.', outputDir: 'out', ...extra });

describe('definePlugin / servePlugin', () => {
  const echo = definePlugin(({ contract, options }) => ({ files: [{ path: 'x.txt', content: `${contract.service.name} ${JSON.stringify(options)}` }] }));

  it('answers a request with one JSON response line and exit code 0', async () => {
    const { io, out, err } = streams(request({ options: { a: 'b' } }));
    expect(await servePlugin(echo, io)).toBe(0);
    expect(err).toEqual([]);
    expect(JSON.parse(out.join(''))).toEqual({ files: [{ path: 'x.txt', content: 'svc {"a":"b"}' }] });
  });

  it('gives options as {} when the request has none (the Go tool and ours omit the key)', async () => {
    const { io, out } = streams(request());
    await servePlugin(echo, io);
    expect(JSON.parse(out.join('')).files[0].content).toBe('svc {}');
  });

  it('prints a PluginError as one stderr line and exits 1', async () => {
    const failing = definePlugin(() => {
      throw new PluginError('no http interface to generate a client for', { hint: 'add one to interfaces' });
    });
    const { io, out, err } = streams(request());
    expect(await servePlugin(failing, io)).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual(['no http interface to generate a client for (add one to interfaces)\n']);
  });

  it('prints only the first line of an unexpected error', async () => {
    const failing = definePlugin(() => {
      throw new Error('boom\nsecond line');
    });
    const { io, err } = streams(request());
    expect(await servePlugin(failing, io)).toBe(1);
    expect(err).toEqual(['boom\n']);
  });

  it('refuses a request that is not JSON, or of another protocol version', async () => {
    const notJson = streams('hello');
    expect(await servePlugin(echo, notJson.io)).toBe(1);
    expect(notJson.err[0]).toMatch(/^the request on stdin is not JSON: .+ \(this program is a Pacto plugin: run it with `pacto generate <name> \[dir\]`\)\n$/);
    const v2 = streams(request({ protocolVersion: '2' }));
    expect(await servePlugin(echo, v2.io)).toBe(1);
    expect(v2.err).toEqual(['the request has protocol version "2": this plugin speaks version 1\n']);
  });

  it('checks what the handler returned before printing it', async () => {
    const broken = definePlugin(() => ({ files: [{ path: 'a', content: 42 as unknown as string }] }));
    const { io, out, err } = streams(request());
    expect(await servePlugin(broken, io)).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual(['invalid plugin response: files[0].content must be a string, got a number\n']);
  });

  it('explains itself instead of waiting when started by hand on a terminal', async () => {
    const { io, err } = streams('', true);
    expect(await servePlugin(echo, io)).toBe(2);
    expect(err[0]).toContain('pacto generate <name>');
  });
});

describe('runPlugin (in-process test helper)', () => {
  it('runs a plugin against a contract directory with the request pacto generate sends', async () => {
    const run = await runPlugin(readmePlugin, FIXTURE);
    expect(run.paths).toEqual(['README.md', 'api/openapi.yaml']);
    expect(run.file('README.md')).toBe('# orders 2.1.0\n');
    expect(run.file('api/openapi.yaml')).toBe(readFileSync(join(FIXTURE, 'interfaces/openapi.yaml'), 'utf8'));
    expect(run.message).toBe('documented orders');
    expect(() => run.file('missing.txt')).toThrow('the plugin returned no file missing.txt; it returned: README.md, api/openapi.yaml');
  });

  it('hands the plugin the contract without empty fields, and its options', async () => {
    let seen: unknown;
    const spy = definePlugin((req) => ((seen = req), { files: [] }));
    await runPlugin(spy, FIXTURE, { options: { namespace: 'shop' } });
    expect(seen).toMatchObject({ protocolVersion: '1', bundleDir: FIXTURE, options: { namespace: 'shop' } });
    expect((seen as { contract: Record<string, unknown> }).contract).not.toHaveProperty('metadata');
  });

  it('fails the way pacto generate would on a path outside the output directory', async () => {
    const escaping = definePlugin(() => ({ files: [{ path: '../up.txt', content: '' }] }));
    await expect(runPlugin(escaping, FIXTURE)).rejects.toThrow('plugin file path "../up.txt" escapes output directory');
  });

  it('passes a plugin error through as the error it threw', async () => {
    await expect(runPlugin(readmePlugin, FIXTURE, { options: { fail: 'on purpose' } })).rejects.toThrow(new PluginError('asked to fail: on purpose'));
  });
});

describe('a plugin built with the SDK is an executable', { timeout: 60_000 }, () => {
  let executable: string;
  beforeAll(async () => {
    executable = join(work, 'pacto-plugin-readme');
    await build({
      entryPoints: [fileURLToPath(new URL('./fixtures/readme-plugin.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: `${executable}.mjs`,
      conditions: ['@pacto/source'],
      banner: { js: '#!/usr/bin/env node' },
      logLevel: 'warning',
    });
    // Named without extension on PATH, as pacto looks for it; the link target keeps .mjs for Node.
    writeFileSync(executable, `#!/bin/sh\nexec node "${executable}.mjs" "$@"\n`);
    chmodSync(executable, 0o755);
  });

  it('is found on PATH and answers the host with files and a message', async () => {
    expect(await findPlugin('readme', { PATH: `/nonexistent:${work}` })).toBe(executable);
    const response = await runPluginProcess(executable, 'readme', {
      protocolVersion: '1',
      contract: { service: { name: 'orders', version: '2.1.0' }, interfaces: [{ name: 'api', type: 'http', port: 8080, contract: 'interfaces/openapi.yaml' }] },
      bundleDir: FIXTURE,
      outputDir: join(work, 'out'),
    });
    expect(response.message).toBe('documented orders');
    expect(response.files.map((file) => file.path)).toEqual(['README.md', 'api/openapi.yaml']);
  });

  it('reads a request the way the Go tool sends it: relative directories, from the working directory', () => {
    const run = spawnSync(executable, [], {
      cwd: join(FIXTURE, '..'),
      input: JSON.stringify({ protocolVersion: '1', contract: { service: { name: 'orders', version: '2.1.0' }, interfaces: [{ name: 'api', type: 'http', port: 8080, contract: 'interfaces/openapi.yaml' }] }, bundleDir: 'svc', outputDir: 'x-output' }),
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).files[1].content).toContain('openapi: 3.0.3');
  });

  it('exits 1 with its error as the one stderr line the host shows', async () => {
    await expect(
      runPluginProcess(executable, 'readme', { protocolVersion: '1', contract: { service: { name: 'a', version: '1.0.0' } }, bundleDir: FIXTURE, outputDir: work, options: { crash: 'yes' } }),
    ).rejects.toThrow(/^plugin readme: unexpected$/);
  });
});

describe('host', () => {
  it('caps what it reads from stdout', async () => {
    const noisy = join(work, 'pacto-plugin-noisy');
    writeFileSync(noisy, "#!/usr/bin/env node\nprocess.stdout.write('x'.repeat(4096));\n");
    chmodSync(noisy, 0o755);
    await expect(runPluginProcess(noisy, 'noisy', {}, { maxOutputBytes: 1024 })).rejects.toMatchObject({
      code: 'PLUGIN_OUTPUT_TOO_LARGE',
      message: expect.stringMatching(/^plugin noisy returned invalid output: more than .+ MiB on stdout$/),
    });
  });

  it('says how to fix a plugin file that is not executable', async () => {
    const dir = join(work, 'config', 'pacto', 'plugins');
    const plain = join(dir, 'pacto-plugin-plain');
    mkdirSync(dir, { recursive: true });
    writeFileSync(plain, '#!/bin/sh\n');
    chmodSync(plain, 0o644);
    // Not executable: skipped on PATH, but found in the plugin directory, where running it fails clearly.
    expect(await findPlugin('plain', { PATH: dir, XDG_CONFIG_HOME: join(work, 'config') })).toBe(plain);
    await expect(runPluginProcess(plain, 'plain', {})).rejects.toMatchObject({
      message: `plugin plain: cannot run ${plain}: permission denied`,
      hint: `make it executable: chmod +x ${plain}`,
    });
  });

  it('refuses plugin names that would name a path', async () => {
    await expect(findPlugin('../bin/sh', { PATH: '/usr/bin' })).rejects.toThrow('invalid plugin name "../bin/sh": a plugin name has no "/"');
  });

  it.each([
    ['one line', 'no interfaces\n', 'no interfaces', 0],
    ['a Node stack trace', 'file:///p.mjs:3\n  throw e\n  ^\n\nTypeError: bad thing\n    at x (p.mjs:3:9)\n\nNode.js v20.20.0\n', 'TypeError: bad thing', 5],
    ['a Python traceback', 'Traceback (most recent call last):\n  File "p.py", line 1\nValueError: no port\n', 'ValueError: no port', 2],
    ['a Go panic', 'panic: runtime error: index out of range\n\ngoroutine 1 [running]:\n', 'panic: runtime error: index out of range', 1],
  ])('picks the line that names the failure from %s', (_, stderr, line, more) => {
    expect(failureLine(stderr)).toEqual({ line, more });
  });

  it('writes nothing when a later file would collide with an earlier file used as a directory', async () => {
    const out = join(work, 'collide');
    await expect(
      writeGeneratedFiles('p', out, [
        { path: 'a', content: '1' },
        { path: 'a/b', content: '2' },
      ]),
    ).rejects.toThrow('plugin p returned invalid output: "a" is returned both as a file and as the directory of "a/b"');
    expect(() => readFileSync(join(out, 'a'))).toThrow();
  });
});
