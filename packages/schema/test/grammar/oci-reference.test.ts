import { describe, expect, it } from 'vitest';
import { parseValidationReference, splitRef } from '../../src/grammar/oci-reference.js';

describe('parseValidationReference', () => {
  it('splits registry, repository, tag and digest', () => {
    expect(parseValidationReference('ghcr.io/acme/db-pacto:1.0.0')).toEqual({
      ok: true,
      reference: { registry: 'ghcr.io', repository: 'acme/db-pacto', tag: '1.0.0', digest: '' },
    });
    expect(parseValidationReference('localhost:5000/x@sha256:abc')).toEqual({
      ok: true,
      reference: { registry: 'localhost:5000', repository: 'x', tag: '', digest: 'sha256:abc' },
    });
    expect(parseValidationReference('ghcr.io/acme/db-pacto')).toMatchObject({ ok: true, reference: { tag: '' } });
  });

  it.each([
    ['', 'empty OCI reference'],
    ['invalid', 'invalid OCI reference: missing repository in "invalid"'],
    ['nginx:1.25', 'invalid OCI reference: missing repository in "nginx"'],
    ['/repo', 'invalid OCI reference: empty registry'],
    ['ghcr.io/', 'invalid OCI reference: empty repository'],
    ['ghcr.io/:tag', 'invalid OCI reference: empty repository'],
  ])('rejects %j', (ref, error) => {
    expect(parseValidationReference(ref)).toEqual({ ok: false, error });
  });
});

describe('splitRef', () => {
  it('detects oci://, file:// and bare paths', () => {
    expect(splitRef('oci://ghcr.io/a/b:1')).toEqual({ scheme: 'oci', location: 'ghcr.io/a/b:1' });
    expect(splitRef('file://../db')).toEqual({ scheme: 'local', location: '../db' });
    expect(splitRef('../db')).toEqual({ scheme: 'local', location: '../db' });
  });
});
