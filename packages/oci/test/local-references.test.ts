import type { Contract } from '@pacto/schema';
import { describe, expect, it } from 'vitest';
import { localReferenceRefusal } from '../src/index.js';

const base: Contract = { pactoVersion: '1.0', service: { name: 'svc', version: '1.0.0' } };

describe('localReferenceRefusal (cli.md §4.4 step 3)', () => {
  it('accepts a contract whose refs are all oci://', () => {
    expect(
      localReferenceRefusal({
        ...base,
        service: { ...base.service, chart: { ref: 'oci://r.io/charts/svc', version: '1.0.0' } },
        dependencies: [{ name: 'db', ref: 'oci://r.io/db-pacto:1.0.0', compatibility: '^1' }],
        configurations: [{ name: 'shared', ref: 'oci://r.io/cfg-pacto:1.0.0' }],
        policies: [{ name: 'p', ref: 'oci://r.io/policy-pacto:1.0.0' }],
      }),
    ).toBeUndefined();
  });

  it('names the first local reference, dependencies before chart, configurations and policies', () => {
    const contract: Contract = {
      ...base,
      service: { ...base.service, chart: { ref: './charts/svc', version: '1.0.0' } },
      dependencies: [{ name: 'db', ref: '../db', compatibility: '^1' }],
      policies: [{ name: 'p', ref: 'file://./policy' }],
    };
    expect(localReferenceRefusal(contract)).toBe(
      'local dependency detected: ../db\nLocal dependencies are not allowed when publishing. All dependencies must use OCI references (oci://...)',
    );
    expect(localReferenceRefusal({ ...contract, dependencies: [] })).toBe(
      'local chart reference detected: ./charts/svc\nLocal chart references are not allowed when publishing. Use an OCI reference (oci://...)',
    );
    expect(localReferenceRefusal({ ...base, configurations: [{ name: 'c', ref: 'cfg' }] })).toBe(
      'local config ref detected: cfg\nLocal references are not allowed when publishing. Use an OCI reference (oci://...)',
    );
    expect(localReferenceRefusal({ ...base, policies: [{ name: 'p', ref: 'file://./policy' }] })).toBe(
      'local policy ref detected: file://./policy\nLocal references are not allowed when publishing. Use an OCI reference (oci://...)',
    );
  });
});
