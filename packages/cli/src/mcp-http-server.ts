import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server as McpServer } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { listen } from './doc-server.js';
import { hostPolicy, refuseForeignRequest } from './http/host-check.js';

export const MCP_PATH = '/mcp';
const HOST = '127.0.0.1';
/** Tool inputs are small; a larger body is refused before it is read whole. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface RunningMcpServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Streamable HTTP on `http://127.0.0.1:<port>/mcp` (cli.md §4.15), loopback only. Every request is checked
 * for its `Host` (DNS rebinding) and `Origin` (the MCP transport specification asks for both), every other
 * path is 404. The server is stateless: each POST gets a fresh MCP server and transport, so no session
 * outlives its request and a client never needs a session id; replies are plain JSON, not SSE.
 */
export async function startMcpHttpServer(makeServer: () => McpServer, port: number): Promise<RunningMcpServer> {
  const policy = hostPolicy(HOST);
  const http = createServer((request, response) => {
    if (refuseForeignRequest(request, response, policy, { checkOrigin: true })) return;
    const path = new URL(request.url ?? '/', `http://${HOST}`).pathname;
    if (path !== MCP_PATH) return plain(response, 404, `404 not found: the MCP endpoint is ${MCP_PATH}\n`);
    if (request.method !== 'POST') {
      // GET would open a server-to-client event stream and DELETE end a session; a stateless server has neither.
      return plain(response, 405, `405 method not allowed: send JSON-RPC messages with POST ${MCP_PATH}\n`, { allow: 'POST' });
    }
    handle(makeServer, request, response).catch((error: unknown) => {
      if (!response.headersSent) jsonRpcError(response, 500, -32603, `internal error: ${(error as Error).message}`);
      else response.destroy();
    });
  });
  await listen(http, HOST, port);
  return {
    port: (http.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

async function handle(makeServer: () => McpServer, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readBody(request, response);
  if (body === undefined) return;
  const server = makeServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  response.on('close', () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(request, response, body);
}

/** The JSON body, or undefined after answering 413 / 400 for one that is too large or not JSON. */
async function readBody(request: IncomingMessage, response: ServerResponse): Promise<unknown> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    jsonRpcError(response, 413, -32600, `request body larger than ${MAX_BODY_BYTES} bytes`);
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      jsonRpcError(response, 413, -32600, `request body larger than ${MAX_BODY_BYTES} bytes`);
      return undefined;
    }
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch (error) {
    jsonRpcError(response, 400, -32700, `parse error: ${(error as Error).message}`);
    return undefined;
  }
}

function plain(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

function jsonRpcError(response: ServerResponse, status: number, code: number, message: string): void {
  const text = JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null });
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), connection: 'close' });
  response.end(text);
}
