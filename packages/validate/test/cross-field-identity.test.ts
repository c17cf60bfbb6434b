import { describe, expect, it } from 'vitest';
import { validateCrossField } from '../src/index.js';
import { b10, pairs } from './support/contracts.js';

describe('L2 rule 1: service.version', () => {
  it('reports a non-semver version with the parser detail (case 11)', () => {
    const result = validateCrossField(b10({ service: { name: 'svc', version: 'latest' } }));
    expect(pairs(result.errors)).toEqual(['INVALID_SEMVER @ service.version']);
    expect(result.errors[0]?.message).toBe('"latest" is not valid semver: invalid semantic version');
    expect(result.errors[0]).toMatchObject({ severity: 'error', layer: 'cross-field' });
  });

  it('accepts lenient versions (case 12)', () => {
    for (const version of ['1.2', 'v2', '1.0.0-rc.1+build.5']) {
      expect(validateCrossField(b10({ service: { name: 'svc', version } })).errors).toEqual([]);
    }
  });
});

describe('L2 rules 2-5: duplicate names', () => {
  it('cites the previous occurrence each time (three entries)', () => {
    const api = { name: 'api', type: 'http' as const, port: 8080 };
    const result = validateCrossField(b10({ interfaces: [api, { ...api, port: 8081 }, { ...api, port: 8082 }] }));
    expect(pairs(result.errors)).toEqual(['DUPLICATE_INTERFACE_NAME @ interfaces[1].name', 'DUPLICATE_INTERFACE_NAME @ interfaces[2].name']);
    expect(result.errors.map((e) => e.message)).toEqual([
      'interface name "api" is already declared at interfaces[0]',
      'interface name "api" is already declared at interfaces[1]',
    ]);
  });

  it('covers configurations, policies and dependencies in rule order (cases 29, 35)', () => {
    const result = validateCrossField(
      b10({
        configurations: [{ name: 'a', ref: 'oci://ghcr.io/acme/cfg:1.0.0' }, { name: 'a', ref: 'oci://ghcr.io/acme/cfg:1.0.0' }],
        policies: [{ name: 'p', ref: 'oci://ghcr.io/acme/p@sha256:1' }, { name: 'p', ref: 'oci://ghcr.io/acme/p@sha256:1' }],
        dependencies: [
          { name: 'db', ref: '../a', compatibility: '^1' },
          { name: 'db', ref: '../b', compatibility: '^1' },
        ],
      }),
    );
    expect(pairs(result.errors)).toEqual([
      'DUPLICATE_CONFIGURATION_NAME @ configurations[1].name',
      'DUPLICATE_POLICY_NAME @ policies[1].name',
      'DUPLICATE_DEPENDENCY_NAME @ dependencies[1].name',
    ]);
    expect(result.errors[1]?.message).toBe('policy name "p" is already declared at policies[0]');
    expect(result.errors[2]?.message).toBe('dependency name "db" is already declared at dependencies[0]');
  });
});

describe('L2 rules 6-7: interface shapes (reachable only through the library)', () => {
  it('reports missing ports and contracts, and ignores event ports', () => {
    const result = validateCrossField(
      b10({
        interfaces: [
          { name: 'api', type: 'http' },
          { name: 'rpc', type: 'grpc' },
          { name: 'ev', type: 'event', port: 5672, contract: 'ev.json' },
        ],
      }),
    );
    expect(pairs(result.errors)).toEqual([
      'PORT_REQUIRED @ interfaces[0].port',
      'PORT_REQUIRED @ interfaces[1].port',
      'CONTRACT_REQUIRED @ interfaces[1].contract',
    ]);
    expect(result.errors.map((e) => e.message)).toEqual([
      'port is required for http interface "api"',
      'port is required for grpc interface "rpc"',
      'contract is required for grpc interface "rpc"',
    ]);
    expect(pairs(result.warnings)).toEqual(['PORT_IGNORED @ interfaces[2].port']);
    expect(result.warnings[0]).toMatchObject({ severity: 'warning', message: 'port is not applicable for event interface "ev"' });
  });
});
