import { describe, expect, it } from 'vitest';
import { isContractV20, migrateContract, parseContract, scaffoldContract, type BundleFS, type ContractV20 } from '@pacto/schema';

// pacto migrate (contract-2.0.md §11): the mapping, what survives as written, and the notes with their positions.

function migrated(text: string, options: Parameters<typeof migrateContract>[1] = {}) {
  const result = migrateContract(text, { now: new Date('2026-06-01T12:00:00Z'), ...options });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

function contractOf(text: string): ContractV20 {
  const parsed = parseContract(text, 'pacto.yaml');
  if (!parsed.ok) throw new Error(parsed.error.message);
  if (!isContractV20(parsed.contract)) throw new Error(`not 2.0: ${parsed.contract.pactoVersion}`);
  return parsed.contract;
}

const notes = (result: ReturnType<typeof migrated>) => result.notes.map((n) => `${n.line}:${n.column} ${n.code} ${n.path}`);

function files(entries: Record<string, string>): BundleFS {
  const encoder = new TextEncoder();
  return {
    stat: (path) => (path in entries ? 'file' : undefined),
    readFile: (path) => (path in entries ? encoder.encode(entries[path]) : undefined),
  };
}

const V10 = `# yaml-language-server: $schema=https://example.com/pacto.schema.json
pactoVersion: "1.0"

# Identity of the service.
service:
  name: orders # the DNS name
  version: 1.2.0
  owner: team/commerce
  image:
    ref: ghcr.io/acme/orders:1.2.0

interfaces:
  - name: api
    type: http
    port: 8080 # public port
    contract: interfaces/openapi.yaml
  - name: health
    type: http
    port: 8081
  - name: events
    type: event
    contract: interfaces/events.json

configurations:
  - name: default
    schema: configuration/schema.json

dependencies:
  - name: db
    ref: oci://ghcr.io/acme/db-pacto@sha256:abc
    compatibility: "^16.0.0"

# How it runs.
runtime:
  workload: service
  state:
    type: stateless
    persistence:
      scope: local
      durability: ephemeral
    dataCriticality: low
  lifecycle:
    upgradeStrategy: rolling
  health:
    interface: api
    path: /health
    initialDelaySeconds: 5
  metrics:
    interface: health
    path: /metrics

# Two to five instances.
scaling:
  min: 2
  max: 5

metadata:
  tier: standard
`;

const BUNDLE = files({ 'interfaces/openapi.yaml': 'openapi: "3.0.0"\n', 'interfaces/events.json': '{}', 'configuration/schema.json': '{}' });

describe('migrateContract: 1.0 to 2.0', () => {
  const result = migrated(V10, { files: BUNDLE });
  const contract = contractOf(result.text);

  it('maps every field 2.0 has', () => {
    expect(result).toMatchObject({ ok: true, from: '1.0', to: '2.0', unchanged: false });
    expect(contract.pactoVersion).toBe('2.0');
    expect(contract.service).toEqual({ name: 'orders', version: '1.2.0', owner: { team: 'team/commerce' } });
    expect(contract.interfaces).toEqual([
      { name: 'api', type: 'openapi', ref: 'interfaces/openapi.yaml' },
      { name: 'events', type: 'asyncapi', ref: 'interfaces/events.json' },
    ]);
    expect(contract.configurations).toEqual([{ name: 'default', schema: 'configuration/schema.json', required: true }]);
    expect(contract.dependencies).toEqual([{ name: 'db', ref: 'oci://ghcr.io/acme/db-pacto', required: false, compatibility: '^16.0.0' }]);
    expect(contract.workload).toBe('service');
    expect(contract.state).toEqual({ type: 'stateless', persistence: { scope: 'local', durability: 'ephemeral' }, dataCriticality: 'low' });
    expect(contract.capabilities).toEqual([
      { type: 'health', binding: { type: 'http', interface: 'api', path: '/health' } },
      { type: 'metrics' },
    ]);
    expect(contract.metadata).toEqual({ tier: 'standard' });
  });

  it('keeps key order: workload and state take the place of runtime', () => {
    const keys = [...result.text.matchAll(/^([a-zA-Z]+):/gm)].map((m) => m[1]);
    expect(keys).toEqual(['pactoVersion', 'service', 'interfaces', 'configurations', 'dependencies', 'workload', 'state', 'capabilities', 'metadata']);
  });

  it('keeps every comment that is not about a removed field', () => {
    for (const comment of ['# yaml-language-server: $schema=https://example.com/pacto.schema.json', '# Identity of the service.', '# the DNS name', '# How it runs.', '# Two to five instances.']) {
      expect(result.text).toContain(comment);
    }
    expect(result.text).not.toContain('# public port');
    expect(result.text.split('\n')[0]).toBe('# yaml-language-server: $schema=https://example.com/pacto.schema.json');
  });

  it('notes what 2.0 cannot carry at its line and column in the original file', () => {
    expect(notes(result)).toEqual([
      '9:3 FIELD_NOT_CARRIED service.image',
      '15:5 FIELD_NOT_CARRIED interfaces[0].port',
      '17:5 INTERFACE_NOT_CARRIED interfaces[1]',
      '24:1 VALUE_ASSUMED configurations',
      '30:10 REF_CHANGED dependencies[0].ref',
      '42:3 FIELD_NOT_CARRIED runtime.lifecycle',
      '47:5 FIELD_NOT_CARRIED runtime.health.initialDelaySeconds',
      '48:3 BINDING_NOT_CARRIED runtime.metrics',
      '53:1 FIELD_NOT_CARRIED scaling',
    ]);
    const interfaceNote = result.notes.find((n) => n.code === 'INTERFACE_NOT_CARRIED');
    expect(interfaceNote?.message).toBe('interface "health" is not carried: it has no contract file, and every 2.0 interface refers to its spec file');
    expect(interfaceNote?.hint).toContain('type openapi');
  });

  it('is done once: migrating the result again changes nothing', () => {
    const again = migrated(result.text);
    expect(again).toMatchObject({ unchanged: true, text: result.text, notes: [] });
  });
});

describe('migrateContract: details', () => {
  it('keeps the indentation style of the file: flush sequences (the Go tool writes them so), or four spaces', () => {
    const flush = 'pactoVersion: "1.0"\nservice:\n  name: a\n  version: 1.0.0\ndependencies:\n- name: b\n  ref: ../b\n  compatibility: ^1\n';
    expect(migrated(flush).text).toBe(
      'pactoVersion: "2.0"\nservice:\n  name: a\n  version: 1.0.0\ndependencies:\n- name: b\n  ref: ../b\n  required: false\n  compatibility: ^1\n',
    );
    const wide = 'pactoVersion: "1.0"\nservice:\n    name: a\n    version: 1.0.0\ndependencies:\n    - name: b\n      ref: ../b\n      compatibility: ^1\n';
    expect(migrated(wide).text).toBe(
      'pactoVersion: "2.0"\nservice:\n    name: a\n    version: 1.0.0\ndependencies:\n    - name: b\n      ref: ../b\n      required: false\n      compatibility: ^1\n',
    );
  });

  it('keeps single quotes on pactoVersion and quotes a plain one', () => {
    expect(migrated("pactoVersion: '1.0'\nservice: {name: a, version: 1.0.0}\n").text).toContain("pactoVersion: '2.0'");
    // A plain 1.0 is a number (L1 refuses it); migration still writes the string 2.0.
    expect(migrated('pactoVersion: 1.0\nservice: {name: a, version: 1.0.0}\n').text).toContain('pactoVersion: "2.0"');
  });

  it('turns 1.1 checks into claims: current evidence done, expired not-done, one expiry', () => {
    const text = `pactoVersion: "1.1"
service: {name: a, version: 1.0.0}
readiness:
  minScore: 60
  checks:
    - id: dashboard
      type: url
      evidence: https://x
      weight: 60
      expires: "2026-09-30"
    - id: runbook
      type: document
      evidence: docs/r.md
      weight: 40
      expires: "2026-01-15"
    - id: review
      type: ticket
      evidence: SEC-1
      weight: 10
      expires: "2027-03-01"
`;
    const result = migrated(text);
    const readiness = contractOf(result.text).readiness;
    expect(readiness).toEqual({
      minScore: 60,
      expires: '2026-09-30',
      claims: [
        { id: 'dashboard', type: 'url', status: 'done', evidence: 'https://x', weight: 60 },
        { id: 'runbook', type: 'document', status: 'not-done', evidence: 'docs/r.md', weight: 40 },
        { id: 'review', type: 'ticket', status: 'done', evidence: 'SEC-1', weight: 10 },
      ],
    });
    expect(result.text).toContain('  minScore: 60\n  expires: "2026-09-30"\n  claims:\n');
    expect(result.notes.map((n) => n.code)).toEqual(['VALUE_ASSUMED']);
    expect(result.notes[0]?.message).toContain('"runbook" had expired evidence and is not-done');
  });

  it('renames 1.2 checks to claims and keeps everything else', () => {
    const text = `pactoVersion: "1.2"
service: {name: a, version: 1.0.0, owner: {team: x}}
readiness:
  expires: "2027-01-01"
  partialCredit: 0.25
  checks:
    - {id: a, type: url, status: partial, evidence: x, weight: 10}
`;
    const readiness = contractOf(migrated(text).text).readiness;
    expect(readiness).toEqual({ expires: '2027-01-01', partialCredit: 0.25, claims: [{ id: 'a', type: 'url', status: 'partial', evidence: 'x', weight: 10 }] });
  });

  it('drops a gRPC interface whose .proto file 2.0 cannot read, and keeps its probe unbound', () => {
    const text = `pactoVersion: "1.0"
service: {name: a, version: 1.0.0}
interfaces:
  - {name: rpc, type: grpc, port: 9090, contract: api.proto}
runtime:
  workload: service
  state: {type: stateless, persistence: {scope: local, durability: ephemeral}, dataCriticality: low}
  health: {interface: rpc}
`;
    const result = migrated(text, { files: files({ 'api.proto': 'syntax = "proto3";\n' }) });
    const contract = contractOf(result.text);
    expect(contract.interfaces).toBeUndefined();
    expect(contract.capabilities).toEqual([{ type: 'health' }]);
    expect(notes(result)).toEqual(['4:5 INTERFACE_NOT_CARRIED interfaces[0]', '8:3 BINDING_NOT_CARRIED runtime.health']);
    expect(result.notes[0]?.message).toContain('"api.proto" is not JSON');
  });

  it('makes an owner that fits neither pattern a note', () => {
    const result = migrated('pactoVersion: "1.0"\nservice:\n  name: a\n  version: 1.0.0\n  owner: "Payments Team"\n');
    expect(contractOf(result.text).service.owner).toBeUndefined();
    expect(notes(result)).toEqual(['5:3 FIELD_NOT_CARRIED service.owner']);
  });

  it('carries a person-like owner as the dri', () => {
    expect(contractOf(migrated('pactoVersion: "1.0"\nservice: {name: a, version: 1.0.0, owner: ann@example.com}\n').text).service.owner).toEqual({
      dri: 'ann@example.com',
    });
  });

  it('migrates the 1.0 scaffold with its comment block, modeline and all', () => {
    const scaffold = scaffoldContract('svc');
    const text = scaffold.files[0]!.content;
    const result = migrated(text.replaceAll('svc/', ''));
    expect(result.text).toContain('# dependencies:\n#   - name: other-service');
    expect(result.text.startsWith('# yaml-language-server: $schema=')).toBe(true);
    // The commented dependencies sat above `runtime:`; they now sit above its replacement, `workload:`.
    expect(result.text).toMatch(/#     compatibility: "\^1\.0\.0"\n\nworkload: service\n/);
  });
});

describe('migrateContract: what it refuses', () => {
  it('returns a 2.0 contract unchanged', () => {
    const text = 'pactoVersion: "2.0"\nservice: {name: a, version: 1.0.0}\n';
    expect(migrateContract(text)).toEqual({ ok: true, from: '2.0', to: '2.0', text, notes: [], unchanged: true });
  });

  it('reports a contract that does not parse as its parse error', () => {
    const result = migrateContract('pactoVersion: "1.0"\nservice: {name: a, version: 1.0.0}\nfoo: 1\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('PARSE_ERROR');
  });

  it('refuses an unsupported version the way parsing does', () => {
    const result = migrateContract('pactoVersion: "3.0"\nservice: {name: a, version: 1.0.0}\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('UNSUPPORTED_PACTO_VERSION');
  });

  it('refuses a version that is not written as a string it can read', () => {
    const result = migrateContract('pactoVersion: 1.5\nservice: {name: a, version: 1.0.0}\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'MIGRATE_FAILED', hint: expect.stringContaining('pactoVersion: "1.0"') });
  });
});
