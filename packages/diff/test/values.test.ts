import { describe, expect, it } from 'vitest';
import { changeSuffix, classifyChange, diffJsonSchema, formatGoFloat, showValue } from '../src/index.js';
import { compareCodePoints } from '../src/code-point-order.js';

describe('showValue / formatGoFloat (diff.md §8.1)', () => {
  it('prints floats like Go %v', () => {
    expect([30, 0.5, 65535, 1e6, 1.5e7, 1e-5, 0.0001, 123456, 1234567, -2e6, 0].map(formatGoFloat)).toEqual([
      '30', '0.5', '65535', '1e+06', '1.5e+07', '1e-05', '0.0001', '123456', '1.234567e+06', '-2e+06', '0',
    ]);
  });

  it('prints integers from pacto.yaml as decimals and structures as Go maps and slices', () => {
    expect(showValue(1000000)).toBe('1000000');
    expect(showValue(1000000, true)).toBe('1e+06');
    expect(showValue({ type: 'integer', default: 30 }, true)).toBe('map[default:30 type:integer]');
    expect(showValue(['a', 'b'])).toBe('[a b]');
    expect(showValue({ a: null, b: [true, { c: 1 }] })).toBe('map[a:<nil> b:[true map[c:1]]]');
  });

  it('drops null values from the suffix', () => {
    const [change] = diffJsonSchema({ default: null }, { default: 5 });
    expect(change).toMatchObject({ path: 'schema.default', type: 'modified', newValue: 5 });
    expect(change).not.toHaveProperty('oldValue');
    expect(changeSuffix(change!)).toBe('');
  });
});

describe('JSON-Schema walk (diff.md §5)', () => {
  it('compares string arrays as sets and other arrays by position', () => {
    const changes = diffJsonSchema(
      { required: ['a', 'b'], allOf: [{ type: 'string' }], examples: [1, 2] },
      { required: ['b', 'a'], allOf: [{ type: 'number' }, { minimum: 1 }], examples: [1] },
    );
    expect(changes.map((c) => [c.path, c.type, c.classification, c.reason])).toEqual([
      ['schema.allOf[0].type', 'modified', 'POTENTIAL_BREAKING', 'schema.allOf[0].type changed'],
      ['schema.allOf[1]', 'added', 'POTENTIAL_BREAKING', 'schema.allOf[1] added'],
      ['schema.examples[1]', 'removed', 'POTENTIAL_BREAKING', 'schema.examples[1] removed'],
    ]);
  });

  it('classifies required as BREAKING at any depth, including the whole keyword', () => {
    const changes = diffJsonSchema({ properties: { db: { required: ['host'] } } }, { properties: { db: {} }, required: ['x'] });
    expect(changes.map((c) => `${c.classification} ${c.path} ${c.type}`)).toEqual([
      'BREAKING schema.properties.db.required removed',
      'BREAKING schema.required added',
    ]);
  });
});

describe('classifyChange (diff.md §2.3)', () => {
  it('looks up exact paths, then with brackets removed, then falls back to POTENTIAL_BREAKING', () => {
    expect(classifyChange('interfaces.port', 'modified')).toBe('BREAKING');
    expect(classifyChange('readiness.checks[runbook]', 'removed')).toBe('NON_BREAKING');
    expect(classifyChange('openapi.paths[/a].methods[GET].responses[200]', 'added')).toBe('NON_BREAKING');
    expect(classifyChange('openapi.paths[/a].methods[GET].responses[200]', 'removed')).toBe('BREAKING');
    expect(classifyChange('scaling', 'modified')).toBe('POTENTIAL_BREAKING');
    expect(classifyChange('policy/schema.json', 'added')).toBe('POTENTIAL_BREAKING');
    expect(classifyChange('configurations.schema', 'removed')).toBe('BREAKING');
  });
});

describe('compareCodePoints', () => {
  it('orders by code point, not UTF-16 unit', () => {
    expect(['\u{1F600}', '\uFF5E', 'b', 'B'].sort(compareCodePoints)).toEqual(['B', 'b', '\uFF5E', '\u{1F600}']);
  });
});
