import { describe, expect, it } from 'vitest';
import { goQuote } from '../../src/grammar/go-quote.js';

describe('goQuote', () => {
  it('equals JSON.stringify for printable ASCII', () => {
    for (const text of ['', 'api', 'a "quoted" word', 'back\\slash', '2.0', '~!@#$%^&*()_+{}|:<>?']) {
      expect(goQuote(text)).toBe(JSON.stringify(text));
    }
  });

  it('uses Go short escapes for control characters', () => {
    expect(goQuote('a\nb\tc\rd')).toBe('"a\\nb\\tc\\rd"');
    expect(goQuote('\x07\x08\x0c\x0b')).toBe('"\\a\\b\\f\\v"');
    expect(goQuote('\x00\x1b\x7f')).toBe('"\\x00\\x1b\\x7f"');
  });

  it('keeps printable Unicode and escapes the rest', () => {
    expect(goQuote('café → 日本')).toBe('"café → 日本"');
    expect(goQuote('😀')).toBe('"😀"');
    expect(goQuote('\u00a0')).toBe('"\\u00a0"');
    expect(goQuote('\u200b')).toBe('"\\u200b"');
    expect(goQuote('\u{e0001}')).toBe('"\\U000e0001"');
  });
});
