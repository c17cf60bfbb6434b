import { PactoError } from '@pacto/schema';

export type McpToolErrorCode = 'TOOL_INPUT' | 'CONTRACT_EXISTS' | 'CONTRACT_INVALID' | 'NOT_A_DIRECTORY' | 'NOT_FOUND' | 'UNSUPPORTED_REFERENCE';

/**
 * A tool call that cannot be done as asked. The server returns its message as the text of an MCP tool error
 * (`isError: true`), never as a protocol error (cli.md §4.15).
 */
export class McpToolError extends PactoError {
  override readonly name: string = 'McpToolError';
  constructor(code: McpToolErrorCode, message: string, options: { cause?: unknown; hint?: string } = {}) {
    super(code, message, options);
  }
}

/** A bad input: a missing required field, a wrong type or JSON that does not parse. */
export class ToolInputError extends McpToolError {
  override readonly name: string = 'ToolInputError';
  constructor(message: string) {
    super('TOOL_INPUT', message);
  }
}
