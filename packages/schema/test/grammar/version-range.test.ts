import { describe, expect, it } from 'vitest';
import { parseVersion } from '../../src/grammar/semantic-version.js';
import { maxSatisfying, parseRange, satisfies } from '../../src/grammar/version-range.js';

function check(range: string, versionText: string): boolean {
  const parsedRange = parseRange(range);
  if (!parsedRange.ok) throw new Error(parsedRange.error);
  const parsedVersion = parseVersion(versionText);
  if (!parsedVersion.ok) throw new Error(parsedVersion.error);
  return satisfies(parsedVersion.version, parsedRange.range);
}

describe('parseRange', () => {
  it.each(['^1.0.0', '~1.3', '>=1.2, <2.0', '>=1.2 <2.0', '1.x', '*', '1.2 - 1.4.5', '!=1.2.3', '=<1.2', '~>1.2', '=>1', '^1 || ^2', 'v1.2.3', '1.2.3-beta.1', ' >= 1.0 ', '1.2.X', 'x.x.x', '^0.0', '>1.0.0-alpha'])(
    'accepts %s',
    (text) => {
      expect(parseRange(text).ok).toBe(true);
    },
  );

  it.each([
    ['latest', 'improper constraint: latest'],
    ['not-a-range', 'improper constraint: not-a-range'],
    ['>>1', 'improper constraint: >>1'],
    ['', 'improper constraint: '],
    ['^1 ||', 'improper constraint: '],
    ['>=1,,<2', 'improper constraint: >=1,,<2'],
    ['1.xx', 'constraint parser error'],
    ['>=18446744073709551616', 'constraint parser error'],
    ['1'.repeat(1000), 'constraint parser error'],
  ])('rejects %s', (text, error) => {
    expect(parseRange(text)).toEqual({ ok: false, error });
  });

  it('accepts parts up to the unsigned 64-bit maximum, as Masterminds does', () => {
    expect(parseRange('>=18446744073709551615').ok).toBe(true);
  });

  it('refuses a range longer than its limit with a message that says so', () => {
    expect(parseRange(`>=1.0.0${' '.repeat(2000)}`)).toEqual({ ok: false, error: 'a range has at most 1024 characters, this one has 2007' });
  });

  it('reads hyphen ranges after whitespace that ended an earlier one (as Go does)', () => {
    expect(check('1 - 2  3 - 4', '2.0.0')).toBe(false);
    expect(parseRange('1 - 2  3 - 4').ok).toBe(true);
  });

  it('tolerates leading zeros inside ranges (Masterminds coerces them)', () => {
    expect(check('^2024.01.01', '2024.2.0')).toBe(true);
  });
});

describe('satisfies (Masterminds semantics)', () => {
  it.each([
    // caret
    ['^1.2.3', '1.2.3', true],
    ['^1.2.3', '1.9.0', true],
    ['^1.2.3', '2.0.0', false],
    ['^1.2.3', '1.2.2', false],
    ['^0.2.3', '0.2.9', true],
    ['^0.2.3', '0.3.0', false],
    ['^0.0.3', '0.0.3', true],
    ['^0.0.3', '0.0.4', false],
    ['^0.0', '0.0.9', true],
    ['^0.0', '0.1.0', false],
    ['^0', '0.9.0', true],
    ['^0', '1.0.0', false],
    ['^1', '1.5.0', true],
    ['^1.x', '1.5.0', true],
    // tilde
    ['~1.2.3', '1.2.9', true],
    ['~1.2.3', '1.3.0', false],
    ['~1.2', '1.2.0', true],
    ['~1', '1.9.9', true],
    ['~1', '2.0.0', false],
    ['~>1.2', '1.2.5', true],
    ['~*', '7.0.0', true],
    // wildcards and equality
    ['1.x', '1.9.0', true],
    ['1.x', '2.0.0', false],
    ['1.2.x', '1.2.7', true],
    ['1.2.x', '1.3.0', false],
    ['*', '3.1.4', true],
    ['=1.2.3', '1.2.3', true],
    ['1.2.3', '1.2.4', false],
    ['1.2.3', '1.2.3+build', true],
    // comparisons
    ['>1.2', '1.2.9', false],
    ['>1.2', '1.3.0', true],
    ['>1', '1.9.0', false],
    ['>1', '2.0.0', true],
    ['>1.2.3', '1.2.4', true],
    ['<1.2', '1.1.9', true],
    ['<1.2', '1.2.0', false],
    ['<=1.2', '1.2.9', true],
    ['=<1.2', '1.3.0', false],
    ['<=1', '1.9.9', true],
    ['<=1.2.3', '1.2.3', true],
    ['>=1.2.3', '1.2.3', true],
    ['=>1.2.3', '1.2.2', false],
    // not equal
    ['!=1.2.3', '1.2.3', false],
    ['!=1.2.3', '1.2.4', true],
    ['!=1.x', '1.5.0', false],
    ['!=1.x', '2.0.0', true],
    ['!=1.2.x', '1.2.5', false],
    ['!=1.2.x', '1.3.0', true],
    // AND / OR / hyphen
    ['>=1.2, <2.0', '1.9.9', true],
    ['>=1.2, <2.0', '2.0.0', false],
    ['>=1.2 <2.0', '1.1.0', false],
    ['^1 || ^3', '3.2.0', true],
    ['^1 || ^3', '2.2.0', false],
    ['1.2 - 1.4.5', '1.4.5', true],
    ['1.2 - 1.4.5', '1.4.6', false],
    ['1.2 - 1.4.5', '1.1.9', false],
    ['1.2 - 1.4', '1.4.9', true],
    ['1.0.0 - 2.0.0 <=2.0.0', '1.5.0', true],
    ['1 - 2 || 4', '4.1.0', true],
    // pre-releases only match ranges that name one
    ['^1.0.0', '1.5.0-beta', false],
    ['>=1.0.0-alpha', '1.5.0-beta', true],
    ['>=1.0.0-alpha, <2', '1.5.0-beta', true],
    ['*', '1.0.0-rc.1', false],
    ['^1.0.0-rc.1', '1.0.0-rc.2', true],
    ['^1.0.0-rc.1', '1.0.0-rc.0', false],
    ['*-0', '1.2.3-alpha.1', true],
    ['>=0-0', '0.0.1-alpha', true],
    ['>0-0', '0.0.1-alpha', false],
    ['<0-z', '0.0.0-alpha', true],
    ['~1.2.3-beta.2', '1.2.4-beta.2', true],
    ['!=4.1-alpha', '4.1.1-alpha', false],
    ['>=1.0.0-alpha || >=3', '3.1.0-beta', true],
    ['<1.0.0-alpha || >=3', '3.1.0-beta', false],
  ])('%s against %s is %s', (range, version, expected) => {
    expect(check(range, version)).toBe(expected);
  });
});

describe('maxSatisfying', () => {
  const tags = ['1.0.0', '2.0.0', '2.3.0', '3.0.0', 'latest', 'v2.4.0-rc.1'];

  it('picks the highest matching tag and returns its original text', () => {
    const range = parseRange('^2.0.0');
    if (!range.ok) throw new Error(range.error);
    expect(maxSatisfying(tags, range.range)).toBe('2.3.0');
    expect(maxSatisfying(['v1.0.0', 'v1.2.0', 'v1.1.0'], range.range)).toBeUndefined();
  });

  it('without a range picks the highest version, pre-releases included', () => {
    expect(maxSatisfying(tags)).toBe('3.0.0');
    expect(maxSatisfying(['1.0.0', 'v1.1.0-rc.1'])).toBe('v1.1.0-rc.1');
    expect(maxSatisfying(['main', 'sha-abc'])).toBeUndefined();
  });
});

describe('parseRange on hostile input', () => {
  it('stays linear where a backtracking regular expression would explode', () => {
    const started = performance.now();
    for (const text of ['1, '.repeat(2000) + '!', '1 '.repeat(2000) + '!', `1${' '.repeat(20000)}!`, '1 - '.repeat(2000) + '!']) {
      expect(parseRange(text).ok).toBe(false);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('needs a separator between comparators and rejects stray commas', () => {
    for (const text of ['1.2<3', '1,', ', 1', '1,,2', '>=1 <']) expect(parseRange(text).ok).toBe(false);
    for (const text of ['1 , 2', '>=1,<2', ' ^1 ']) expect(parseRange(text).ok).toBe(true);
  });
});
