import { describe, expect, it } from 'vitest';
import { diffContracts, type Change } from '../src/index.js';
import { recordFS } from './support/fixtures.js';

// contract-2.0.md §8: the rule table of 2.0 contracts, and 1.x compared with 2.0 through the migration.

const bundle = (text: string, files: Record<string, string> = {}) => ({ fileName: 'svc/pacto.yaml', text, files: recordFS({ 'pacto.yaml': text, ...files }) });
const lines = (changes: readonly Change[]) => changes.map((c) => `${c.path} ${c.type} ${c.classification}`);

const OPENAPI = 'openapi: "3.0.0"\ninfo: {title: svc, version: 1.0.0}\npaths:\n  /orders:\n    get:\n      responses: {"200": {description: OK}}\n';

const V20 = `pactoVersion: "2.0"
service:
  name: svc
  version: 1.0.0
  owner: {team: payments}
interfaces:
  - {name: api, type: openapi, ref: api.yaml, visibility: internal}
configurations:
  - {name: app, schema: c.json, required: false}
dependencies:
  - {name: db, ref: "oci://r.io/a/db", required: true, compatibility: "^1.0.0"}
workload: service
state: {type: stateless, persistence: {scope: local, durability: ephemeral}, dataCriticality: low}
capabilities:
  - {type: health, binding: {type: http, interface: api, path: /health}}
  - {type: extension, ref: example.com/tracing}
readiness:
  expires: "2099-12-31"
  claims:
    - {id: dashboard, type: url, status: partial, weight: 20, evidence: https://x}
metadata: {tier: standard}
`;
const FILES = { 'api.yaml': OPENAPI, 'c.json': '{"type": "object"}' };

describe('diff of two 2.0 contracts', () => {
  it('finds nothing between a contract and itself', () => {
    expect(diffContracts(bundle(V20, FILES), bundle(V20, FILES))).toEqual({ classification: 'NON_BREAKING', changes: [] });
  });

  it('classifies every 2.0 section by its rule, in emission order', () => {
    const changed = V20.replace('version: 1.0.0', 'version: 1.1.0')
      .replace('workload: service', 'workload: job')
      .replace('dataCriticality: low', 'dataCriticality: high')
      .replace('durability: ephemeral', 'durability: persistent')
      .replace('type: stateless', 'type: stateful')
      .replace('  - {type: extension, ref: example.com/tracing}\n', '  - {type: metrics}\n')
      .replace('path: /health}', 'path: /healthz}')
      .replace('required: false}', 'required: true}')
      .replace('ref: api.yaml, visibility: internal', 'ref: api2.yaml, visibility: public')
      .replace('status: partial', 'status: done')
      .replace('expires: "2099-12-31"', 'expires: "2098-12-31"\n  partialCredit: 0.25');
    const result = diffContracts(bundle(V20, FILES), bundle(changed, { ...FILES, 'api2.yaml': OPENAPI }));
    expect(lines(result.changes)).toEqual([
      'service.version modified NON_BREAKING',
      'workload modified BREAKING',
      'state.type modified BREAKING',
      'state.persistence.durability modified BREAKING',
      'state.dataCriticality modified POTENTIAL_BREAKING',
      'capabilities[extension:example.com/tracing] removed POTENTIAL_BREAKING',
      'capabilities[health] modified POTENTIAL_BREAKING',
      'capabilities[metrics] added NON_BREAKING',
      'interfaces.visibility modified POTENTIAL_BREAKING',
      'interfaces.ref modified POTENTIAL_BREAKING',
      'configurations.required modified POTENTIAL_BREAKING',
      'readiness.expires modified NON_BREAKING',
      'readiness.partialCredit added NON_BREAKING',
      'readiness.claims[dashboard] modified NON_BREAKING',
    ]);
    expect(result.classification).toBe('BREAKING');
    expect(result.changes.find((c) => c.path === 'capabilities[health]')).toMatchObject({ oldValue: 'health http api /health', newValue: 'health http api /healthz' });
    expect(result.changes.find((c) => c.path === 'readiness.claims[dashboard]')).toMatchObject({
      oldValue: 'type=url status=partial weight=20 evidence=https://x',
      newValue: 'type=url status=done weight=20 evidence=https://x',
    });
  });

  it('compares OpenAPI content behind interface refs', () => {
    const result = diffContracts(bundle(V20, FILES), bundle(V20, { ...FILES, 'api.yaml': OPENAPI.replace(/\n {2}\/orders:[\s\S]*$/, '\n') }));
    expect(lines(result.changes)).toEqual(['openapi.paths[/orders] removed BREAKING']);
  });

  it('declaring workload or state is harmless; changing the interface type breaks', () => {
    const bare = V20.replace('workload: service\n', '').replace(/state: .*\n/, '');
    expect(lines(diffContracts(bundle(bare, FILES), bundle(V20, FILES)).changes)).toEqual(['workload added NON_BREAKING', 'state added NON_BREAKING']);
    const grpc = V20.replace('type: openapi', 'type: asyncapi');
    expect(lines(diffContracts(bundle(V20, FILES), bundle(grpc, FILES)).changes)).toEqual(['interfaces.type modified BREAKING']);
  });
});

describe('diff of a 1.x contract with a 2.0 one', () => {
  const V11 = `pactoVersion: "1.1"
service:
  name: svc
  version: 1.0.0
  owner: payments
  image: {ref: r.io/a/svc:1.0.0}
interfaces:
  - {name: api, type: http, port: 8080, contract: api.yaml, visibility: internal}
configurations:
  - {name: app, schema: c.json}
dependencies:
  - {name: db, ref: "oci://r.io/a/db", required: true, compatibility: "^1.0.0"}
runtime:
  workload: service
  state: {type: stateless, persistence: {scope: local, durability: ephemeral}, dataCriticality: low}
  health: {interface: api, path: /health}
scaling: {min: 1, max: 3}
metadata: {tier: standard}
`;

  it('compares through the migration: only what the migration changes for consumers shows', () => {
    const result = diffContracts(bundle(V11, FILES), bundle(V20, FILES));
    expect(result.migrated).toEqual({ old: '1.1' });
    expect(lines(result.changes)).toEqual([
      'pactoVersion modified NON_BREAKING',
      'capabilities[extension:example.com/tracing] added NON_BREAKING',
      'configurations.required modified POTENTIAL_BREAKING',
      'readiness added NON_BREAKING',
    ]);
    expect(result.changes[0]).toMatchObject({ oldValue: '1.1', newValue: '2.0' });
  });

  it('works the other way round, without YAML locations in the migrated new side', () => {
    const result = diffContracts(bundle(V20, FILES), bundle(V11, FILES));
    expect(result.migrated).toEqual({ new: '1.1' });
    expect(result.changes.every((c) => c.location === undefined)).toBe(true);
    expect(result.changes[0]).toMatchObject({ path: 'pactoVersion', oldValue: '2.0', newValue: '1.1' });
  });

  it('compares two 1.x formats with the 1.x rules, 1.2 readiness included', () => {
    const v12 = (status: string) =>
      `pactoVersion: "1.2"\nservice: {name: svc, version: 1.0.0}\nreadiness:\n  expires: "2099-01-01"\n  checks: [{id: a, type: url, status: ${status}, evidence: x, weight: 5}]\n`;
    expect(lines(diffContracts(bundle(v12('done')), bundle(v12('partial'))).changes)).toEqual(['readiness.checks[a] modified NON_BREAKING']);
    const v10 = 'pactoVersion: "1.0"\nservice: {name: svc, version: 1.0.0}\n';
    const result = diffContracts(bundle(v10), bundle(v12('done')));
    expect(result.migrated).toBeUndefined();
    expect(lines(result.changes)).toEqual(['pactoVersion modified NON_BREAKING', 'readiness added NON_BREAKING']);
  });
});
