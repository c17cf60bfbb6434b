import { goQuote, PactoError, type Contract } from '@pacto/schema';

/** The generator protocol this package speaks (cli.md §4.12). */
export const PROTOCOL_VERSION = '1';

/** What Pacto writes to a plugin's stdin. */
export interface GenerateRequest {
  readonly protocolVersion: string;
  /** The parsed contract, field names as in pacto.yaml, empty fields omitted. */
  readonly contract: Contract;
  /** The bundle directory: read interface and schema files from here. */
  readonly bundleDir: string;
  /** Where Pacto writes the files; plugins return files, they do not write them. */
  readonly outputDir: string;
  /** `--option key=value` pairs; `{}` when none were given. */
  readonly options: Readonly<Record<string, string>>;
}

/** One file for Pacto to write, relative to the output directory. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** What a plugin writes to stdout. */
export interface GenerateResponse {
  readonly files: readonly GeneratedFile[];
  readonly message?: string;
}

/** Codes of the failures of running a plugin and reading what it returned. */
export type PluginErrorCode =
  | 'PLUGIN_NOT_FOUND'
  | 'PLUGIN_FAILED'
  | 'PLUGIN_TIMEOUT'
  | 'PLUGIN_INVALID_OUTPUT'
  | 'PLUGIN_OUTPUT_TOO_LARGE'
  | 'PLUGIN_PATH_ESCAPE'
  | 'PLUGIN_INVALID_REQUEST'
  | 'PLUGIN_ERROR';

/**
 * A failure of a plugin run, on either side of the pipe. A plugin throws one (code `PLUGIN_ERROR`) for a
 * problem its user can fix; the SDK prints its message as the one line Pacto shows.
 */
export class PluginError extends PactoError {
  override readonly name: string = 'PluginError';
  declare readonly code: PluginErrorCode;
  constructor(message: string, options: { code?: PluginErrorCode; hint?: string; cause?: unknown } = {}) {
    super(options.code ?? 'PLUGIN_ERROR', message, options);
  }
}

/**
 * The request's contract: the parsed contract with empty fields left out (undefined, null, empty strings,
 * empty lists and maps), as the Go tool's encoder does. `false` and `0` are kept: they mean something.
 */
export function contractForRequest(contract: Contract): Contract {
  return (withoutEmpty(contract) ?? {}) as Contract;
}

function withoutEmpty(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.map(withoutEmpty).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const kept = withoutEmpty(item);
      if (kept !== undefined) out[key] = kept;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return value;
}

/** The request Pacto sends; `options` is left out when empty (cli.md §4.12). */
export function buildRequest(input: {
  contract: Contract;
  bundleDir: string;
  outputDir: string;
  options?: Readonly<Record<string, string>>;
}): Record<string, unknown> {
  const request: Record<string, unknown> = {
    protocolVersion: PROTOCOL_VERSION,
    contract: contractForRequest(input.contract),
    bundleDir: input.bundleDir,
    outputDir: input.outputDir,
  };
  if (input.options && Object.keys(input.options).length > 0) request.options = { ...input.options };
  return request;
}

/**
 * `--option key=value` items as a map: items without `=` are ignored, the first `=` splits, later items win
 * (cli.md §4.12).
 */
export function parseOptionItems(items: readonly string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (const item of items) {
    const at = item.indexOf('=');
    if (at < 0) continue;
    options[item.slice(0, at)] = item.slice(at + 1);
  }
  return options;
}

// An empty plugin name is the plugin's own side (the SDK checking what a handler returned).
const invalid = (plugin: string, detail: string) =>
  new PluginError(plugin ? `plugin ${plugin} returned invalid output: ${detail}` : `invalid plugin response: ${detail}`, {
    code: 'PLUGIN_INVALID_OUTPUT',
  });

const describe = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`);

/** Checks that a decoded value has the response shape: `files` of `{path, content}` strings, optional `message`. */
export function checkResponse(plugin: string, value: unknown): GenerateResponse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(plugin, `expected a JSON object with "files", got ${describe(value)}`);
  }
  const { files, message } = value as { files?: unknown; message?: unknown };
  if (files !== undefined && files !== null && !Array.isArray(files)) throw invalid(plugin, `"files" must be a list, got ${describe(files)}`);
  const out: GeneratedFile[] = [];
  for (const [index, file] of ((files as unknown[] | null | undefined) ?? []).entries()) {
    const { path, content } = (typeof file === 'object' && file !== null ? file : {}) as { path?: unknown; content?: unknown };
    if (typeof path !== 'string') throw invalid(plugin, `files[${index}].path must be a string, got ${describe(path)}`);
    if (typeof content !== 'string') throw invalid(plugin, `files[${index}].content must be a string, got ${describe(content)}`);
    out.push({ path, content });
  }
  if (message !== undefined && message !== null && typeof message !== 'string') {
    throw invalid(plugin, `"message" must be a string, got ${describe(message)}`);
  }
  return typeof message === 'string' && message !== '' ? { files: out, message } : { files: out };
}

/** Decodes a plugin's stdout (cli.md §4.12: `plugin <name> returned invalid output: <error>`). */
export function parseResponse(plugin: string, text: string): GenerateResponse {
  if (text.trim() === '') throw invalid(plugin, 'nothing on stdout, expected a JSON object with "files"');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const start = text.trimStart().slice(0, 40).split('\n')[0];
    throw invalid(plugin, `stdout is not JSON (${(error as Error).message}); it starts with ${goQuote(start ?? '')}`);
  }
  return checkResponse(plugin, value);
}

/**
 * The output-relative path a file will be written to, with `.` segments and inner `..` resolved. A path that
 * is absolute or climbs out of the output directory fails with the spec's message; one that names no file
 * (empty, `.`, a trailing `/`) is invalid output.
 */
export function outputPathOf(plugin: string, path: string): string {
  if (path.startsWith('/') || path.includes('\0')) throw escapes(path);
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) throw escapes(path);
      parts.pop();
    } else parts.push(part);
  }
  if (parts.length === 0 || path.endsWith('/')) throw invalid(plugin, `file path ${goQuote(path)} does not name a file`);
  return parts.join('/');
}

function escapes(path: string): PluginError {
  return new PluginError(`plugin file path ${goQuote(path)} escapes output directory`, {
    code: 'PLUGIN_PATH_ESCAPE',
    hint: 'a plugin returns paths relative to the output directory, without leading "/" or "../"',
  });
}

/**
 * Every file of a response under its checked output path, in response order (a later file with the same path
 * wins). Fails on the first path that escapes, and on a path that is both a file and a directory.
 */
export function plannedFiles(plugin: string, files: readonly GeneratedFile[]): Map<string, string> {
  const planned = new Map<string, string>();
  for (const file of files) planned.set(outputPathOf(plugin, file.path), file.content);
  for (const path of planned.keys()) {
    for (let at = path.indexOf('/'); at >= 0; at = path.indexOf('/', at + 1)) {
      const parent = path.slice(0, at);
      if (planned.has(parent)) throw invalid(plugin, `${goQuote(parent)} is returned both as a file and as the directory of ${goQuote(path)}`);
    }
  }
  return planned;
}
