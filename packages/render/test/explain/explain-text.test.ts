import type { Contract } from '@pacto/schema';
import { describe, expect, it } from 'vitest';
import { renderExplainText } from '../../src/index.js';
import type { ReadinessSummary } from '../../src/index.js';

// The scaffold of contract.md §12 after editing owner and version: cli.md §4.7's sample.
const edited: Contract = {
  pactoVersion: '1.0',
  service: { name: 'my-service', version: '1.0.0', owner: 'team/backend', image: { ref: 'ghcr.io/my-org/my-service:0.1.0', private: false } },
  interfaces: [{ name: 'api', type: 'http', port: 8080, visibility: 'internal', contract: 'interfaces/openapi.yaml' }],
  configurations: [{ name: 'default', schema: 'configuration/schema.json' }],
  runtime: {
    workload: 'service',
    state: { type: 'stateless', persistence: { scope: 'local', durability: 'ephemeral' }, dataCriticality: 'low' },
    lifecycle: { upgradeStrategy: 'rolling', gracefulShutdownSeconds: 30 },
    health: { interface: 'api', path: '/health', initialDelaySeconds: 5 },
    metrics: { interface: 'api', path: '/metrics' },
  },
  scaling: { min: 1, max: 3 },
  metadata: { team: 'my-team', tier: 'standard' },
};

describe('renderExplainText', () => {
  it('prints the sample of cli.md §4.7 byte for byte', () => {
    expect(renderExplainText(edited)).toBe(
      [
        'Service: my-service@1.0.0',
        'Owner: team/backend',
        'Pacto Version: 1.0',
        '',
        'Runtime:',
        '  Workload: service',
        '  State: stateless',
        '  Persistence: local/ephemeral',
        '  Data Criticality: low',
        '',
        'Interfaces (1):',
        '  - api (http, port 8080, internal)',
        '',
        'Scaling: 1-3',
        '',
      ].join('\n'),
    );
  });

  it('leaves out empty sections and prints replicas and dependencies', () => {
    const minimal: Contract = {
      pactoVersion: '1.1',
      service: { name: 'svc', version: '2.0.0', owner: { dri: 'alice@example.com' } },
      interfaces: [{ name: 'events', type: 'event', contract: 'e.json' }],
      dependencies: [
        { name: 'db', ref: 'oci://ghcr.io/acme/db-pacto:1.0.0', compatibility: '^1.0.0', required: true },
        { name: 'cache', ref: '../cache', compatibility: '~2' },
      ],
      scaling: { replicas: 2, min: 2, max: 2 },
    };
    expect(renderExplainText(minimal)).toBe(
      [
        'Service: svc@2.0.0',
        'Owner: alice@example.com',
        'Pacto Version: 1.1',
        '',
        'Interfaces (1):',
        '  - events (event)',
        '',
        'Dependencies (2):',
        '  - db: oci://ghcr.io/acme/db-pacto:1.0.0 (^1.0.0, required)',
        '  - cache: ../cache (~2, optional)',
        '',
        'Scaling: 2 replicas',
        '',
      ].join('\n'),
    );
  });

  it('appends the readiness block with shares, state and invalid count', () => {
    const contract: Contract = {
      pactoVersion: '1.1',
      service: { name: 'svc', version: '1.0.0', owner: {} as never },
      readiness: {
        checks: [
          { id: 'dashboard', type: 'url', evidence: 'https://x', weight: 29, expires: '2099-12-31' },
          { id: 'runbook', type: 'document', evidence: 'docs/runbook.md', weight: 171, expires: '2000-01-01' },
          { id: 'pentest', type: 'report', evidence: 'R-1', weight: 0, expires: 'soon' },
        ],
      },
    };
    const summary: ReadinessSummary = {
      score: 14,
      minScore: 100,
      passing: false,
      totalWeight: 200,
      currentWeight: 29,
      currentCount: 1,
      expiredCount: 1,
      invalidCount: 1,
      checks: [
        { id: 'dashboard', type: 'url', status: 'Current', weight: 29, expires: '2099-12-31', evidence: 'https://x' },
        { id: 'runbook', type: 'document', status: 'Expired', weight: 171, expires: '2000-01-01' },
        { id: 'pentest', type: 'report', status: 'Invalid', weight: 0, expires: 'soon' },
      ],
    };
    expect(renderExplainText(contract, summary)).toBe(
      [
        'Service: svc@1.0.0',
        'Owner: (structured owner)',
        'Pacto Version: 1.1',
        '',
        'Readiness:',
        '  Score: 14',
        '  Gate: FAIL (score 14 / minScore 100)',
        '  Current Weight: 29',
        '  Total Weight: 200',
        '  Counts: 1 current, 1 expired, 1 invalid',
        '  Checks:',
        '    - dashboard url current weight=29 (14%) expires=2099-12-31',
        '    - runbook document expired weight=171 (86%) expires=2000-01-01',
        '    - pentest report invalid weight=0 (0%) expires=soon',
        '',
      ].join('\n'),
    );
  });
});
