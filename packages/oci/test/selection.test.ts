import { describe, expect, it } from 'vitest';
import { parseChallenges, pickChallenge } from '../src/challenge.js';
import { schemePolicy } from '../src/scheme.js';
import { selectTag } from '../src/resolve.js';

describe('selectTag (oci.md §8.2)', () => {
  const tags = ['1.0.0', '2.0.0', '2.3.0', '3.0.0', 'latest'];
  it('takes the highest semver tag, ignoring others', () => {
    expect(selectTag(tags)).toBe('3.0.0');
  });
  it('stays within a constraint', () => {
    expect(selectTag(tags, '^2.0.0')).toBe('2.3.0');
  });
  it('returns the original tag text', () => {
    expect(selectTag(['v1.0.0', 'v2.3.0'])).toBe('v2.3.0');
  });
  it('maps "_" back to "+" so build-metadata tags count as versions', () => {
    expect(selectTag(['1.0.0', '1.1.0_build.3', 'main'])).toBe('1.1.0_build.3');
  });
  it('skips pre-releases unless the constraint names one', () => {
    expect(selectTag(['1.0.0', '1.1.0-rc.1'], '>=1.0.0')).toBe('1.0.0');
    expect(selectTag(['1.0.0', '1.1.0-rc.1'], '>=1.1.0-rc.0')).toBe('1.1.0-rc.1');
  });
  it('reports missing versions with the spec messages', () => {
    expect(() => selectTag(['latest', 'main'])).toThrow('no semver tags found');
    expect(() => selectTag(tags, '^9')).toThrow('no tags satisfy constraint "^9"');
    expect(() => selectTag(tags, '>>1')).toThrow(/^invalid constraint ">>1": /);
  });
});

describe('parseChallenges', () => {
  it('reads a Bearer challenge with quoted parameters', () => {
    const [challenge] = parseChallenges('Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull"');
    expect(challenge).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.example/token', service: 'registry.example', scope: 'repository:a/b:pull' },
    });
  });
  it('picks the first Basic or Bearer among several challenges', () => {
    const challenges = parseChallenges(['Negotiate abc', 'Basic realm="x", Bearer realm="y"']);
    expect(challenges.map((c) => c.scheme)).toEqual(['negotiate', 'basic', 'bearer']);
    expect(pickChallenge(challenges)).toEqual({ scheme: 'basic', params: { realm: 'x' } });
  });
});

describe('schemePolicy (oci.md §10.1)', () => {
  it.each([
    ['localhost:5000', 'https-then-http'],
    ['registry.localhost', 'https-then-http'],
    ['127.0.0.1:5001', 'https-then-http'],
    ['127.4.5.6', 'https-then-http'],
    ['[::1]:5000', 'https-then-http'],
    ['10.1.2.3:5000', 'https-then-http'],
    ['172.16.0.1', 'https-then-http'],
    ['172.32.0.1', 'https'],
    ['192.168.1.1:443', 'https-then-http'],
    ['ghcr.io', 'https'],
    ['localhost.example.com', 'https'],
  ])('%s -> %s', (registry, policy) => {
    expect(schemePolicy(registry)).toBe(policy);
  });
  it('forces plain HTTP for PACTO_INSECURE_REGISTRIES entries', () => {
    expect(schemePolicy('registry.internal:5000', ['registry.internal:5000'])).toBe('http');
    expect(schemePolicy('registry.internal:5000', ['registry.internal'])).toBe('http');
    expect(schemePolicy('other.internal', ['registry.internal'])).toBe('https');
  });
});
