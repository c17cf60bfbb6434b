import { describe, expect, it } from 'vitest';
import { openApiOperations } from '../../src/doc/openapi-operations.js';

describe('openApiOperations', () => {
  it('sorts paths lexically and methods in HTTP-verb order', () => {
    const yaml = 'paths:\n  /b:\n    trace: {}\n    get: {summary: B}\n  /a:\n    delete: {}\n    parameters: []\n    post: {summary: A}\n';
    const result = openApiOperations('api.yaml', yaml);
    expect(result).toEqual({
      ok: true,
      operations: [
        { method: 'post', path: '/a', summary: 'A' },
        { method: 'delete', path: '/a' },
        { method: 'get', path: '/b', summary: 'B' },
        { method: 'trace', path: '/b' },
      ],
    });
  });

  it('reads JSON when the file name ends in .json', () => {
    const result = openApiOperations('API.JSON', JSON.stringify({ paths: { '/x': { get: { summary: 'X' } } } }));
    expect(result).toEqual({ ok: true, operations: [{ method: 'get', path: '/x', summary: 'X' }] });
  });

  it('reports a file that does not parse', () => {
    const result = openApiOperations('api.yaml', 'paths: [unclosed');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^api\.yaml is not valid YAML: /);
  });

  it('gives no operations for a document without paths', () => {
    expect(openApiOperations('api.yaml', 'openapi: 3.1.0\n')).toEqual({ ok: true, operations: [] });
  });
});
