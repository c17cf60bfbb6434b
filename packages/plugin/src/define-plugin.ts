import { isPactoError } from '@pacto/schema';
import { checkResponse, PluginError, PROTOCOL_VERSION, type GenerateRequest, type GenerateResponse } from './protocol.js';

/** What a plugin does: turn one request into files. */
export type PluginHandler = (request: GenerateRequest) => GenerateResponse | Promise<GenerateResponse>;

export interface PactoPlugin {
  readonly handler: PluginHandler;
}

/** The streams a plugin process talks through; the real ones unless a test passes its own. */
export interface PluginStreams {
  readonly stdin: AsyncIterable<Uint8Array | string> & { readonly isTTY?: boolean };
  readonly stdout: { write(text: string, callback: (error?: Error | null) => void): unknown };
  readonly stderr: { write(text: string): unknown };
}

// Set by '@pacto/plugin/testing': a process that runs plugins in-process does not serve them on stdin.
const IN_PROCESS = Symbol.for('@pacto/plugin.in-process');

/** Marks this process as one that calls plugins directly (tests); definePlugin then does not read stdin. */
export function runPluginsInProcess(): void {
  (globalThis as Record<symbol, unknown>)[IN_PROCESS] = true;
}

const inProcess = () => (globalThis as Record<symbol, unknown>)[IN_PROCESS] === true;

/**
 * Defines a generator plugin. In a program started by Pacto it serves protocol v1 by itself: it reads the
 * request from stdin, calls `handler`, writes the response to stdout and sets the exit code. Under
 * `@pacto/plugin/testing` it only returns the plugin, for `runPlugin` to call.
 *
 * ```ts
 * export default definePlugin(async ({ contract }) => ({
 *   files: [{ path: 'README.md', content: `# ${contract.service.name}\n` }],
 * }));
 * ```
 */
export function definePlugin(handler: PluginHandler): PactoPlugin {
  const plugin: PactoPlugin = { handler };
  // Deferred, so that a test file importing '@pacto/plugin/testing' after the plugin still counts.
  if (!inProcess()) setImmediate(() => void (inProcess() ? undefined : servePlugin(plugin)));
  return plugin;
}

async function readAll(stdin: PluginStreams['stdin']): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** Decodes and checks a request as a plugin receives it (from our tool or from the Go tool). */
export function parseRequest(text: string): GenerateRequest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PluginError(`the request on stdin is not JSON: ${(error as Error).message}`, {
      code: 'PLUGIN_INVALID_REQUEST',
      hint: 'this program is a Pacto plugin: run it with `pacto generate <name> [dir]`',
    });
  }
  const request = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof GenerateRequest, unknown>>;
  if (request.protocolVersion !== PROTOCOL_VERSION) {
    const got = typeof request.protocolVersion === 'string' ? `protocol version ${JSON.stringify(request.protocolVersion)}` : 'no protocolVersion';
    throw new PluginError(`the request has ${got}: this plugin speaks version ${PROTOCOL_VERSION}`, {
      code: 'PLUGIN_INVALID_REQUEST',
    });
  }
  if (typeof request.contract !== 'object' || request.contract === null) {
    throw new PluginError('the request has no contract', { code: 'PLUGIN_INVALID_REQUEST' });
  }
  const options: Record<string, string> = {};
  for (const [key, option] of Object.entries((request.options ?? {}) as Record<string, unknown>)) options[key] = String(option);
  return {
    protocolVersion: PROTOCOL_VERSION,
    contract: request.contract as GenerateRequest['contract'],
    bundleDir: typeof request.bundleDir === 'string' ? request.bundleDir : '.',
    outputDir: typeof request.outputDir === 'string' ? request.outputDir : '.',
    options,
  };
}

/** The one stderr line Pacto shows for a failure: the message, plus the stack of an unexpected error under PACTO_PLUGIN_DEBUG. */
function failureText(error: unknown, env: NodeJS.ProcessEnv): string {
  if (isPactoError(error)) return error.hint ? `${error.message} (${error.hint})` : error.message;
  const message = error instanceof Error ? error.message : String(error);
  if (env.PACTO_PLUGIN_DEBUG && error instanceof Error && error.stack) return error.stack;
  return message.split('\n')[0] ?? message;
}

/**
 * Serves one request: stdin to handler to stdout. Resolves with the exit code, which it also sets on the
 * process (0 on success, 1 on failure with one line on stderr, 2 when started by hand on a terminal).
 */
export async function servePlugin(plugin: PactoPlugin, streams: PluginStreams = process): Promise<number> {
  let code: number;
  if (streams.stdin.isTTY) {
    streams.stderr.write('this program is a Pacto generator plugin: Pacto runs it as `pacto generate <name> [dir]`\n');
    code = 2;
  } else {
    try {
      const request = parseRequest(await readAll(streams.stdin));
      const response = checkResponse('', await plugin.handler(request));
      const text = JSON.stringify(response.message === undefined ? { files: response.files } : response);
      await new Promise<void>((resolve, reject) => streams.stdout.write(`${text}\n`, (error) => (error ? reject(error) : resolve())));
      code = 0;
    } catch (error) {
      streams.stderr.write(`${failureText(error, process.env)}\n`);
      code = 1;
    }
  }
  if (streams === process) process.exitCode = code;
  return code;
}
