import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { isPactoError } from '@pacto/schema';
import { inputSchema, ToolArguments } from './arguments.js';
import { localContractReader, type ContractReader } from './reader.js';
import { PACTO_TOOLS, type PactoTool } from './tools.js';

export interface PactoMcpServerOptions {
  /** Relative paths in tool inputs resolve against this directory (default: the process's). */
  readonly cwd?: string;
  /** How contracts are read (default: local directories and .tar.gz bundles; the CLI adds oci://). */
  readonly reader?: ContractReader;
  /** Reported to clients as the server version. */
  readonly version?: string;
  /** The tools to offer (default: all of PACTO_TOOLS). */
  readonly tools?: readonly PactoTool[];
}

const INSTRUCTIONS =
  'Pacto service contracts (pacto.yaml). Start with pacto_schema to learn the format; create contracts with pacto_create, ' +
  'change them with pacto_edit, and run pacto_check after every change. pacto_explain, pacto_diff and pacto_graph only read.';

/**
 * An MCP server offering the Pacto tools, ready to `connect()` to any SDK transport (stdio, Streamable HTTP).
 *
 * It is built on the SDK's low-level `Server` rather than `McpServer` so that the tools publish plain JSON Schema
 * inputs (lists as JSON strings, cli.md §4.15) and a bad input comes back with exactly the spec's text
 * (`name is required`, `invalid interfaces JSON: …`) instead of a schema library's report.
 */
export function createPactoMcpServer(options: PactoMcpServerOptions = {}): Server {
  const cwd = options.cwd ?? process.cwd();
  const reader = options.reader ?? localContractReader(cwd);
  const tools = options.tools ?? PACTO_TOOLS;
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  const server = new Server({ name: 'pacto', version: options.version ?? '0.0.0' }, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: tools.map(definition) }));
  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    const tool = byName.get(request.params.name);
    if (!tool) return toolError(`unknown tool ${JSON.stringify(request.params.name)}; the tools are ${tools.map((t) => t.name).join(', ')}`);
    try {
      const result = await tool.run(new ToolArguments(request.params.arguments), { cwd, reader });
      return { content: [{ type: 'text', text: JSON.stringify(result, null, 2) }], structuredContent: result as Record<string, unknown> };
    } catch (error) {
      return toolError(errorText(error));
    }
  });
  return server;
}

function definition(tool: PactoTool): Tool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: inputSchema(tool.fields),
    annotations: {
      title: tool.title,
      readOnlyHint: tool.readOnly,
      ...(tool.readOnly ? {} : { destructiveHint: tool.name === 'pacto_edit', idempotentHint: false }),
      // Contracts may name oci:// references, which are fetched from registries.
      openWorldHint: tool.readOnly && tool.fields.length > 0,
    },
  };
}

/** Tool failures are tool results with `isError: true` (cli.md §4.15), never protocol errors. */
function toolError(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

/** A PactoError's message (and hint on the next line); anything else is a fault of ours, said as such. */
function errorText(error: unknown): string {
  if (isPactoError(error)) return error.hint ? `${error.message}\nhint: ${error.hint}` : error.message;
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}
