import { describe, expect, it } from 'vitest';
import { compareVersions, formatVersion, parseVersion } from '../../src/grammar/semantic-version.js';

function version(text: string) {
  const result = parseVersion(text);
  if (!result.ok) throw new Error(result.error);
  return result.version;
}

describe('parseVersion (lenient Masterminds semver)', () => {
  it.each(['1.0.0', 'v2', '1.2', '1.0.0-rc.1+build.5', '0.0.0', '1.2.3-alpha-1', '1.0.0+20130313144700', 'v1.2.3'])(
    'accepts %s',
    (text) => {
      expect(parseVersion(text).ok).toBe(true);
    },
  );

  it.each([
    ['latest', 'invalid semantic version'],
    ['1.2.3.4', 'invalid semantic version'],
    ['1.0.0-', 'invalid semantic version'],
    ['not-semver', 'invalid semantic version'],
    ['', 'invalid semantic version'],
    ['V1.0.0', 'invalid semantic version'],
    [' 1.0.0', 'invalid semantic version'],
    ['1.0.0-01', 'version segment starts with 0'],
    ['01.0.0', 'version segment starts with 0'],
    ['1.02', 'version segment starts with 0'],
  ])('rejects %s with %s', (text, error) => {
    expect(parseVersion(text)).toEqual({ ok: false, error });
  });

  it('rejects numbers beyond 64 bits, as Go does', () => {
    expect(parseVersion('18446744073709551615.0.0').ok).toBe(true);
    expect(parseVersion('18446744073709551616.0.0')).toEqual({
      ok: false,
      error: 'error parsing version segment: strconv.ParseUint: parsing "18446744073709551616": value out of range',
    });
  });

  it.each(['1.2.3-alpha.-1', '1.2.3+test.01', '20221209-update-renovatejson-v4', '1.2.3-0a'])('accepts the Masterminds edge case %s', (text) => {
    expect(parseVersion(text).ok).toBe(true);
  });

  it.each(['1.2.beta', '1.0.0-alpha_beta', '1.2.3-alpha..1', '1.2.3+', 'v', '1.2.3-alpha.01'])('rejects %s', (text) => {
    expect(parseVersion(text).ok).toBe(false);
  });

  it('rejects overlong input', () => {
    expect(parseVersion(`1.0.0-${'a'.repeat(300)}`)).toEqual({
      ok: false,
      error: 'version string is too long (max 256 bytes)',
    });
  });

  it('fills missing parts with zero and keeps the original text', () => {
    expect(version('v1.2')).toEqual({ major: 1, minor: 2, patch: 0, prerelease: '', build: '', original: 'v1.2' });
    expect(formatVersion(version('v1.2+b.1'))).toBe('1.2.0+b.1');
  });
});

describe('compareVersions', () => {
  it('orders by SemVer precedence', () => {
    const ordered = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.1', 'v2'];
    for (let i = 0; i + 1 < ordered.length; i++) {
      expect(compareVersions(version(ordered[i] as string), version(ordered[i + 1] as string))).toBe(-1);
      expect(compareVersions(version(ordered[i + 1] as string), version(ordered[i] as string))).toBe(1);
    }
  });

  it('ignores build metadata and the v prefix', () => {
    expect(compareVersions(version('v1.2.0+a'), version('1.2.0+b'))).toBe(0);
    expect(compareVersions(version('1.2'), version('1.2.0'))).toBe(0);
  });
});
