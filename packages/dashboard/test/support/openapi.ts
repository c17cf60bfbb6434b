import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import { openApiDocument } from '../../src/api/openapi.js';

// Checks API answers against the OpenAPI description the server itself serves: every response a test sees
// must match the schema of its operation and status.

const document = openApiDocument('test');
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(document, 'pacto-dashboard');

function pointer(...segments: string[]): string {
  return segments.map((s) => s.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
}

/** The path template of the description that `path` matches (`/api/services/{name}`). */
export function operationPath(path: string): string {
  const templates = Object.keys(document['paths'] as object);
  const found = templates.find((template) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path.split('?')[0]!));
  if (!found) throw new Error(`no operation in the OpenAPI description for ${path}`);
  return found;
}

export function expectMatchesDescription(method: string, path: string, status: number, body: unknown): void {
  const template = operationPath(path);
  const schemaRef = `pacto-dashboard#/${pointer('paths', template, method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema')}`;
  const validate = ajv.getSchema(schemaRef) ?? ajv.compile({ $ref: schemaRef });
  const ok = validate(body);
  expect(ok ? [] : validate.errors, `${method} ${path} (${status}) against ${template}`).toEqual([]);
}
