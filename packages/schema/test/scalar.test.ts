import { describe, expect, it } from 'vitest';
import { resolvePlainScalar } from '../src/parse/scalar.js';

// yaml.v3 resolution of plain scalars (contract.md §2.1).
describe('resolvePlainScalar', () => {
  it.each([
    ['', 'null', null], ['~', 'null', null], ['null', 'null', null], ['NULL', 'null', null], ['nULL', 'str', 'nULL'],
    ['true', 'bool', true], ['False', 'bool', false], ['yes', 'str', 'yes'], ['no', 'str', 'no'], ['on', 'str', 'on'],
    ['8080', 'int', 8080], ['0', 'int', 0], ['-12', 'int', -12], ['+7', 'int', 7], ['1_000', 'int', 1000],
    ['017', 'int', 15], ['0o17', 'int', 15], ['0x1F', 'int', 31], ['0b101', 'int', 5], ['-0x10', 'int', -16],
    ['08', 'float', 8], ['1.0', 'float', 1], ['-2.5', 'float', -2.5], ['1e3', 'float', 1000], ['.5', 'float', 0.5],
    ['1.', 'float', 1], ['18446744073709551615', 'int', 18446744073709551615], ['99999999999999999999', 'float', 1e20],
    ['1e999', 'str', '1e999'], ['1.0.0', 'str', '1.0.0'], ['2026-12-31', 'str', '2026-12-31'],
    ['2026-12-31T10:00:00Z', 'str', '2026-12-31T10:00:00Z'], ['-', 'str', '-'], ['.', 'str', '.'], ['0x', 'str', '0x'],
    ['v1', 'str', 'v1'], ['^1.0.0', 'str', '^1.0.0'],
  ] as const)('%j -> %s %j', (text, tag, value) => {
    expect(resolvePlainScalar(text)).toEqual({ tag, value });
  });

  it('recognises infinities and NaN', () => {
    expect(resolvePlainScalar('.inf')).toEqual({ tag: 'float', value: Infinity });
    expect(resolvePlainScalar('-.Inf')).toEqual({ tag: 'float', value: -Infinity });
    expect(resolvePlainScalar('+.INF')).toEqual({ tag: 'float', value: Infinity });
    expect(Number.isNaN(resolvePlainScalar('.NaN').value)).toBe(true);
    expect(resolvePlainScalar('.Nan')).toEqual({ tag: 'str', value: '.Nan' });
  });
});
