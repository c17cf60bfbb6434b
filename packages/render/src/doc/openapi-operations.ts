import { parse as parseYaml } from 'yaml';

export interface OpenApiOperation {
  readonly method: string;
  readonly path: string;
  readonly summary?: string;
}

export type OpenApiResult =
  | { readonly ok: true; readonly operations: readonly OpenApiOperation[] }
  | { readonly ok: false; readonly error: string };

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace'] as const;

/** Operations of an OpenAPI document: paths sorted, methods in HTTP-verb order (cli.md §4.8.1 item 7). */
export function openApiOperations(fileName: string, text: string): OpenApiResult {
  let document: unknown;
  try {
    document = fileName.toLowerCase().endsWith('.json') ? JSON.parse(text) : parseYaml(text, { logLevel: 'error' });
  } catch (error) {
    return { ok: false, error: `${fileName} is not valid ${fileName.toLowerCase().endsWith('.json') ? 'JSON' : 'YAML'}: ${firstLine(error)}` };
  }
  const paths = isRecord(document) ? document['paths'] : undefined;
  if (!isRecord(paths)) return { ok: true, operations: [] };
  const operations: OpenApiOperation[] = [];
  for (const path of Object.keys(paths).sort()) {
    const item = paths[path];
    if (!isRecord(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      const summary = operation['summary'];
      operations.push(typeof summary === 'string' && summary !== '' ? { method, path, summary } : { method, path });
    }
  }
  return { ok: true, operations };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
