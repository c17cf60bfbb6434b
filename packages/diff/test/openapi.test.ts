import { describe, expect, it } from 'vitest';
import { diffOpenApi, parseDocument } from '../src/index.js';

const summary = (changes: ReturnType<typeof diffOpenApi>) => changes.map((c) => `${c.classification} ${c.path} ${c.type}`);

describe('diffOpenApi (diff.md §4)', () => {
  it('resolves local $refs: a components edit shows at the operations that use it', () => {
    const doc = (limitMax: number) => ({
      openapi: '3.1.0',
      paths: {
        '/users': {
          get: {
            parameters: [{ $ref: '#/components/parameters/limit' }],
            responses: { '200': { $ref: '#/components/responses/Users' } },
          },
        },
      },
      components: {
        parameters: { limit: { name: 'limit', in: 'query', schema: { type: 'integer', maximum: limitMax } } },
        responses: { Users: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } } },
        schemas: { User: { type: 'object', properties: { id: { type: 'string' } } } },
      },
    });
    expect(diffOpenApi(doc(100), doc(100))).toEqual([]);
    expect(summary(diffOpenApi(doc(100), doc(50)))).toEqual(['POTENTIAL_BREAKING openapi.paths[/users].methods[GET].parameters[limit:query] modified']);
    const changedSchema = doc(100);
    (changedSchema.components.schemas.User.properties as Record<string, unknown>).name = { type: 'string' };
    expect(summary(diffOpenApi(doc(100), changedSchema))).toEqual(['POTENTIAL_BREAKING openapi.paths[/users].methods[GET].responses[200] modified']);
  });

  it('treats a renamed component with the same content as no change', () => {
    const doc = (name: string) => ({
      paths: { '/a': { post: { requestBody: { $ref: `#/components/requestBodies/${name}` }, responses: {} } } },
      components: { requestBodies: { [name]: { content: { 'text/plain': {} } } } },
    });
    expect(diffOpenApi(doc('One'), doc('Two'))).toEqual([]);
  });

  it('terminates on recursive schemas and still sees a change inside the recursion', () => {
    const doc = (leafType: string) => ({
      paths: { '/tree': { get: { responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } } } } } },
      components: {
        schemas: {
          Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } }, value: { type: leafType } } },
          Loop: { $ref: '#/components/schemas/Loop' },
        },
      },
    });
    expect(diffOpenApi(doc('string'), doc('string'))).toEqual([]);
    expect(summary(diffOpenApi(doc('string'), doc('integer')))).toEqual(['POTENTIAL_BREAKING openapi.paths[/tree].methods[GET].responses[200] modified']);
  });

  it('reads JSON and YAML descriptions alike, and ignores non-operation keys', () => {
    const yaml = parseDocument('paths:\n  /a:\n    summary: x\n    parameters: []\n    get:\n      responses:\n        200: {description: ok}\n');
    const json = parseDocument('{"paths":{"/a":{"summary":"y","get":{"responses":{"200":{"description":"ok"}}}}}}');
    expect(diffOpenApi(yaml, json)).toEqual([]);
    expect(parseDocument(': : not yaml [')).toBeUndefined();
    expect(diffOpenApi(parseDocument('- a list'), json)).toEqual([]);
    expect(parseDocument('paths: &p\n  /a: {get: {responses: {x: *p}}}\n')).toBeUndefined();
    expect(parseDocument('shared: &s {a: 1}\nb: *s\nc: *s\n')).toEqual({ shared: { a: 1 }, b: { a: 1 }, c: { a: 1 } });
  });

  it('skips parameters without name and in, and keys renamed parameters as remove + add', () => {
    const doc = (params: unknown[]) => ({ paths: { '/a': { get: { parameters: params } } } });
    expect(summary(diffOpenApi(doc([{ name: 'id', in: 'path' }, { description: 'junk' }, 'x']), doc([{ name: 'id', in: 'query' }])))).toEqual([
      'BREAKING openapi.paths[/a].methods[GET].parameters[id:path] removed',
      'POTENTIAL_BREAKING openapi.paths[/a].methods[GET].parameters[id:query] added',
    ]);
  });
});
