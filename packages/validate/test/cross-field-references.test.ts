import { describe, expect, it } from 'vitest';
import { validateCrossField } from '../src/index.js';
import { b10, pairs } from './support/contracts.js';

function dependency(ref: string, compatibility = '^1.0.0') {
  return b10({ dependencies: [{ name: 'db', ref, compatibility }] });
}

describe('L2 rule 17: dependencies', () => {
  it('warns about a tag without digest (case 30)', () => {
    const result = validateCrossField(dependency('oci://ghcr.io/acme/db-pacto:1.0.0'));
    expect(result.errors).toEqual([]);
    expect(pairs(result.warnings)).toEqual(['TAG_NOT_DIGEST @ dependencies[0].ref']);
    expect(result.warnings[0]?.message).toBe(
      'dependency "oci://ghcr.io/acme/db-pacto:1.0.0" uses a tag instead of a digest; digest pinning is recommended',
    );
  });

  it('accepts refs without tag, with digest, and local refs (case 31)', () => {
    for (const ref of ['oci://ghcr.io/acme/db-pacto', 'oci://ghcr.io/acme/db-pacto:1.0.0@sha256:abc', '../db', 'file://../db']) {
      const result = validateCrossField(dependency(ref));
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
    }
  });

  it('rejects an unparsable oci ref and skips the rest of the entry (case 32)', () => {
    const result = validateCrossField(dependency('oci://invalid', 'not-a-range'));
    expect(pairs(result.errors)).toEqual(['INVALID_OCI_REF @ dependencies[0].ref']);
    expect(result.errors[0]?.message).toBe('invalid OCI reference "oci://invalid": invalid OCI reference: missing repository in "invalid"');
  });

  it('rejects a bad range and keeps the tag warning (case 33)', () => {
    const result = validateCrossField(dependency('oci://ghcr.io/acme/db-pacto:1.0.0', 'not-a-range'));
    expect(pairs(result.errors)).toEqual(['INVALID_COMPATIBILITY @ dependencies[0].compatibility']);
    expect(result.errors[0]?.message).toBe('invalid compatibility range "not-a-range": improper constraint: not-a-range');
    expect(pairs(result.warnings)).toEqual(['TAG_NOT_DIGEST @ dependencies[0].ref']);
  });

  it('rejects an empty range (library only)', () => {
    const result = validateCrossField(dependency('../db', ''));
    expect(pairs(result.errors)).toEqual(['EMPTY_COMPATIBILITY @ dependencies[0].compatibility']);
    expect(result.errors[0]?.message).toBe('compatibility range must not be empty');
  });
});

describe('L2 rules 14, 18, 19: configuration refs, image and chart', () => {
  it('checks configuration refs without fetching them, quoting the ref without oci://', () => {
    const result = validateCrossField(
      b10({ configurations: [{ name: 'a', ref: 'oci://ghcr.io/' }, { name: 'b', ref: '../local' }, { name: 'c', ref: 'oci://ghcr.io/acme/cfg' }] }),
    );
    expect(pairs(result.errors)).toEqual(['INVALID_CONFIG_REF @ configurations[0].ref']);
    expect(result.errors[0]?.message).toBe('invalid OCI reference "ghcr.io/": invalid OCI reference: empty repository');
  });

  it('rejects an image ref without repository (case 36)', () => {
    const result = validateCrossField(b10({ service: { name: 'svc', version: '1.0.0', image: { ref: 'nginx:1.25' } } }));
    expect(pairs(result.errors)).toEqual(['INVALID_IMAGE_REF @ service.image.ref']);
    expect(result.errors[0]?.message).toBe('invalid OCI reference "nginx:1.25": invalid OCI reference: missing repository in "nginx"');
  });

  it('checks oci chart refs and chart versions, not local chart paths (case 37)', () => {
    const local = validateCrossField(b10({ service: { name: 'svc', version: '1.0.0', chart: { ref: './charts/svc', version: 'stable' } } }));
    expect(pairs(local.errors)).toEqual(['INVALID_CHART_VERSION @ service.chart.version']);
    expect(local.errors[0]?.message).toBe('"stable" is not valid semver: invalid semantic version');
    const oci = validateCrossField(b10({ service: { name: 'svc', version: '1.0.0', chart: { ref: 'oci:///x', version: '1.0.0' } } }));
    expect(pairs(oci.errors)).toEqual(['INVALID_CHART_REF @ service.chart.ref']);
    expect(oci.errors[0]?.message).toBe('invalid OCI reference "oci:///x": invalid OCI reference: empty registry');
  });
});
