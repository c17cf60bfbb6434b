import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPacto } from '../support/run-pacto.js';
import { useTempDirs } from '../support/temp-dir.js';
import { EXAMPLES, EXAMPLES_DIR, withoutToday } from './examples.js';
import { freePort, servePacto } from './serve-process.js';

const tempDir = useTempDirs();

const BROKEN_CONTRACT = `pactoVersion: "1.0"
service:
  name: broken
  version: 1.0.0
interfaces:
  - name: api
    type: http
    port: 8080
    contract: interfaces/openapi.yaml
`;

describe('pacto doc', { timeout: 60_000 }, () => {
  it.each(EXAMPLES)('prints the documentation of examples/%s', async (name) => {
    const run = await runPacto(['doc', join(EXAMPLES_DIR, name)]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    await expect(withoutToday(run.stdout)).toMatchFileSnapshot(`__snapshots__/${name}.md`);
  });

  it('prints every section for examples/postgresql', async () => {
    const run = await runPacto(['doc', 'examples/postgresql'], { cwd: join(EXAMPLES_DIR, '..') });
    expect(run.code).toBe(0);
    const headings = run.stdout.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## Table of Contents',
      '## 1. Architecture',
      '## 2. Interfaces',
      '## 3. Configuration',
      '## 4. Policies',
      '## 5. Dependencies',
      '## 6. Readiness',
    ]);
    expect(run.stdout).toContain('| **Workload** | `service` |');
    expect(run.stdout).toContain('| `GET` | `/healthz` | Liveness of the exporter and its database connection |');
    expect(run.stdout).toMatch(/Score `100` of minimum `70`: \*\*PASS\*\* \(3 current, 0 expired; evaluated on \d{4}-\d{2}-\d{2}\)\./);
  });

  it('writes <dir>/<service>.md with -o, still prints the document, and says so on stderr', async () => {
    const out = join(tempDir(), 'site', 'services');
    const run = await runPacto(['doc', join(EXAMPLES_DIR, 'redis'), '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`Wrote ${join(out, 'redis.md')}\n`);
    expect(readFileSync(join(out, 'redis.md'), 'utf8')).toBe(run.stdout);
    expect(run.stdout.startsWith('# redis\n')).toBe(true);
  });

  it('documents a .tar.gz bundle made by pack exactly like its directory', async () => {
    const cwd = tempDir();
    const packed = await runPacto(['pack', join(EXAMPLES_DIR, 'rabbitmq'), '-o', 'rabbitmq.tar.gz'], { cwd });
    expect(packed.code).toBe(0);
    const fromArchive = await runPacto(['doc', 'rabbitmq.tar.gz'], { cwd });
    const fromDirectory = await runPacto(['doc', join(EXAMPLES_DIR, 'rabbitmq')]);
    expect(fromArchive.code).toBe(0);
    expect(withoutToday(fromArchive.stdout)).toBe(withoutToday(fromDirectory.stdout));
  });

  it('prints serviceName, markdown and path as JSON', async () => {
    const out = tempDir();
    const run = await runPacto(['doc', join(EXAMPLES_DIR, 'nginx'), '-o', out, '--output-format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['serviceName', 'markdown', 'path']);
    expect(json['serviceName']).toBe('nginx');
    expect(json['markdown']).toBe(readFileSync(join(out, 'nginx.md'), 'utf8'));
    expect(run.stdout).not.toMatch(/[<>&]/);
  });

  it('rejects --serve together with --output', async () => {
    const run = await runPacto(['doc', join(EXAMPLES_DIR, 'redis'), '--serve', '-o', tempDir()]);
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: "--serve and --output are mutually exclusive\nRun 'pacto doc --help' for usage.\n" });
  });

  it('prints the validation findings of an invalid contract and exits 1', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pacto.yaml'), BROKEN_CONTRACT);
    const run = await runPacto(['doc', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `  ERROR [FILE_NOT_FOUND] interfaces[0].contract: interface contract file "interfaces/openapi.yaml" not found in bundle (${dir}/pacto.yaml:9:15)\n` +
        'validation failed with 1 error(s)\n',
    );
  });

  it('fails with one line for a directory that does not exist', async () => {
    const run = await runPacto(['doc', 'no-such-dir'], { cwd: tempDir() });
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'failed to access no-such-dir: no such file or directory\n' });
  });

  it('shows a note instead of operations when the OpenAPI path cannot be read as a file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pacto.yaml'), BROKEN_CONTRACT);
    // A directory passes the existence check (contract.md §3.12.4) but has no text to read.
    mkdirSync(join(dir, 'interfaces', 'openapi.yaml'), { recursive: true });
    const run = await runPacto(['doc', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('_Could not read OpenAPI spec: interfaces/openapi.yaml is a directory_\n');
  });

  it('fails with one line when the port is taken', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      const run = await runPacto(['doc', join(EXAMPLES_DIR, 'redis'), '--serve', '--port', String(port)]);
      expect(run).toMatchObject({
        code: 1,
        stdout: '',
        stderr: `listen: listen tcp 127.0.0.1:${port}: bind: address already in use\n`,
      });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('rejects a port that is not a number', async () => {
    const run = await runPacto(['doc', join(EXAMPLES_DIR, 'redis'), '--serve', '--port', 'http']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`invalid value "http" for --port: expected a port number 0-65535\nRun 'pacto doc --help' for usage.\n`);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('serves the HTML page on every path and stops on %s with exit 0', async (signal) => {
    const port = await freePort();
    const server = await servePacto(['doc', join(EXAMPLES_DIR, 'rabbitmq'), '--serve', '--port', String(port)]);
    try {
      expect(server.url).toBe(`http://127.0.0.1:${port}`);
      expect(server.stderr()).toBe(`Serving documentation at http://127.0.0.1:${port}\nPress Ctrl+C to stop\n`);
      for (const path of ['/', '/any/other/path']) {
        const response = await fetch(`${server.url}${path}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
        const html = await response.text();
        expect(html).toContain('<title>rabbitmq</title>');
        expect(html).toContain('<h2 id="2-interfaces">2. Interfaces</h2>');
      }
    } finally {
      expect(await server.stop(signal)).toBe(0);
    }
  });

  it('refuses a request addressed to another host name (DNS rebinding) and answers localhost', async () => {
    const port = await freePort();
    const server = await servePacto(['doc', join(EXAMPLES_DIR, 'redis'), '--serve', '--port', String(port)]);
    const get = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/', headers: { host } }, (res) => {
          res.resume().on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject).end();
      });
    try {
      expect(await get(`attacker.example:${port}`)).toBe(403);
      expect(await get(`localhost:${port}`)).toBe(200);
      expect(await get(`127.0.0.1:${port}`)).toBe(200);
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
  });
});
