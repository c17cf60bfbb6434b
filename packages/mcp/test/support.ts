import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach } from 'vitest';
import { createPactoMcpServer, type PactoMcpServerOptions } from '../src/index.js';

/** A fresh temporary directory per call, removed after the test. */
export function useTempDirs(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacto-mcp-'));
    dirs.push(dir);
    return dir;
  };
}

export interface Session {
  readonly client: Client;
  /** Calls a tool and returns the result as the client got it. */
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  /** Calls a tool that must succeed and returns its JSON result. */
  ok<T = Record<string, unknown>>(name: string, args?: Record<string, unknown>): Promise<T>;
  /** Calls a tool that must fail and returns its error text. */
  error(name: string, args?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/** An SDK client connected to a Pacto MCP server through the SDK's in-memory transport pair. */
export async function connect(options: PactoMcpServerOptions): Promise<Session> {
  const server = createPactoMcpServer(options);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'pacto-test', version: '1.0.0' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return sessionOf(client, async () => {
    await client.close();
    await server.close();
  });
}

export function sessionOf(client: Client, close: () => Promise<void>): Session {
  const call = async (name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = (result: CallToolResult) => (result.content[0] as { text: string }).text;
  return {
    client,
    call,
    async ok<T>(name: string, args: Record<string, unknown> = {}) {
      const result = await call(name, args);
      if (result.isError) throw new Error(`${name} failed: ${text(result)}`);
      return JSON.parse(text(result)) as T;
    },
    async error(name: string, args: Record<string, unknown> = {}) {
      const result = await call(name, args);
      if (!result.isError) throw new Error(`${name} succeeded but should have failed: ${text(result)}`);
      return text(result);
    },
    close,
  };
}
