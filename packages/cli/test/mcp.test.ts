import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionOf, type Session } from '../../mcp/test/support.js';
import { PACTO_BIN, runPacto } from './support/run-pacto.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();
const env = { PACTO_NO_UPDATE_CHECK: '1', NO_COLOR: '1', PACTO_NO_CODE_CACHE: '1' };
const servers: ChildProcess[] = [];

afterEach(async () => {
  for (const child of servers.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
});

async function stdioSession(cwd: string, extraEnv: Record<string, string> = {}): Promise<{ session: Session; stderr: () => string }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [PACTO_BIN, 'mcp'],
    cwd,
    env: { ...(process.env as Record<string, string>), ...env, ...extraEnv },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'pacto-cli-test', version: '1.0.0' });
  await client.connect(transport);
  return { session: sessionOf(client, () => client.close()), stderr: () => stderr };
}

/** Starts `pacto mcp -t http --port 0` and returns its endpoint from the banner. */
async function startHttpServer(cwd: string): Promise<{ child: ChildProcess; url: URL; port: number; stderr: () => string }> {
  const child = spawn(process.execPath, [PACTO_BIN, 'mcp', '--transport', 'http', '--port', '0'], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  servers.push(child);
  let stderr = '';
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const banner = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const line = /MCP server listening on (\S+)\n/.exec(stderr);
      if (line) resolve(line[1]!);
    });
    child.once('exit', (code) => reject(new Error(`pacto mcp exited with ${code}: ${stderr}`)));
  });
  expect(stdout).toBe('');
  const url = new URL(banner);
  return { child, url, port: Number(url.port), stderr: () => stderr };
}

function rawRequest(port: number, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The acceptance session of issue 12: list, create, check, edit a port, check again, a bad input. */
async function acceptanceSession(session: Session, cwd: string): Promise<void> {
  const { tools } = await session.client.listTools();
  expect(tools.map((tool) => tool.name)).toEqual(['pacto_create', 'pacto_edit', 'pacto_check', 'pacto_schema', 'pacto_explain', 'pacto_diff', 'pacto_graph']);

  const created = await session.ok<{ path: string; fileCount: number }>('pacto_create', {
    name: 'orders',
    description: 'HTTP API storing orders in PostgreSQL',
    owner: 'team/commerce',
  });
  expect(created).toMatchObject({ path: 'orders/pacto.yaml', fileCount: 2 });

  const first = await session.ok<{ valid: boolean; errors: unknown[] }>('pacto_check', { path: 'orders' });
  expect(first).toMatchObject({ valid: true, errors: [] });

  const edited = await session.ok<{ changes: string[] }>('pacto_edit', { path: 'orders', add_interfaces: JSON.stringify([{ name: 'api', port: 9000 }]) });
  expect(edited.changes).toEqual(['interfaces: "api" port 8080 -> 9000']);
  expect(readFileSync(join(cwd, 'orders/pacto.yaml'), 'utf8')).toContain('port: 9000');

  const second = await session.ok<{ valid: boolean; summary: { interfaces: string[] } }>('pacto_check', { path: 'orders' });
  expect(second.valid).toBe(true);
  expect(second.summary.interfaces).toEqual(['api (http, port 9000)']);

  const bad = await session.call('pacto_create', { name: 'x', interfaces: '{not json' });
  expect(bad.isError).toBe(true);
  expect((bad.content[0] as { text: string }).text).toMatch(/^invalid interfaces JSON: /);
  expect(await session.error('pacto_create', { description: 'no name' })).toBe('name is required');
}

describe('pacto mcp', { timeout: 60_000 }, () => {
  it('serves the tools over stdio to the SDK client and stops when the client disconnects', async () => {
    const cwd = tempDir();
    const { session, stderr } = await stdioSession(cwd);
    await acceptanceSession(session, cwd);
    await session.close();
    expect(stderr()).toBe('MCP server running on stdio\n');
  });

  it('reads oci:// references through the registry client (pacto_diff against the last pushed version)', async () => {
    const { inject } = await import('vitest');
    const { anonymousRegistry } = inject('registries');
    const cwd = tempDir();
    const home = tempDir();
    const isolated = { HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache'), DOCKER_CONFIG: join(home, 'docker') };
    await runPacto(['init', 'svc'], { cwd, env: isolated });
    const repo = `${anonymousRegistry}/mcp/r${process.pid}-${Date.now().toString(36)}`;
    expect((await runPacto(['push', `oci://${repo}`, '-p', 'svc'], { cwd, env: isolated })).code).toBe(0);
    // Isolated too: the pulls fill a bundle cache, which must not be the user's.
    const { session } = await stdioSession(cwd, isolated);
    try {
      await session.ok('pacto_edit', { path: 'svc', remove_metadata: '["tier"]', version: '0.2.0' });
      const diff = await session.ok<{ oldPath: string; classification: string }>('pacto_diff', { old: `oci://${repo}`, new: 'svc' });
      expect(diff).toMatchObject({ oldPath: `oci://${repo}`, classification: 'NON_BREAKING' });
      const explain = await session.ok<{ name: string; version: string }>('pacto_explain', { path: `oci://${repo}:0.1.0` });
      expect(explain).toMatchObject({ name: 'svc', version: '0.1.0' });
    } finally {
      await session.close();
    }
  });

  it('serves Streamable HTTP on /mcp only, to loopback hosts and origins, until SIGTERM', async () => {
    const cwd = tempDir();
    const { child, url, port, stderr } = await startHttpServer(cwd);
    expect(url.href).toBe(`http://127.0.0.1:${port}/mcp`);
    expect(stderr()).toBe(`MCP server listening on http://127.0.0.1:${port}/mcp\nPress Ctrl+C to stop\n`);

    const client = new Client({ name: 'pacto-cli-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(url));
    await acceptanceSession(sessionOf(client, () => client.close()), cwd);
    await client.close();

    const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    const post = { method: 'POST', body: initialize, headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' } };
    const ok = await rawRequest(port, { path: '/mcp', ...post });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).result.serverInfo.name).toBe('pacto');
    const sameOrigin = await rawRequest(port, { path: '/mcp', ...post, headers: { ...post.headers, origin: `http://localhost:${port}` } });
    expect(sameOrigin.status).toBe(200);

    for (const path of ['/', '/mcp/', '/sse', '/mcp2']) {
      const response = await rawRequest(port, { path, ...post });
      expect(response.status, path).toBe(404);
    }
    expect((await rawRequest(port, { path: '/mcp' })).status).toBe(405);

    const foreignHost = await rawRequest(port, { path: '/mcp', ...post, headers: { ...post.headers, host: `evil.example:${port}` } });
    expect(foreignHost.status).toBe(403);
    expect(foreignHost.body).toMatch(/does not answer to host "evil.example:/);
    const foreignOrigin = await rawRequest(port, { path: '/mcp', ...post, headers: { ...post.headers, origin: 'https://evil.example' } });
    expect(foreignOrigin.status).toBe(403);
    expect(foreignOrigin.body).toMatch(/does not answer to origin "https:\/\/evil.example"/);

    const notJson = await rawRequest(port, { path: '/mcp', ...post, body: '{' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.code).toBe(-32700);

    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('rejects arguments and bad flag values as usage errors, and a busy port as one line', async () => {
    const cwd = tempDir();
    expect(await runPacto(['mcp', 'serve'], { cwd })).toMatchObject({ code: 2, stdout: '', stderr: 'unknown command "serve" for "pacto mcp"\nhint: `pacto mcp` takes no arguments\n' });
    const transport = await runPacto(['mcp', '-t', 'sse'], { cwd });
    expect(transport).toMatchObject({ code: 2, stderr: 'invalid value "sse" for --transport: expected stdio or http\nRun \'pacto mcp --help\' for usage.\n' });
    expect((await runPacto(['mcp', '--port', '70000'], { cwd })).code).toBe(2);

    // stdio: the server stops, with exit 0, as soon as its input ends.
    expect(await runPacto(['mcp'], { cwd, input: '' })).toEqual({ code: 0, stdout: '', stderr: 'MCP server running on stdio\n' });

    const { port } = await startHttpServer(cwd);
    const busy = await runPacto(['mcp', '-t', 'http', '--port', String(port)], { cwd });
    expect(busy).toMatchObject({ code: 1, stderr: `listen: listen tcp 127.0.0.1:${port}: bind: address already in use\n` });
  });

  it('the create tool writes where the server runs; the edit tool keeps a hand-written contract intact on failure', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'hand'));
    const text = 'pactoVersion: "1.0"\n# written by hand\nservice:\n  name: hand\n  version: 1.0.0\n';
    writeFileSync(join(cwd, 'hand/pacto.yaml'), text);
    const { session } = await stdioSession(cwd);
    try {
      expect(await session.error('pacto_edit', { path: 'hand', version: 'not-a-version' })).toMatch(/INVALID_SEMVER/);
      expect(readFileSync(join(cwd, 'hand/pacto.yaml'), 'utf8')).toBe(text);
      await session.ok('pacto_edit', { path: 'hand', version: '1.1.0' });
      expect(readFileSync(join(cwd, 'hand/pacto.yaml'), 'utf8')).toBe(text.replace('1.0.0', '1.1.0'));
    } finally {
      await session.close();
    }
  });
});
