import { describe, expect, it } from 'vitest';
import { baseBundle, BASE_OPENAPI, BASE_SCHEMA } from './support/fixtures.js';
import { diffText, lines } from './support/run-diff.js';

// diff.md §11: every case compares `old/` with `new/` built from the base bundle.
describe('diff.md §11 contract cases', () => {
  it('T01 port change', () => {
    expect(diffText(baseBundle(), baseBundle((c) => (c.interfaces[0].port = 9090)))).toBe(
      lines('Classification: BREAKING', 'Changes (1):', '  [BREAKING] interfaces.port (modified): interfaces.port modified [8080 -> 9090]'),
    );
  });

  it('T02 identical, also when only info.version, metadata or docs/ differ', () => {
    const none = lines('Classification: NON_BREAKING', 'No changes detected.');
    expect(diffText(baseBundle(), baseBundle())).toBe(none);
    expect(diffText(baseBundle(), baseBundle(() => {}, { 'interfaces/openapi.yaml': BASE_OPENAPI.replace('version: 1.0.0', 'version: 2.0.0') }))).toBe(none);
    expect(diffText(baseBundle(), baseBundle((c) => (c.metadata = { tier: 'gold' })))).toBe(none);
    expect(diffText(baseBundle(() => {}, { 'docs/a.md': 'a' }), baseBundle(() => {}, { 'docs/a.md': 'b' }))).toBe(none);
  });

  it('T03 version bump, visibility, max replicas', () => {
    const next = baseBundle((c) => {
      c.service.version = '1.1.0';
      c.interfaces[0].visibility = 'internal';
      c.scaling.max = 10;
    });
    expect(diffText(baseBundle(), next)).toBe(
      lines(
        'Classification: POTENTIAL_BREAKING',
        'Changes (3):',
        '  [NON_BREAKING] service.version (modified): service.version modified [1.0.0 -> 1.1.0]',
        '  [NON_BREAKING] scaling.max (modified): scaling.max modified [5 -> 10]',
        '  [POTENTIAL_BREAKING] interfaces.visibility (modified): interfaces.visibility modified [api: public -> api: internal]',
      ),
    );
  });

  it('T04 rename', () => {
    expect(diffText(baseBundle(), baseBundle((c) => (c.service.name = 'billing')))).toBe(
      lines('Classification: BREAKING', 'Changes (1):', '  [BREAKING] service.name (modified): service.name modified [my-service -> billing]'),
    );
  });

  it('T05 interface added / removed', () => {
    const old = baseBundle((c) => c.interfaces.push({ name: 'admin', type: 'http', port: 9000 }));
    const next = baseBundle((c) => c.interfaces.push({ name: 'grpc-api', type: 'grpc', port: 9090, contract: 'interfaces/svc.proto' }));
    expect(diffText(old, next)).toBe(
      lines(
        'Classification: BREAKING',
        'Changes (2):',
        '  [BREAKING] interfaces (removed): interfaces removed [- admin]',
        '  [NON_BREAKING] interfaces (added): interfaces added [+ grpc-api]',
      ),
    );
  });

  it('T06 interface type', () => {
    expect(diffText(baseBundle(), baseBundle((c) => (c.interfaces[0].type = 'grpc')))).toBe(
      lines('Classification: BREAKING', 'Changes (1):', '  [BREAKING] interfaces.type (modified): interfaces.type modified [api: http -> api: grpc]'),
    );
  });

  it('T07 port appears / disappears', () => {
    const without = baseBundle((c) => c.interfaces.push({ name: 'events', type: 'event', contract: 'interfaces/events.yaml' }));
    const withPort = baseBundle((c) => c.interfaces.push({ name: 'events', type: 'event', contract: 'interfaces/events.yaml', port: 9092 }));
    expect(diffText(without, withPort)).toBe(
      lines('Classification: POTENTIAL_BREAKING', 'Changes (1):', '  [POTENTIAL_BREAKING] interfaces.port (added): interfaces.port added [+ 9092]'),
    );
    expect(diffText(withPort, without)).toBe(
      lines('Classification: BREAKING', 'Changes (1):', '  [BREAKING] interfaces.port (removed): interfaces.port removed [- 9092]'),
    );
  });

  it('T08 contract file set where there was none', () => {
    const old = baseBundle((c) => c.interfaces.push({ name: 'admin', type: 'http', port: 9000 }));
    const next = baseBundle((c) => c.interfaces.push({ name: 'admin', type: 'http', port: 9000, contract: 'interfaces/admin.yaml' }));
    expect(diffText(old, next)).toBe(
      lines(
        'Classification: POTENTIAL_BREAKING',
        'Changes (1):',
        '  [POTENTIAL_BREAKING] interfaces.contract (modified): interfaces.contract modified [ -> interfaces/admin.yaml]',
      ),
    );
  });

  it('T09 OpenAPI path removed, method added', () => {
    const spec = `openapi: 3.0.3
info: { title: my-service, version: 1.0.0 }
paths:
  /users:
    get:
      parameters:
        - { name: limit, in: query, required: false, schema: { type: integer } }
      responses:
        "200": { description: OK }
        "404": { description: Not found }
    post:
      responses:
        "201": { description: Created }
`;
    expect(diffText(baseBundle(), baseBundle(() => {}, { 'interfaces/openapi.yaml': spec }))).toBe(
      lines(
        'Classification: BREAKING',
        'Changes (2):',
        '  [BREAKING] openapi.paths[/orders] (removed): API path /orders removed [- /orders]',
        '  [NON_BREAKING] openapi.paths[/users].methods[POST] (added): POST /users method added [+ POST /users]',
      ),
    );
  });

  it('T10 parameters', () => {
    const spec = BASE_OPENAPI.replace(
      '        - { name: limit, in: query, required: false, schema: { type: integer } }',
      '        - { name: limit, in: query, required: true, schema: { type: integer } }\n        - { name: filter, in: query }',
    );
    expect(diffText(baseBundle(), baseBundle(() => {}, { 'interfaces/openapi.yaml': spec }))).toBe(
      lines(
        'Classification: POTENTIAL_BREAKING',
        'Changes (2):',
        "  [POTENTIAL_BREAKING] openapi.paths[/users].methods[GET].parameters[limit:query] (modified): GET /users query param 'limit' modified [GET /users query param 'limit' -> GET /users query param 'limit']",
        "  [POTENTIAL_BREAKING] openapi.paths[/users].methods[GET].parameters[filter:query] (added): GET /users query param 'filter' added [+ GET /users query param 'filter']",
      ),
    );
  });

  const t11 = lines(
    'Classification: BREAKING',
    'Changes (3):',
    '  [POTENTIAL_BREAKING] openapi.paths[/users].methods[GET].responses[200] (modified): GET /users response 200 modified [GET /users 200 -> GET /users 200]',
    '  [BREAKING] openapi.paths[/users].methods[GET].responses[404] (removed): GET /users response 404 removed [- GET /users 404]',
    '  [NON_BREAKING] openapi.paths[/users].methods[GET].responses[201] (added): GET /users response 201 added [+ GET /users 201]',
  );

  it('T11 responses', () => {
    const spec = BASE_OPENAPI.replace(
      '        "200": { description: OK }\n        "404": { description: Not found }',
      '        "200": { description: Success }\n        "201": { description: Created }',
    );
    expect(diffText(baseBundle(), baseBundle(() => {}, { 'interfaces/openapi.yaml': spec }))).toBe(t11);
  });

  it('T11a unquoted response codes give the same lines', () => {
    const unquote = (text: string) => text.replace(/"(\d{3})":/g, '$1:');
    const spec = unquote(
      BASE_OPENAPI.replace(
        '        "200": { description: OK }\n        "404": { description: Not found }',
        '        "200": { description: Success }\n        "201": { description: Created }',
      ),
    );
    expect(diffText(baseBundle(() => {}, { 'interfaces/openapi.yaml': unquote(BASE_OPENAPI) }), baseBundle(() => {}, { 'interfaces/openapi.yaml': spec }))).toBe(t11);
  });

  it('T12 request body', () => {
    const post = `  /users:
    post:
      responses:
        "201": { description: Created }
`;
    const withBody = `  /users:
    post:
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses:
        "201": { description: Created }
`;
    const head = 'openapi: 3.0.3\ninfo: { title: s, version: 1.0.0 }\npaths:\n';
    expect(diffText(baseBundle(() => {}, { 'interfaces/openapi.yaml': head + post }), baseBundle(() => {}, { 'interfaces/openapi.yaml': head + withBody }))).toBe(
      lines(
        'Classification: POTENTIAL_BREAKING',
        'Changes (1):',
        '  [POTENTIAL_BREAKING] openapi.paths[/users].methods[POST].request-body (added): POST /users request body added [+ POST /users]',
      ),
    );
  });

  const schemaWith = (edit: (s: any) => void) => {
    const schema = JSON.parse(BASE_SCHEMA);
    edit(schema);
    return { 'configuration/schema.json': JSON.stringify(schema, null, 2) };
  };

  it('T13 schema: property added, default changed', () => {
    const files = schemaWith((s) => {
      s.properties.region = { type: 'string' };
      s.properties.timeout.default = 60;
    });
    expect(diffText(baseBundle(), baseBundle(() => {}, files))).toBe(
      lines(
        'Classification: POTENTIAL_BREAKING',
        'Changes (2):',
        '  [POTENTIAL_BREAKING] schema.properties.region (added): schema.properties.region added [+ map[type:string]]',
        '  [POTENTIAL_BREAKING] schema.properties.timeout.default (modified): schema.properties.timeout.default changed [30 -> 60]',
      ),
    );
  });

  it('T14 schema: required and enum', () => {
    const files = schemaWith((s) => {
      s.required = ['port', 'timeout'];
      s.properties.level.enum = ['info', 'warn'];
    });
    expect(diffText(baseBundle(), baseBundle(() => {}, files))).toBe(
      lines(
        'Classification: BREAKING',
        'Changes (2):',
        '  [POTENTIAL_BREAKING] schema.properties.level.enum[debug] (removed): schema.properties.level.enum debug removed [- debug]',
        '  [BREAKING] schema.required[timeout] (added): schema.required timeout added [+ timeout]',
      ),
    );
  });

  it('T15 schema: type change and large number', () => {
    const files = schemaWith((s) => {
      s.properties.port.type = 'string';
      s.properties.timeout.maximum = 1000000;
    });
    expect(diffText(baseBundle(), baseBundle(() => {}, files))).toBe(
      lines(
        'Classification: POTENTIAL_BREAKING',
        'Changes (2):',
        '  [POTENTIAL_BREAKING] schema.properties.port.type (modified): schema.properties.port.type changed [integer -> string]',
        '  [POTENTIAL_BREAKING] schema.properties.timeout.maximum (added): schema.properties.timeout.maximum added [+ 1e+06]',
      ),
    );
  });

  it('T16 configuration schema -> ref', () => {
    const next = baseBundle((c) => (c.configurations = [{ name: 'app', ref: 'oci://ghcr.io/acme/platform-config-pacto:1.0.0' }]));
    expect(diffText(baseBundle(), next)).toBe(
      lines(
        'Classification: POTENTIAL_BREAKING',
        'Changes (2):',
        '  [POTENTIAL_BREAKING] configurations.schema (modified): configurations.schema modified [app: configuration/schema.json -> app: ]',
        '  [NON_BREAKING] configurations.ref (added): configurations.ref added [+ app: oci://ghcr.io/acme/platform-config-pacto:1.0.0]',
      ),
    );
  });

  it('T17 configuration replaced', () => {
    const next = baseBundle((c) => (c.configurations = [{ name: 'db', schema: 'configuration/db.json' }]));
    expect(diffText(baseBundle(), next)).toBe(
      lines(
        'Classification: BREAKING',
        'Changes (2):',
        '  [BREAKING] configurations (removed): configurations removed [- app: configuration/schema.json]',
        '  [NON_BREAKING] configurations (added): configurations added [+ db: configuration/db.json]',
      ),
    );
  });

  it('T18 inline values', () => {
    const old = baseBundle((c) => (c.configurations[0].values = { replicas: 2, logLevel: 'info' }));
    const next = baseBundle((c) => (c.configurations[0].values = { replicas: 3, logLevel: 'info', region: 'eu' }));
    expect(diffText(old, next)).toBe(
      lines(
        'Classification: NON_BREAKING',
        'Changes (2):',
        '  [NON_BREAKING] configurations[app].values.region (added): configurations[app].values.region added [+ eu]',
        '  [NON_BREAKING] configurations[app].values.replicas (modified): configurations[app].values.replicas changed [2 -> 3]',
      ),
    );
  });

  it('T19 dependencies', () => {
    const old = baseBundle(
      (c) =>
        (c.dependencies = [
          { name: 'auth', ref: '../auth', compatibility: '^1.0.0', required: true },
          { name: 'cache', ref: '../cache', compatibility: '^7.0.0' },
        ]),
    );
    const next = baseBundle(
      (c) =>
        (c.dependencies = [
          { name: 'auth', ref: '../auth-v2', compatibility: '^2.0.0', required: false },
          { name: 'queue', ref: '../queue', compatibility: '^3.0.0' },
        ]),
    );
    expect(diffText(old, next)).toBe(
      lines(
        'Classification: BREAKING',
        'Changes (5):',
        '  [POTENTIAL_BREAKING] dependencies.ref (modified): dependencies.ref modified [auth: ../auth -> auth: ../auth-v2]',
        '  [POTENTIAL_BREAKING] dependencies.compatibility (modified): dependencies.compatibility modified [auth: ^1.0.0 -> auth: ^2.0.0]',
        '  [POTENTIAL_BREAKING] dependencies.required (modified): dependencies.required modified [auth: required=true -> auth: required=false]',
        '  [BREAKING] dependencies (removed): dependencies removed [- cache]',
        '  [NON_BREAKING] dependencies (added): dependencies added [+ queue]',
      ),
    );
  });

  it('T20 state model', () => {
    const next = baseBundle((c) => {
      c.runtime.state = { type: 'stateful', persistence: { scope: 'local', durability: 'persistent' }, dataCriticality: 'high' };
    });
    expect(diffText(baseBundle(), next)).toBe(
      lines(
        'Classification: BREAKING',
        'Changes (3):',
        '  [BREAKING] runtime.state.type (modified): runtime.state.type modified [stateless -> stateful]',
        '  [BREAKING] runtime.state.persistence.durability (modified): runtime.state.persistence.durability modified [ephemeral -> persistent]',
        '  [POTENTIAL_BREAKING] runtime.state.dataCriticality (modified): runtime.state.dataCriticality modified [low -> high]',
      ),
    );
  });

  it('T21 lifecycle, health, metrics', () => {
    const next = baseBundle((c) => {
      c.runtime.lifecycle = { upgradeStrategy: 'rolling', gracefulShutdownSeconds: 30 };
      delete c.runtime.health.path;
      c.runtime.metrics = { interface: 'api', path: '/metrics' };
    });
    expect(diffText(baseBundle(), next)).toBe(
      lines(
        'Classification: POTENTIAL_BREAKING',
        'Changes (5):',
        '  [NON_BREAKING] runtime.lifecycle.upgradeStrategy (added): runtime.lifecycle.upgradeStrategy added [+ rolling]',
        '  [NON_BREAKING] runtime.lifecycle.gracefulShutdownSeconds (added): runtime.lifecycle.gracefulShutdownSeconds added [+ 30]',
        '  [POTENTIAL_BREAKING] runtime.health.path (removed): runtime.health.path removed [- /health]',
        '  [NON_BREAKING] runtime.metrics.interface (added): runtime.metrics.interface added [+ api]',
        '  [NON_BREAKING] runtime.metrics.path (added): runtime.metrics.path added [+ /metrics]',
      ),
    );
  });

  it('T22 scaling mode / removal', () => {
    expect(diffText(baseBundle(), baseBundle((c) => (c.scaling = { replicas: 3 })))).toContain(
      '  [POTENTIAL_BREAKING] scaling (modified): scaling modified [min=2 max=5 -> replicas=3]\n',
    );
    expect(diffText(baseBundle(), baseBundle((c) => delete c.scaling))).toBe(
      lines('Classification: POTENTIAL_BREAKING', 'Changes (1):', '  [POTENTIAL_BREAKING] scaling (removed): scaling removed [- min=2 max=5]'),
    );
    expect(diffText(baseBundle((c) => delete c.scaling), baseBundle())).toBe(
      lines('Classification: NON_BREAKING', 'Changes (1):', '  [NON_BREAKING] scaling (added): scaling added [+ min=2 max=5]'),
    );
  });

  it('T23 owner: legacy string to structured', () => {
    const old = baseBundle((c) => (c.service.owner = 'payments'));
    const next = baseBundle(
      (c) => (c.service.owner = { team: 'payments', dri: 'alice', contacts: [{ type: 'chat', value: '#payments', purpose: 'support' }] }),
    );
    expect(diffText(old, next)).toBe(
      lines(
        'Classification: NON_BREAKING',
        'Changes (2):',
        '  [NON_BREAKING] service.owner.dri (added): service.owner.dri added [+ alice]',
        '  [NON_BREAKING] service.owner.contacts[chat:#payments] (added): service.owner.contacts[chat:#payments] added [+ chat:#payments (support)]',
      ),
    );
  });

  it('T24 image and chart', () => {
    const old = baseBundle((c) => (c.service.image = { ref: 'ghcr.io/acme/my-service:1.0.0' }));
    const next = baseBundle((c) => {
      c.service.image = { ref: 'ghcr.io/acme/my-service:1.1.0', private: true };
      c.service.chart = { ref: './charts/my-service', version: '0.2.0' };
    });
    expect(diffText(old, next)).toBe(
      lines(
        'Classification: NON_BREAKING',
        'Changes (2):',
        '  [NON_BREAKING] service.image (modified): service.image modified [ghcr.io/acme/my-service:1.0.0 -> ghcr.io/acme/my-service:1.1.0 (private)]',
        '  [NON_BREAKING] service.chart (added): service.chart added [+ ./charts/my-service:0.2.0]',
      ),
    );
  });

  const readiness = {
    minScore: 80,
    checks: [{ id: 'dashboard', type: 'url', evidence: 'https://grafana.example.com/d/my-service', weight: 20, expires: '2026-12-31' }],
  };

  it('T25 1.0 -> 1.1 upgrade', () => {
    const old = baseBundle((c) => {
      c.pactoVersion = '1.0';
      c.service.owner = 'payments';
      c.configurations = [{ name: 'default', schema: 'configuration/schema.json' }];
    });
    const next = baseBundle((c) => {
      c.configurations = [{ name: 'default', schema: 'configuration/schema.json' }];
      c.readiness = readiness;
    });
    expect(diffText(old, next)).toBe(
      lines(
        'Classification: NON_BREAKING',
        'Changes (2):',
        '  [NON_BREAKING] pactoVersion (modified): pactoVersion modified [1.0 -> 1.1]',
        '  [NON_BREAKING] readiness (added): readiness added [+ readiness]',
      ),
    );
    const renamed = baseBundle((c) => {
      c.configurations = [{ name: 'app', schema: 'configuration/schema.json' }];
      c.readiness = readiness;
    });
    expect(diffText(old, renamed)).toBe(
      lines(
        'Classification: BREAKING',
        'Changes (4):',
        '  [NON_BREAKING] pactoVersion (modified): pactoVersion modified [1.0 -> 1.1]',
        '  [BREAKING] configurations (removed): configurations removed [- default: configuration/schema.json]',
        '  [NON_BREAKING] configurations (added): configurations added [+ app: configuration/schema.json]',
        '  [NON_BREAKING] readiness (added): readiness added [+ readiness]',
      ),
    );
  });

  it('T26 readiness edits', () => {
    const old = baseBundle(
      (c) =>
        (c.readiness = {
          minScore: 80,
          checks: [
            { id: 'dashboard', type: 'url', evidence: 'https://grafana.example.com/d/my-service', weight: 20, expires: '2026-12-31' },
            { id: 'runbook', type: 'document', evidence: 'docs/runbook.md', weight: 15, expires: '2026-09-30' },
            { id: 'security-review', type: 'ticket', evidence: 'SEC-1842', weight: 25, expires: '2026-11-15' },
          ],
        }),
    );
    const next = baseBundle(
      (c) =>
        (c.readiness = {
          minScore: 90,
          checks: [
            { id: 'dashboard', type: 'url', evidence: 'https://grafana.example.com/d/my-service', weight: 20, expires: '2026-12-31' },
            { id: 'runbook', type: 'document', evidence: 'docs/runbook.md', weight: 15, expires: '2027-03-31' },
            { id: 'slo', type: 'url', evidence: 'https://slo.example.com/my-service', weight: 10, expires: '2026-12-31' },
          ],
        }),
    );
    expect(diffText(old, next)).toBe(
      lines(
        'Classification: NON_BREAKING',
        'Changes (4):',
        '  [NON_BREAKING] readiness.minScore (modified): readiness.minScore modified [80 -> 90]',
        '  [NON_BREAKING] readiness.checks[runbook] (modified): readiness.checks[runbook] modified [type=document weight=15 evidence=docs/runbook.md expires=2026-09-30 -> type=document weight=15 evidence=docs/runbook.md expires=2027-03-31]',
        '  [NON_BREAKING] readiness.checks[security-review] (removed): readiness.checks[security-review] removed [- type=ticket weight=25 evidence=SEC-1842 expires=2026-11-15]',
        '  [NON_BREAKING] readiness.checks[slo] (added): readiness.checks[slo] added [+ type=url weight=10 evidence=https://slo.example.com/my-service expires=2026-12-31]',
      ),
    );
  });

  it('T27 policies added and removed, and the policy/schema.json auto-detect', () => {
    const withPolicy = baseBundle((c) => (c.policies = [{ name: 'platform', ref: 'oci://ghcr.io/acme/platform-policy-pacto:1.0.0' }]));
    expect(diffText(baseBundle(), withPolicy)).toBe(
      lines(
        'Classification: NON_BREAKING',
        'Changes (1):',
        '  [NON_BREAKING] policies (added): policies added [+ platform: oci://ghcr.io/acme/platform-policy-pacto:1.0.0]',
      ),
    );
    expect(diffText(withPolicy, baseBundle())).toBe(
      lines(
        'Classification: POTENTIAL_BREAKING',
        'Changes (1):',
        '  [POTENTIAL_BREAKING] policies (removed): policies removed [- platform: oci://ghcr.io/acme/platform-policy-pacto:1.0.0]',
      ),
    );
    expect(diffText(baseBundle(), baseBundle(() => {}, { 'policy/schema.json': '{"type":"object"}' }))).toBe(
      lines(
        'Classification: POTENTIAL_BREAKING',
        'Changes (1):',
        '  [POTENTIAL_BREAKING] policy/schema.json (added): policy/schema.json added [+ policy/schema.json]',
      ),
    );
  });
});
