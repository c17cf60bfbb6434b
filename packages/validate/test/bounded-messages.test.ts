import { describe, expect, it } from 'vitest';
import { validateContract } from '../src/index.js';
import { MAX_MESSAGE_LENGTH, boundedMessage } from '../src/finding.js';

const HEAD = 'pactoVersion: "1.0"\nservice:\n  name: hostile\n  version: 1.0.0\n';

describe('findings about huge values stay readable', () => {
  it('keeps short messages whole and both ends of long ones', () => {
    expect(boundedMessage('short')).toBe('short');
    const long = `a${'x'.repeat(10_000)}z`;
    const bounded = boundedMessage(long);
    expect(bounded.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(bounded.startsWith('ax')).toBe(true);
    expect(bounded.endsWith('xz')).toBe(true);
    expect(bounded).toContain('… (9502 characters left out) …');
  });

  it('does not split a surrogate pair', () => {
    const bounded = boundedMessage(`${'x'.repeat(249)}😀${'y'.repeat(1000)}😀${'z'.repeat(249)}`);
    expect(bounded).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('refuses a 1 MB compatibility range with a short finding that gives the limit', async () => {
    const range = '1'.repeat(1 << 20);
    const result = await validateContract({
      fileName: 'pacto.yaml',
      text: `${HEAD}dependencies:\n  - name: dep\n    ref: oci://r.io/dep:1.0.0\n    compatibility: "${range}"\n`,
    });
    expect(result.errors.map((e) => [e.code, e.path])).toEqual([['INVALID_COMPATIBILITY', 'dependencies[0].compatibility']]);
    const message = result.errors[0]!.message;
    expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(message.startsWith('invalid compatibility range "1111')).toBe(true);
    expect(message.endsWith(`a range has at most 1024 characters, this one has ${range.length}`)).toBe(true);
  }, 20_000);

  it('refuses a 1 MB service version with a short finding', async () => {
    const result = await validateContract({ fileName: 'pacto.yaml', text: `pactoVersion: "1.0"\nservice:\n  name: hostile\n  version: "${'1.'.repeat(1 << 19)}"\n` });
    expect(result.errors[0]?.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(result.errors[0]?.message.endsWith('is not valid semver: version string is too long (max 256 bytes)')).toBe(true);
  }, 20_000);
});
