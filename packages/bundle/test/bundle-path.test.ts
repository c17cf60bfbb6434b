import { describe, expect, it } from 'vitest';
import { compareBundlePaths } from '../src/bundle-path.js';

describe('compareBundlePaths', () => {
  it('orders names byte-wise as UTF-8, as Go does, without Node buffers', () => {
    const names = ['b', 'a/z', 'a', 'é', 'Z', 'a.txt', '😀', 'ﬀ', 'a/b', 'é/x'];
    const byBytes = [...names].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    // Paths compare segment by segment, so `a` and its children come before `a.txt`.
    expect([...names].sort(compareBundlePaths)).toEqual(['Z', 'a', 'a/b', 'a/z', 'a.txt', 'b', 'é', 'é/x', 'ﬀ', '😀']);
    expect(['😀', 'ﬀ', 'é'].sort(compareBundlePaths)).toEqual(byBytes.filter((n) => ['😀', 'ﬀ', 'é'].includes(n)));
    expect(compareBundlePaths('a', 'a')).toBe(0);
    expect(compareBundlePaths('ab', 'a')).toBeGreaterThan(0);
  });
});
