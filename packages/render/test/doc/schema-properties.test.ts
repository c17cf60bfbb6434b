import { describe, expect, it } from 'vitest';
import { schemaProperties } from '../../src/doc/schema-properties.js';

describe('schemaProperties', () => {
  it('flattens nested objects into sorted dotted names with required flags', () => {
    const props = schemaProperties({
      type: 'object',
      required: ['b'],
      properties: {
        b: { type: 'object', required: ['y'], properties: { y: { type: 'string' }, x: { type: 'integer', default: 1 } } },
        a: { type: ['string', 'null'], description: 'A' },
      },
    });
    expect(props.map((p) => [p.name, p.types.join(','), p.required])).toEqual([
      ['a', 'string,null', false],
      ['b', 'object', true],
      ['b.x', 'integer', false],
      ['b.y', 'string', true],
    ]);
    expect(props.find((p) => p.name === 'b.x')).toMatchObject({ hasDefault: true, default: 1 });
    expect(props.find((p) => p.name === 'a')).toMatchObject({ hasDefault: false, description: 'A' });
    expect(props.find((p) => p.name === 'b.y')?.values).toBeUndefined();
  });

  it('resolves local $ref pointers, allOf members and array items', () => {
    const props = schemaProperties({
      allOf: [{ $ref: '#/definitions/base' }],
      properties: { queues: { type: 'array', items: { $ref: '#/definitions/queue' } }, kind: { const: 'x' } },
      definitions: {
        base: { properties: { region: { type: 'string' } }, required: ['region'] },
        queue: { properties: { name: { type: 'string' } } },
      },
    });
    expect(props.find((p) => p.name === 'kind')?.values).toEqual(['x']);
    expect(props.map((p) => [p.name, p.required])).toEqual([
      ['kind', false],
      ['queues', false],
      ['queues[].name', false],
      ['region', true],
    ]);
  });

  it('stops at a recursive $ref instead of looping', () => {
    const props = schemaProperties({
      $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' }, label: { type: 'string' } } } },
      properties: { root: { $ref: '#/$defs/node' } },
    });
    expect(props.map((p) => p.name)).toEqual(['root', 'root.label']);
  });

  it('returns nothing for a schema without properties or a non-object', () => {
    expect(schemaProperties({ type: 'string' })).toEqual([]);
    expect(schemaProperties(42)).toEqual([]);
  });
});
