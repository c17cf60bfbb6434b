import { describe, expect, it } from 'vitest';
import { nextLink } from '../src/link-header.js';

describe('nextLink (Link header of paged tag lists)', () => {
  it.each([
    ['</v2/a/tags/list?n=100&last=b>; rel="next"', '/v2/a/tags/list?n=100&last=b'],
    ['</v2/a/tags/list?last=b>;rel=next', '/v2/a/tags/list?last=b'],
    ['<https://r.io/first>; rel="prev", <https://r.io/next>; REL="next"', 'https://r.io/next'],
    ['</x>; title="t"; rel="next last"', '/x'],
    ['</x>; rel="prev"', undefined],
    ['no link here', undefined],
    ['<>; rel=next', undefined],
  ])('%s', (header, expected) => {
    expect(nextLink(header)).toBe(expected);
  });

  it('reads a hostile 1 MB header in linear time', () => {
    expect(nextLink('REL=NEXT<;'.repeat(1 << 17))).toBeUndefined();
  }, 20_000);
});
