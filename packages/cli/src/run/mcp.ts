import { dirname } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createPactoMcpServer, type ContractReader } from '@pacto/mcp';
import { buildInfo } from '../build-info.js';
import type { PactoContext } from '../context.js';
import { createDependencyFetcher, readRaw } from '../diff-sources.js';
import { waitForStopSignal } from '../doc-server.js';
import { startMcpHttpServer, MCP_PATH } from '../mcp-http-server.js';
import { lazyOciClient } from '../oci-session.js';
import { createCliResolver } from '../resolver.js';
import type { CommandIO } from './command-io.js';

export interface McpRequest {
  readonly transport: 'stdio' | 'http';
  readonly port: number;
  readonly context: PactoContext;
}

/**
 * The work of `pacto mcp` (cli.md §4.15): the tools of @pacto/mcp, reading contracts the way the other
 * commands do (directories, .tar.gz bundles, oci:// through the registry client with its cache and
 * credentials), over stdio or Streamable HTTP. Only wiring lives here; the tools are in @pacto/mcp.
 */
export async function runMcp(io: CommandIO, request: McpRequest): Promise<number> {
  const { context } = request;
  const registry = lazyOciClient(context, io.settings);
  const reader: ContractReader = {
    read: (ref) => readRaw(ref, context.cwd, registry.get),
    dependencies: (root, { siblings }) =>
      createDependencyFetcher({
        baseDir: root.baseDir,
        client: registry.get,
        onFetch: (ref, range) => io.debug(`resolving dependency ${ref} (${range})`),
        ...(siblings && root.localDir ? { siblingsOf: dirname(root.localDir) } : {}),
      }),
    policies: createCliResolver(io.settings),
  };
  const makeServer = () => createPactoMcpServer({ cwd: context.cwd, reader, version: buildInfo.version });
  try {
    if (request.transport === 'stdio') await serveStdio(io, makeServer, context.stdin, context.stdout);
    else await serveHttp(io, makeServer, request.port);
    return 0;
  } finally {
    await registry.close();
  }
}

/**
 * Until the client closes our stdin (or a signal): stdout carries only the protocol, the banner goes to stderr.
 * Requests still running when stdin ends are answered before the server stops.
 */
async function serveStdio(io: CommandIO, makeServer: () => ReturnType<typeof createPactoMcpServer>, stdin: Readable, stdout: Writable): Promise<void> {
  const server = makeServer();
  const transport = new StdioServerTransport(stdin, stdout);
  const disconnected = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
    stdin.once('end', () => resolve());
    stdin.once('close', () => resolve());
  });
  await server.connect(transport);
  const inFlight = trackRequests(transport);
  io.err('MCP server running on stdio\n');
  const stopped = await Promise.race([disconnected.then(() => false), waitForStopSignal().then(() => true)]);
  if (!stopped) await inFlight.idle();
  await server.close();
}

/** Counts requests the server has not answered yet (wraps what the SDK set on the transport). */
function trackRequests(transport: StdioServerTransport): { idle(): Promise<void> } {
  const pending = new Set<string | number>();
  let wake: (() => void) | undefined;
  const receive = transport.onmessage;
  transport.onmessage = (message) => {
    if ('method' in message && 'id' in message) pending.add(message.id);
    receive?.(message);
  };
  const send = transport.send.bind(transport);
  transport.send = async (message) => {
    await send(message);
    if (!('method' in message) && 'id' in message && message.id !== undefined) {
      pending.delete(message.id);
      if (pending.size === 0) wake?.();
    }
  };
  return {
    idle: () => (pending.size === 0 ? Promise.resolve() : new Promise((resolve) => (wake = resolve))),
  };
}

async function serveHttp(io: CommandIO, makeServer: () => ReturnType<typeof createPactoMcpServer>, port: number): Promise<void> {
  const server = await startMcpHttpServer(makeServer, port);
  io.err(`MCP server listening on http://127.0.0.1:${server.port}${MCP_PATH}\nPress Ctrl+C to stop\n`);
  await waitForStopSignal();
  await server.close();
}
