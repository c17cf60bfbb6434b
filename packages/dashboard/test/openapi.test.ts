import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/api/openapi.js';
import { createDashboardApp } from '../src/server/server.js';
import type { DashboardApi } from '../src/api/dashboard-api.js';

describe('the OpenAPI description of the dashboard API', () => {
  const document = openApiDocument('1.2.3');

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(document['info']).toMatchObject({ version: '1.2.3' });
  });

  it('describes every route the server answers, and only those', () => {
    const api = { health: () => ({ status: 'ok', version: 'x' }) } as unknown as DashboardApi;
    const app = createDashboardApp(api, { uiDir: '', assets: new Map(), diagnostics: false });
    const served = app.routes
      .filter((route) => route.method !== 'ALL' && !['*', '/*', '/openapi', '/schemas', '/docs'].includes(route.path))
      .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    const described = Object.entries(document['paths'] as Record<string, object>)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`))
      .sort();
    expect(served).toEqual(described);
  });

  it('names every schema it refers to', () => {
    const text = JSON.stringify(document);
    const schemas = Object.keys((document['components'] as { schemas: object }).schemas);
    for (const [, id] of text.matchAll(/"#\/components\/schemas\/(\w+)"/g)) expect(schemas).toContain(id);
  });
});
