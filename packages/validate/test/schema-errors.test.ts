import { describe, expect, it } from 'vitest';
import { compileUserSchema } from '../src/index.js';

function problems(schema: object, data: unknown): readonly string[] {
  const compiled = compileUserSchema(JSON.stringify(schema));
  if (!compiled.ok) throw new Error(compiled.error);
  return compiled.schema.validate(data);
}

describe('JSON Schema error texts (Go validator style)', () => {
  it.each([
    [{ required: ['a'] }, {}, "at '': missing property 'a'"],
    [{ properties: { a: { type: 'integer' } } }, { a: 'x' }, "at '/a': got string, want integer"],
    [{ additionalProperties: false }, { b: 1 }, "at '': additional properties 'b' not allowed"],
    [{ unevaluatedProperties: false }, { b: 1 }, "at '': unevaluated properties 'b' not allowed"],
    [{ enum: ['a', 1] }, 'z', "at '': value must be one of 'a', 1"],
    [{ const: 'a' }, 'z', "at '': value must be 'a'"],
    [{ pattern: '^a' }, 'z', "at '': 'z' does not match pattern '^a'"],
    [{ minLength: 2 }, '😀', "at '': minLength: got 1, want 2"],
    [{ maxItems: 1 }, [1, 2], "at '': maxItems: got 2, want 1"],
    [{ minProperties: 1 }, {}, "at '': minProperties: got 0, want 1"],
    [{ maximum: 100 }, 101, "at '': maximum: got 101, want 100"],
    [{ not: { type: 'string' } }, 'x', "at '': 'not' failed"],
    [{ properties: { 'a/b': { type: 'string' } } }, { 'a/b': 1 }, "at '/a~1b': got integer, want string"],
  ])('%j on %j', (schema, data, text) => {
    expect(problems(schema, data)).toEqual([text]);
  });

  it('reports the branches of a failed anyOf, not the summary', () => {
    expect(problems({ anyOf: [{ type: 'string' }, { type: 'number' }] }, true)).toEqual([
      "at '': got boolean, want string",
      "at '': got boolean, want number",
    ]);
  });

  it('keeps the summary of a contains failure and of a oneOf that matched twice', () => {
    expect(problems({ contains: { const: 1 } }, [2])).toContain("at '': no items match contains schema");
    expect(problems({ oneOf: [{ type: 'number' }, { type: 'integer' }] }, 1)).toEqual(["at '': oneOf failed, subschemas 0,1 matched"]);
  });
});
