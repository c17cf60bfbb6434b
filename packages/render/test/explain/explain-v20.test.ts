import { describe, expect, it } from 'vitest';
import { parseContract, type Contract } from '@pacto/schema';
import { evaluateContractReadiness } from '@pacto/validate';
import { buildExplainJson, renderDoc, renderExplainText } from '../../src/index.js';

// explain and doc for 2.0 contracts (docs/decisions.md, "Contract formats"): the 3.x layout, claims readiness.

const TEXT = `pactoVersion: "2.0"
service:
  name: payments
  version: 2.1.0
  owner: {team: payments-team, dri: ann}
interfaces:
  - {name: http, type: openapi, ref: interfaces/openapi.json, visibility: internal}
  - {name: events, type: asyncapi, ref: interfaces/events.json}
dependencies:
  - {name: db, ref: "oci://r.io/a/db", required: true, compatibility: "^16.0.0"}
workload: service
state: {type: stateful, persistence: {scope: shared, durability: persistent}, dataCriticality: high}
capabilities:
  - {type: health, binding: {type: http, interface: http, path: /healthz}}
  - {type: extension, ref: payments.example.com/dispute}
readiness:
  minScore: 80
  expires: "2026-12-31"
  history:
    - {date: "2026-02-15", version: 2.1.0, author: ann, description: First assessment}
  claims:
    - {id: dashboard, type: url, category: observability, status: done, evidence: https://x, weight: 20}
    - {id: runbook, type: document, status: partial, evidence: docs/r.md, weight: 15}
    - {id: review, type: ticket, status: not-done, evidence: SEC-1, weight: 25}
    - {id: cleanup, type: ticket, status: deferred, evidence: T-1, weight: 10}
metadata: {tier: domain}
`;

function contract(): Contract {
  const parsed = parseContract(TEXT, 'pacto.yaml');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.contract;
}

const NOW = new Date('2026-06-01T12:00:00Z');

describe('explain of a 2.0 contract', () => {
  const c = contract();
  const readiness = evaluateContractReadiness(c, NOW);

  it('prints the 3.x layout', () => {
    expect(renderExplainText(c, readiness)).toBe(`Service: payments@2.1.0
Owner: payments-team
Pacto Version: 2.0

Workload: service

State:
  Type: stateful
  Persistence: shared/persistent
  Data Criticality: high

Capabilities (2):
  - health (http http /healthz)
  - extension payments.example.com/dispute

Interfaces (2):
  - http (openapi: interfaces/openapi.json, internal)
  - events (asyncapi: interfaces/events.json)

Dependencies (1):
  - db: oci://r.io/a/db (^16.0.0, required)

Readiness:
  Score: 47
  Gate: FAIL (score 47 / minScore 80)
  Expires: 2026-12-31 (213 days left)
  Earned Weight: 28 of 60 (partial credit 0.5)
  Counts: 1 done, 1 partial, 1 not-done, 1 deferred
  Claims:
    - dashboard url done weight=20 (33%, earned 20)
    - runbook document partial weight=15 (25%, earned 8)
    - review ticket not-done weight=25 (42%, earned 0)
    - cleanup ticket deferred weight=10 (excluded)
  History:
    - 2026-02-15 2.1.0 ann: First assessment
`);
  });

  it('keeps the 1.x JSON keys and adds refs, capabilities and the claims readiness', () => {
    const json = buildExplainJson(c, readiness);
    expect(Object.keys(json)).toEqual(['name', 'version', 'owner', 'pactoVersion', 'runtime', 'interfaces', 'capabilities', 'dependencies', 'metadata', 'readiness']);
    expect(json['runtime']).toEqual({ workloadType: 'service', stateType: 'stateful', scope: 'shared', durability: 'persistent', dataCriticality: 'high' });
    expect(json['interfaces']).toEqual([
      { name: 'http', type: 'openapi', ref: 'interfaces/openapi.json', visibility: 'internal' },
      { name: 'events', type: 'asyncapi', ref: 'interfaces/events.json' },
    ]);
    expect(json['capabilities']).toEqual([
      { type: 'health', binding: { type: 'http', interface: 'http', path: '/healthz' } },
      { type: 'extension', ref: 'payments.example.com/dispute' },
    ]);
    const r = json['readiness'] as Record<string, unknown>;
    expect(Object.keys(r)).toEqual([
      'score',
      'minScore',
      'passing',
      'totalWeight',
      'earnedWeight',
      'partialCredit',
      'expires',
      'expired',
      'daysRemaining',
      'doneCount',
      'partialCount',
      'notDoneCount',
      'deferredCount',
      'revisions',
      'checks',
    ]);
    expect((r['checks'] as unknown[])[0]).toEqual({
      id: 'dashboard',
      type: 'url',
      category: 'observability',
      status: 'done',
      weight: 20,
      earnedWeight: 20,
      excluded: false,
      evidence: 'https://x',
    });
  });
});

describe('doc of a 2.0 contract', () => {
  const markdown = renderDoc({ contract: contract() }, { now: () => NOW });

  it('shows the spec file instead of a port, the probe where it is bound, and the claims', () => {
    expect(markdown).toContain('| Name | Type | Spec | Visibility |');
    expect(markdown).toContain('| `http` | `openapi` | `interfaces/openapi.json` | `internal` |');
    expect(markdown).toContain('It owns the health path under `/healthz`.');
    expect(markdown).toContain('**payments** `v2.1.0` is a `stateful` `service` workload');
    expect(markdown).toContain('Score `47` of minimum `80`: **FAIL** (1 done, 1 partial, 1 not done, 1 deferred; the assessment expires on `2026-12-31`; evaluated on 2026-06-01).');
    expect(markdown).toContain('| `cleanup` | `ticket` | — | `deferred` | `T-1` | `10` | excluded | — |');
    expect(markdown).toContain('| `2026-02-15` | `2.1.0` | ann | First assessment |');
    expect(markdown).not.toContain('Port');
  });
});
