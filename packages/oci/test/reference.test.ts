import { describe, expect, it } from 'vitest';
import { formatReference, isPinned, parseReference, versionToTag } from '../src/reference.js';

describe('parseReference', () => {
  it.each([
    ['oci://ghcr.io/acme/svc-pacto:1.0.0', { registry: 'ghcr.io', repository: 'acme/svc-pacto', tag: '1.0.0' }],
    ['localhost:5000/demo/svc', { registry: 'localhost:5000', repository: 'demo/svc' }],
    ['127.0.0.1:5001/svc@sha256:' + 'a'.repeat(64), { registry: '127.0.0.1:5001', repository: 'svc', digest: 'sha256:' + 'a'.repeat(64) }],
    ['[::1]:5000/svc:v1', { registry: '[::1]:5000', repository: 'svc', tag: 'v1' }],
    ['acme/svc', { registry: 'index.docker.io', repository: 'acme/svc' }],
    ['alpine:3', { registry: 'index.docker.io', repository: 'library/alpine', tag: '3' }],
    ['docker.io/alpine', { registry: 'index.docker.io', repository: 'library/alpine' }],
    ['localhost/repo', { registry: 'index.docker.io', repository: 'localhost/repo' }],
    ['ghcr.io/a/b:1.0.0+build.7', { registry: 'ghcr.io', repository: 'a/b', tag: '1.0.0_build.7' }],
  ])('%s', (input, expected) => {
    expect(parseReference(input)).toMatchObject(expected);
  });

  it('keeps tag and digest; the digest is what gets fetched', () => {
    const digest = 'sha256:' + 'b'.repeat(64);
    const ref = parseReference(`ghcr.io/a/b:1.0.0@${digest}`);
    expect(ref).toMatchObject({ tag: '1.0.0', digest });
    expect(formatReference(ref)).toBe(`ghcr.io/a/b:1.0.0@${digest}`);
  });

  it.each([
    ['ghcr.io/Acme/svc', 'invalid repository "Acme/svc": must contain only lower-case letters, digits, ".", "_", "-" and "/"'],
    ['ghcr.io/a', 'invalid repository "a": must be 2 to 255 characters'],
    ['ghcr.io/acme/svc:', 'invalid reference "ghcr.io/acme/svc:": tag "" must be 1 to 128 letters, digits, "_", "." or "-" and not start with "." or "-"'],
    ['ghcr.io/acme/svc@sha256:abc', 'invalid reference "ghcr.io/acme/svc@sha256:abc": digest "sha256:abc" must be sha256: followed by 64 lower-case hex characters'],
    ['oci://', 'invalid reference "": repository is empty'],
  ])('rejects %s', (input, message) => {
    expect(() => parseReference(input)).toThrow(message);
  });
});

describe('isPinned', () => {
  it.each([
    ['localhost:5000/svc', false],
    ['localhost:5000/svc:1.0', true],
    ['oci://ghcr.io/a/b', false],
    ['ghcr.io/a/b@sha256:' + 'c'.repeat(64), true],
  ])('%s -> %s', (ref, pinned) => {
    expect(isPinned(ref)).toBe(pinned);
  });
});

describe('versionToTag', () => {
  it('stores build metadata with "_" because OCI tags cannot carry "+"', () => {
    expect(versionToTag('1.2.3+build.5')).toBe('1.2.3_build.5');
    expect(versionToTag('1.2.3')).toBe('1.2.3');
  });
});
