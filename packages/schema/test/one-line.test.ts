import { describe, expect, it } from 'vitest';
import { oneLine } from '../src/one-line.js';

describe('oneLine', () => {
  it('gives what the regular expression gives on every short text of spaces, breaks and letters', () => {
    const pieces = ['', ' ', '\t', '\n', '\r\n', 'a', '\u2028'];
    const differences: string[] = [];
    const visit = (text: string, depth: number) => {
      if (text.replace(/\s*\n\s*/g, ' ') !== oneLine(text)) differences.push(JSON.stringify(text));
      if (depth < 5) for (const piece of pieces) if (piece !== '') visit(text + piece, depth + 1);
    };
    visit('', 0);
    expect(differences).toEqual([]);
  });

  it('reads 1 MB of whitespace without a line break in linear time', () => {
    const text = `a${'\t'.repeat(1 << 20)}\u0000\n b`;
    expect(oneLine(text)).toBe(`a${'\t'.repeat(1 << 20)}\u0000 b`);
  }, 20_000);
});
