import type { Contract } from '@pacto/schema';

export const ordersContract: Contract = {
  pactoVersion: '1.1',
  service: {
    name: 'orders',
    version: '2.3.0',
    owner: { team: 'commerce/orders' },
    image: { ref: 'ghcr.io/acme/orders:2.3.0', private: true },
  },
  interfaces: [
    { name: 'api', type: 'http', port: 8080, visibility: 'public', contract: 'interfaces/openapi.yaml' },
    { name: 'events', type: 'event', contract: 'interfaces/events.json' },
  ],
  configurations: [{ name: 'default', schema: 'configuration/schema.json' }],
  dependencies: [
    { name: 'postgresql', ref: 'oci://ghcr.io/acme/postgresql-pacto:16.4.0', required: true, compatibility: '^16.0.0' },
    { name: 'cache', ref: 'file://../cache', compatibility: '~1.2' },
  ],
  runtime: {
    workload: 'service',
    state: { type: 'stateless', persistence: { scope: 'local', durability: 'ephemeral' }, dataCriticality: 'medium' },
    lifecycle: { upgradeStrategy: 'rolling', gracefulShutdownSeconds: 20 },
    health: { interface: 'api', path: '/healthz', initialDelaySeconds: 5 },
    metrics: { interface: 'api', path: '/metrics' },
  },
  scaling: { min: 2, max: 6 },
  readiness: {
    minScore: 80,
    checks: [
      { id: 'runbook', type: 'document', evidence: 'https://wiki.example/orders', weight: 60, expires: '2099-12-31' },
      { id: 'load-test', type: 'report', evidence: 'PERF-12', weight: 40, expires: '2020-01-01', description: 'p99 under 200 ms' },
    ],
  },
  metadata: { tier: 'gold', 'cost-center': 42 },
};

export const ordersFiles: Record<string, string> = {
  'interfaces/openapi.yaml': [
    'openapi: 3.0.3',
    'info: { title: Orders, version: 2.3.0 }',
    'paths:',
    '  /orders/{id}:',
    '    delete: { responses: {} }',
    '    get: { summary: Read one order, responses: {} }',
    '  /orders:',
    '    post: { summary: "Create an order | fast", responses: {} }',
    '    get: { summary: List orders, responses: {} }',
  ].join('\n'),
  'interfaces/events.json': '{"type":"object"}',
  'configuration/schema.json': JSON.stringify({
    type: 'object',
    required: ['database'],
    properties: {
      port: { type: 'integer', default: 8080, description: 'HTTP port' },
      database: { $ref: '#/$defs/database' },
      mode: { type: ['string', 'null'], enum: ['fast', 'safe', null] },
    },
    $defs: {
      database: {
        type: 'object',
        description: 'Connection settings',
        required: ['url'],
        properties: { url: { type: 'string', description: 'Postgres `url`' }, pool: { type: 'integer', default: 10 } },
      },
    },
  }),
};
