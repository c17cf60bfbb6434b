import { describe, expect, it } from 'vitest';
import { isValidBundlePath } from '../../src/grammar/bundle-path.js';

describe('isValidBundlePath (Go io/fs rules)', () => {
  it.each(['interfaces/openapi.yaml', 'a', '.', 'a/b/c.json', '.hidden/x', 'a..b'])('accepts %j', (path) => {
    expect(isValidBundlePath(path)).toBe(true);
  });

  it.each(['', './interfaces/openapi.yaml', '../shared/schema.json', '/abs/path', 'a//b', 'a/', 'a/./b', 'a/..'])(
    'rejects %j',
    (path) => {
      expect(isValidBundlePath(path)).toBe(false);
    },
  );
});
