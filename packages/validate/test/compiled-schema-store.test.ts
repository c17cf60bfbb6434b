import { afterEach, describe, expect, it } from 'vitest';
import { compileUserSchema, useCompiledSchemaStore, type CompiledSchemaStore } from '../src/index.js';

/** A store in memory that counts what it is asked. */
function memoryStore() {
  const entries = new Map<string, string>();
  const counts = { hits: 0, misses: 0, sets: 0 };
  const store: CompiledSchemaStore = {
    get(key) {
      const code = entries.get(key);
      if (code === undefined) counts.misses += 1;
      else counts.hits += 1;
      return code;
    },
    set(key, code) {
      counts.sets += 1;
      entries.set(key, code);
    },
  };
  return { store, entries, counts };
}

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['port'],
  additionalProperties: false,
  properties: {
    port: { type: 'integer', minimum: 1, maximum: 65535 },
    mode: { enum: ['primary', 'replica'] },
    tags: { type: 'array', items: { $ref: '#/$defs/tag' }, uniqueItems: true },
    name: { type: 'string', minLength: 2, pattern: '^[a-z]+$' },
  },
  $defs: { tag: { type: 'string', maxLength: 3 } },
};
const samples: unknown[] = [
  { port: 8080 },
  {},
  { port: 0, extra: true },
  { port: 1, mode: 'leader', tags: ['a', 'a', 'long'], name: 'X' },
  'not an object',
];

// A new text for the same schema each time: compileUserSchema keeps compiled schemas in memory by text.
let spaces = 0;
const compile = (document: unknown = schema) => {
  spaces += 1;
  const result = compileUserSchema(JSON.stringify(document) + ' '.repeat(spaces));
  if (!result.ok) throw new Error(result.error);
  return result.schema;
};

afterEach(() => useCompiledSchemaStore(undefined));

describe('a compiled-schema store', () => {
  it('keeps the generated code once, and code read back validates exactly as a fresh compilation', () => {
    const expected = samples.map((data) => compile().validate(data));
    expect(expected[0]).toEqual([]);
    expect(expected[3]!.length).toBeGreaterThan(3);

    const { store, entries, counts } = memoryStore();
    useCompiledSchemaStore(store);
    const first = compile();
    expect(counts).toEqual({ hits: 0, misses: 1, sets: 1 });
    expect(entries.size).toBe(1);
    const second = compile();
    expect(counts).toEqual({ hits: 1, misses: 1, sets: 1 });
    expect(samples.map((data) => first.validate(data))).toEqual(expected);
    expect(samples.map((data) => second.validate(data))).toEqual(expected);
  });

  it('compiles again when the stored code is damaged or the store fails, and keeps schemas apart', () => {
    const { store, entries, counts } = memoryStore();
    useCompiledSchemaStore(store);
    const expected = samples.map((data) => compile().validate(data));
    const key = [...entries.keys()][0]!;
    entries.set(key, entries.get(key)!.slice(0, 200));
    expect(samples.map((data) => compile().validate(data))).toEqual(expected);
    expect(counts.sets).toBe(2);

    const other = compile({ ...schema, required: ['name'] });
    expect(other.validate({ port: 1 })).toEqual([`at '': missing required field "name"`]);
    expect(entries.size).toBe(2);

    useCompiledSchemaStore({
      get: () => {
        throw new Error('unreadable');
      },
      set: () => {
        throw new Error('unwritable');
      },
    });
    expect(samples.map((data) => compile().validate(data))).toEqual(expected);
  });
});
