import { describe, expect, it } from 'vitest';
import { memoryBundleFS } from '@pacto/bundle';
import { ServiceDetailsSchema, ServiceSummarySchema } from '../src/api/model.js';
import { details, readinessOf, summarize, type ViewContext } from '../src/api/service-view.js';
import { createEntry } from '../src/fleet/contract-entry.js';
import { buildFleetIndex } from '../src/fleet/fleet-index.js';

// The dashboard's view of pactoVersion 2.0 and 1.2 services (issue 13): workload and state at the top level,
// interface specs by `ref`, claims readiness in the API's check shape with each claim's own status.

const V20 = `pactoVersion: "2.0"
service: {name: payments, version: 2.1.0, owner: {team: payments-team}}
interfaces:
  - {name: http, type: openapi, ref: openapi.yaml, visibility: public}
workload: service
state: {type: stateful, persistence: {scope: shared, durability: persistent}, dataCriticality: high}
capabilities:
  - {type: health, binding: {type: http, interface: http, path: /health}}
readiness:
  minScore: 50
  expires: "2099-12-31"
  claims:
    - {id: dashboard, type: url, status: done, evidence: https://x, weight: 30}
    - {id: runbook, type: document, status: not-done, evidence: docs/r.md, weight: 30}
    - {id: later, type: ticket, status: deferred, evidence: T-1, weight: 10}
`;
const OPENAPI = 'openapi: "3.0.0"\ninfo: {title: p, version: 1.0.0}\npaths:\n  /pay:\n    post:\n      summary: Pay\n      responses: {"200": {description: OK}}\n';

async function entryOf(text: string, files: Record<string, string> = {}) {
  const encoder = new TextEncoder();
  const all = new Map(Object.entries({ 'pacto.yaml': text, ...files }).map(([path, content]) => [path, encoder.encode(content)]));
  return createEntry(
    {
      source: 'local',
      ref: 'svc',
      bundle: { fileName: 'svc/pacto.yaml', text, files: memoryBundleFS(all) },
      listing: [...all.keys()],
      hash: null,
      fallbackName: 'svc',
      fallbackVersion: '0.0.0',
    },
    undefined,
  );
}

const NOW = new Date('2026-06-01T12:00:00Z');

describe('dashboard view of a 2.0 service', () => {
  it('summarises, details and scores it like any other', async () => {
    const entry = await entryOf(V20, { 'openapi.yaml': OPENAPI });
    expect(entry.validation.valid).toBe(true);
    const index = buildFleetIndex([entry]);
    const context: ViewContext = { index, now: NOW, latestStep: () => null };
    const service = index.services.get('payments')!;

    const summary = ServiceSummarySchema.parse(summarize(service, context));
    expect(summary).toMatchObject({
      workload: 'service',
      stateType: 'stateful',
      phase: 'Compliant',
      checks: { total: 3, passed: 1, failed: 2 },
      readiness: { score: 50, minScore: 50, passing: true, expired: 0, invalid: 0, expiringSoon: 0 },
    });

    const view = ServiceDetailsSchema.parse(details(service, context));
    expect(view.pactoVersion).toBe('2.0');
    expect(view.interfaces[0]).toMatchObject({ name: 'http', type: 'openapi', contractFile: 'openapi.yaml', operations: [{ method: 'post', path: '/pay' }] });
    expect(view.runtime).toMatchObject({ workload: 'service', state: { type: 'stateful' } });
    expect(view.readinessChecks.map((c) => [c.id, c.status, c.progress, c.expires])).toEqual([
      ['dashboard', 'Current', 'done', '2099-12-31'],
      ['runbook', 'Current', 'not-done', '2099-12-31'],
      ['later', 'Current', 'deferred', '2099-12-31'],
    ]);
    expect(Object.keys(view.provenance)).toEqual(['service', 'interfaces', 'workload', 'state', 'capabilities', 'readiness']);
  });

  it('shows an expired assessment as expired checks that fail the gate', async () => {
    const entry = await entryOf(V20.replace('"2099-12-31"', '"2000-01-01"'), { 'openapi.yaml': OPENAPI });
    expect(readinessOf(entry, NOW)).toMatchObject({ score: 0, passing: false, expiredCount: 2, currentCount: 0, passed: 0 });
  });

  it('scores 1.2 checks by their status, not as 1.1 dates', async () => {
    const text = `pactoVersion: "1.2"\nservice: {name: a, version: 1.0.0}\nreadiness:\n  expires: "2099-01-01"\n  checks:\n    - {id: a, type: url, status: partial, evidence: x, weight: 10}\n`;
    expect(readinessOf(await entryOf(text), NOW)).toMatchObject({ score: 50, invalidCount: 0, checks: [{ id: 'a', progress: 'partial', status: 'Current' }] });
  });
});
