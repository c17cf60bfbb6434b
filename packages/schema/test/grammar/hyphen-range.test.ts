import { describe, expect, it } from 'vitest';
import { rewriteHyphenRanges } from '../../src/grammar/hyphen-range.js';

// Masterminds' expression, run by a backtracking engine: the reference on short inputs (quadratic on long ones).
const PART = '[0-9xX*]+';
const IDS = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
const CV = `v?${PART}(?:\\.${PART})?(?:\\.${PART})?(?:-${IDS})?(?:\\+${IDS})?`;
const VERSION_AT = new RegExp(CV, 'y');
const REFERENCE = new RegExp(`\\s*(${CV})\\s+-\\s+(${CV})\\s*`, 'g');

function versionAt(text: string, at: number): string | undefined {
  VERSION_AT.lastIndex = at;
  return VERSION_AT.exec(text)?.[0];
}

function reference(text: string): string {
  return text.replace(REFERENCE, (_whole, low: string, high: string) => `>= ${low}, <= ${high} `);
}

/** A small deterministic generator (mulberry32), so a failure names a reproducible input. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('rewriteHyphenRanges', () => {
  it.each([
    ['1.2 - 1.4.5', '>= 1.2, <= 1.4.5 '],
    ['  1 - 2  ', '>= 1, <= 2 '],
    ['>=1.0 1 - 2', '>=1.0>= 1, <= 2 '],
    ['>=1 - 2', '>=>= 1, <= 2 '],
    ['1-rc.1+b.2 - v2.x', '>= 1-rc.1+b.2, <= v2.x '],
    ['1 - 2  3 - 4', '>= 1, <= 2 >= 3, <= 4 '],
    ['1 - 2 - 3', '>= 1, <= 2 - 3'],
    ['1 - 2,3 - 4', '>= 1, <= 2 ,>= 3, <= 4 '],
    ['^1 || 1 - 2', '^1 ||>= 1, <= 2 '],
    ['1 -2', '1 -2'],
    ['a - b', 'a - b'],
  ])('%j becomes %j', (text, expected) => {
    expect(rewriteHyphenRanges(text, versionAt)).toBe(expected);
    expect(reference(text)).toBe(expected);
  });

  it('finds the same matches as the regular expression on 30,000 random short ranges', () => {
    const next = random(14);
    const alphabet = [' ', ' ', '  ', '\t', '-', ' - ', ' - ', '1', '2', '0', '.', 'x', '*', 'v', 'a', 'Z', '+', ',', '>=', '||', '^'];
    const differences: string[] = [];
    for (let n = 0; n < 30_000; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * 14);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      if (rewriteHyphenRanges(text, versionAt) !== reference(text)) differences.push(text);
    }
    expect(differences).toEqual([]);
  });
});
