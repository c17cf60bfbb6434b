import { describe, expect, it } from 'vitest';
import { compileUserSchema } from '../src/index.js';

function problems(schema: object, data: unknown): readonly string[] {
  const compiled = compileUserSchema(JSON.stringify(schema));
  if (!compiled.ok) throw new Error(compiled.error);
  return compiled.schema.validate(data);
}

describe('JSON Schema error texts: what was expected, what was found, no regular expression', () => {
  it.each([
    [{ required: ['a'] }, {}, 'at \'\': missing required field "a"'],
    [{ properties: { a: { type: 'integer' } } }, { a: 'x' }, 'at \'/a\': expected an integer, got the string "x"'],
    [{ additionalProperties: false }, { b: 1 }, 'at \'\': unknown field "b"'],
    [{ properties: { port: {} }, additionalProperties: false }, { prot: 1 }, 'at \'\': unknown field "prot" (did you mean "port"?)'],
    [{ unevaluatedProperties: false }, { b: 1 }, 'at \'\': unknown field "b"'],
    [{ enum: ['a', 1] }, 'z', 'at \'\': expected one of "a", 1, got the string "z"'],
    [{ enum: ['debug', 'info'] }, 'inf', 'at \'\': expected one of "debug", "info", got the string "inf" (did you mean "info"?)'],
    [{ const: 'a' }, 'z', 'at \'\': expected "a", got the string "z"'],
    [{ pattern: '^a' }, 'z', 'at \'\': "z" does not have the form the schema requires (the pattern is at #/pattern in the schema)'],
    [{ minLength: 2 }, '😀', "at '': must be at least 2 characters long, got 1"],
    [{ minLength: 1 }, '', "at '': must not be empty"],
    [{ maxItems: 1 }, [1, 2], "at '': takes at most 1 item, got 2"],
    [{ minProperties: 1 }, {}, "at '': needs at least 1 field, got 0"],
    [{ maximum: 100 }, 101, "at '': must be at most 100, got 101"],
    [{ exclusiveMinimum: 0 }, 0, "at '': must be more than 0, got 0"],
    [{ not: { type: 'string' } }, 'x', "at '': matches what the schema forbids here"],
    [{ properties: { 'a/b': { type: 'string' } } }, { 'a/b': 1 }, "at '/a~1b': expected a string, got the number 1"],
    [{ type: ['string', 'null'] }, [], "at '': expected a string or an empty value, got a list"],
  ])('%j on %j', (schema, data, text) => {
    expect(problems(schema, data)).toEqual([text]);
  });

  it('reports the branches of a failed anyOf, not the summary', () => {
    expect(problems({ anyOf: [{ type: 'string' }, { type: 'number' }] }, true)).toEqual([
      "at '': expected a string, got true",
      "at '': expected a number, got true",
    ]);
  });

  it('leaves out the branch of a union that only fails on the kind of value, when another branch says more', () => {
    const union = { oneOf: [{ type: 'string' }, { type: 'object', required: ['team'] }] };
    expect(problems(union, {})).toEqual(['at \'\': missing required field "team"']);
    expect(problems(union, 5)).toEqual(["at '': expected a string, got the number 5", "at '': expected a mapping, got the number 5"]);
  });

  it('keeps the summary of a contains failure and of a oneOf that matched twice', () => {
    expect(problems({ contains: { const: 1 } }, [2])).toContain("at '': no item matches what the schema requires of at least one item");
    expect(problems({ oneOf: [{ type: 'number' }, { type: 'integer' }] }, 1)).toEqual([
      "at '': matches more than one of the forms the schema allows here; it must match exactly one",
    ]);
  });
});
