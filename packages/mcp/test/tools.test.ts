import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scaffoldContract } from '@pacto/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CheckContractResult, CreateContractResult, EditContractResult } from '../src/index.js';
import { connect, useTempDirs, type Session } from './support.js';

const tempDir = useTempDirs();
let cwd: string;
let mcp: Session;

beforeEach(async () => {
  cwd = tempDir();
  mcp = await connect({ cwd, version: '9.9.9' });
});
afterEach(async () => mcp.close());

/** Writes the `pacto init` scaffold (with its comments) into cwd/<name>. */
function scaffold(name: string): string {
  const files = scaffoldContract(name);
  for (const dir of files.directories) mkdirSync(join(cwd, dir), { recursive: true });
  for (const file of files.files) writeFileSync(join(cwd, file.path), file.content);
  return join(cwd, name);
}

const contractOf = (dir: string) => parse(readFileSync(join(dir, 'pacto.yaml'), 'utf8')) as Record<string, any>;

describe('tools/list', () => {
  it('lists the four tools of the spec and the three read-only ones, with JSON Schema inputs', async () => {
    const { tools } = await mcp.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['pacto_create', 'pacto_edit', 'pacto_check', 'pacto_schema', 'pacto_explain', 'pacto_diff', 'pacto_graph']);
    const create = tools.find((tool) => tool.name === 'pacto_create')!;
    expect(create.inputSchema.required).toEqual(['name']);
    const properties = create.inputSchema.properties as Record<string, { type: string }>;
    // Lists and objects travel as JSON strings (cli.md §4.15).
    expect(properties.interfaces!.type).toBe('string');
    expect(properties.metadata!.type).toBe('string');
    expect(properties.stores_data!.type).toBe('boolean');
    expect(properties.replicas!.type).toBe('integer');
    expect(Object.keys(properties)).toEqual([
      'name', 'description', 'path', 'version', 'owner', 'interfaces', 'dependencies', 'workload', 'stores_data',
      'data_survives_restart', 'data_shared_across_instances', 'data_loss_impact', 'config_properties', 'replicas',
      'min_replicas', 'max_replicas', 'metadata', 'dry_run',
    ]);
    expect(tools.find((tool) => tool.name === 'pacto_explain')!.annotations?.readOnlyHint).toBe(true);
    expect(tools.find((tool) => tool.name === 'pacto_edit')!.annotations?.readOnlyHint).toBe(false);
    expect(mcp.client.getServerVersion()).toMatchObject({ name: 'pacto', version: '9.9.9' });
  });
});

describe('pacto_create', () => {
  it('turns a description and data answers into a valid contract directory', async () => {
    const result = await mcp.ok<CreateContractResult>('pacto_create', {
      name: 'payments',
      description: 'REST API for payments backed by PostgreSQL',
      owner: 'team/payments',
      data_loss_impact: 'high',
      config_properties: JSON.stringify([{ name: 'database_url', required: true }, { name: 'pool_size', type: 'integer' }]),
      dependencies: JSON.stringify([{ ref: 'oci://ghcr.io/acme/ledger-pacto:2.1.0', required: true }]),
      min_replicas: 2,
      metadata: JSON.stringify({ tier: 'critical' }),
    });
    expect(result.path).toBe('payments/pacto.yaml');
    expect(result.files).toEqual([
      'payments/configuration/schema.json',
      'payments/interfaces/api.openapi.yaml',
      'payments/pacto.yaml',
    ]);
    expect(result.fileCount).toBe(3);
    const contract = contractOf(join(cwd, 'payments'));
    expect(contract.pactoVersion).toBe('1.0');
    expect(contract.service).toEqual({ name: 'payments', version: '0.1.0', owner: { team: 'team/payments' } });
    expect(contract.interfaces).toEqual([{ name: 'api', type: 'http', port: 8080, contract: 'interfaces/api.openapi.yaml' }]);
    // PostgreSQL: stores data that survives restarts and is shared; the explicit impact wins over "medium".
    expect(contract.runtime).toEqual({
      workload: 'service',
      state: { type: 'stateful', persistence: { scope: 'shared', durability: 'persistent' }, dataCriticality: 'high' },
      health: { interface: 'api', path: '/health' },
    });
    expect(contract.dependencies).toEqual([{ name: 'ledger', ref: 'oci://ghcr.io/acme/ledger-pacto:2.1.0', required: true, compatibility: '^2.1.0' }]);
    expect(contract.scaling).toEqual({ min: 2, max: 2 });
    expect(contract.metadata).toEqual({ tier: 'critical' });
    const schema = JSON.parse(readFileSync(join(cwd, 'payments/configuration/schema.json'), 'utf8'));
    expect(schema.properties).toEqual({ database_url: { type: 'string' }, pool_size: { type: 'integer' } });
    expect(schema.required).toEqual(['database_url']);
    expect(result.derived).toContain('dependency name "ledger" from oci://ghcr.io/acme/ledger-pacto:2.1.0');
    expect(result.summary).toMatchObject({ name: 'payments', owner: 'team/payments', workload: 'service', interfaces: ['api (http, port 8080)'] });

    const check = await mcp.ok<CheckContractResult>('pacto_check', { path: 'payments' });
    expect(check.valid).toBe(true);
    expect(check.errors).toEqual([]);
    // The only warning: a dependency pinned by tag rather than digest.
    expect(check.warnings.map((warning) => warning.code)).toEqual(['TAG_NOT_DIGEST']);
  });

  it('maps the intent flags: stores_data alone is stateful, local, ephemeral, medium', async () => {
    await mcp.ok('pacto_create', { name: 'cache', stores_data: true, interfaces: JSON.stringify([{ name: 'grpc', type: 'grpc' }]) });
    const contract = contractOf(join(cwd, 'cache'));
    expect(contract.runtime.state).toEqual({ type: 'stateful', persistence: { scope: 'local', durability: 'ephemeral' }, dataCriticality: 'medium' });
    expect(contract.interfaces).toEqual([{ name: 'grpc', type: 'grpc', port: 9090, contract: 'interfaces/grpc.proto' }]);
    expect(readFileSync(join(cwd, 'cache/interfaces/grpc.proto'), 'utf8')).toContain('service CacheService {');
    expect((await mcp.ok<CheckContractResult>('pacto_check', { path: 'cache' })).valid).toBe(true);
  });

  it('infers a scheduled job from the description and writes a replicas-only scaling', async () => {
    const result = await mcp.ok<CreateContractResult>('pacto_create', {
      name: 'nightly-report',
      path: 'jobs/report',
      description: 'nightly batch that reads events from Kafka',
      replicas: 1,
      min_replicas: 3,
    });
    expect(result.path).toBe('jobs/report/pacto.yaml');
    const contract = contractOf(join(cwd, 'jobs/report'));
    expect(contract.runtime.workload).toBe('scheduled');
    expect(contract.interfaces).toEqual([{ name: 'events', type: 'event', contract: 'interfaces/events.schema.json' }]);
    expect(contract.scaling).toEqual({ replicas: 1 });
  });

  it('dry_run validates and returns the contract without writing anything', async () => {
    const result = await mcp.ok<CreateContractResult>('pacto_create', { name: 'draft', dry_run: true });
    expect(result).toMatchObject({ dryRun: true, fileCount: 0, files: [] });
    expect(result.contract).toContain('pactoVersion: "1.0"');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('refuses an existing contract and an invalid result, writing nothing', async () => {
    scaffold('taken');
    const before = readFileSync(join(cwd, 'taken/pacto.yaml'), 'utf8');
    expect(await mcp.error('pacto_create', { name: 'taken' })).toBe('taken/pacto.yaml already exists\nhint: use pacto_edit to change an existing contract');
    expect(readFileSync(join(cwd, 'taken/pacto.yaml'), 'utf8')).toBe(before);

    const invalid = await mcp.error('pacto_create', { name: 'Not_A_Name' });
    expect(invalid).toMatch(/^the generated contract fails validation with 1 error\(s\): \[SCHEMA_VIOLATION\] service\.name: /);
    expect(existsSync(join(cwd, 'Not_A_Name'))).toBe(false);
    expect(readdirSync(cwd)).toEqual(['taken']);
  });

  it('returns bad inputs as tool errors with the spec texts', async () => {
    expect(await mcp.error('pacto_create', {})).toBe('name is required');
    expect(await mcp.error('pacto_create', { name: '' })).toBe('name is required');
    const json = await mcp.error('pacto_create', { name: 'x', interfaces: 'not json' });
    expect(json).toMatch(/^invalid interfaces JSON: /);
    expect(await mcp.error('pacto_create', { name: 'x', metadata: '[1]' })).toBe('invalid metadata JSON: expected an object, got an array');
    expect(await mcp.error('pacto_create', { name: 'x', replicas: 'three' })).toBe('replicas must be an integer, got the string "three"');
    expect(await mcp.error('pacto_create', { name: 'x', data_loss_impact: 'severe' })).toBe('data_loss_impact must be one of low, medium, high, got "severe"');
    expect(await mcp.error('pacto_create', { name: 'x', interfaces: '[{"type":"http"}]' })).toBe('invalid interfaces: item 1: name is required');
    expect(await mcp.error('pacto_nothing', {})).toMatch(/^unknown tool "pacto_nothing"/);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('pacto_edit', () => {
  it('changes a port in place, keeps comments, and re-checks clean', async () => {
    const dir = scaffold('svc');
    const result = await mcp.ok<EditContractResult>('pacto_edit', {
      path: 'svc',
      add_interfaces: JSON.stringify([{ name: 'api', port: 9090 }]),
      version: '0.2.0',
    });
    expect(result.changes).toEqual(['service.version: "0.1.0" -> "0.2.0"', 'interfaces: "api" port 8080 -> 9090']);
    expect(result.files).toEqual(['svc/pacto.yaml']);
    const text = readFileSync(join(dir, 'pacto.yaml'), 'utf8');
    expect(text).toContain('    port: 9090\n');
    expect(text).toContain('# dependencies:\n#   - name: other-service\n');
    expect(text).toContain('  version: 0.2.0\n');
    expect((await mcp.ok<CheckContractResult>('pacto_check', { path: 'svc' })).valid).toBe(true);
  });

  it('re-validates before writing: an edit that breaks the contract writes nothing', async () => {
    const dir = scaffold('svc');
    const before = readFileSync(join(dir, 'pacto.yaml'), 'utf8');
    const error = await mcp.error('pacto_edit', { path: 'svc', remove_interfaces: '["api"]' });
    expect(error).toMatch(/^the edited contract fails validation with 2 error\(s\): \[HEALTH_INTERFACE_NOT_FOUND\] runtime\.health\.interface: .*; \[METRICS_INTERFACE_NOT_FOUND\]/);
    expect(error).toMatch(/\nhint: nothing was written/);
    expect(readFileSync(join(dir, 'pacto.yaml'), 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['configuration', 'interfaces', 'pacto.yaml']);
    expect(await mcp.error('pacto_edit', { path: 'svc', remove_interfaces: '["nope"]' })).toBe('no interface "nope" in the contract\nhint: the contract has: api');
  });

  it('refuses a contract whose YAML does not parse with the place and words of pacto validate', async () => {
    const dir = scaffold('svc');
    writeFileSync(join(dir, 'pacto.yaml'), 'pactoVersion: "1.0"\nservice:\n  name: "svc\n  version: 0.1.0\n');
    const error = await mcp.error('pacto_edit', { path: 'svc', workload: 'job' });
    expect(error).toMatch(/^svc\/pacto\.yaml:3:9: failed to parse YAML: .*never closed\nhint: /);
    expect(error).not.toMatch(/at line \d+, column/);
  });

  it('adds interfaces with stubs, dependencies, state, configuration, scaling and metadata', async () => {
    const dir = scaffold('svc');
    const result = await mcp.ok<EditContractResult>('pacto_edit', {
      path: 'svc',
      add_interfaces: JSON.stringify([{ name: 'events', type: 'event' }]),
      add_dependencies: JSON.stringify([{ ref: 'oci://ghcr.io/acme/db-pacto@sha256:' + 'a'.repeat(64), compatibility: '^1.0.0', required: true }]),
      stores_data: true,
      data_survives_restart: true,
      add_config_properties: JSON.stringify([{ name: 'log_level' }]),
      replicas: 2,
      set_metadata: JSON.stringify({ domain: 'billing' }),
      remove_metadata: '["tier"]',
    });
    expect(result.files).toEqual(['svc/configuration/schema.json', 'svc/interfaces/events.schema.json', 'svc/pacto.yaml']);
    const contract = contractOf(dir);
    expect(contract.interfaces[1]).toEqual({ name: 'events', type: 'event', contract: 'interfaces/events.schema.json' });
    expect(contract.dependencies).toEqual([{ name: 'db', ref: `oci://ghcr.io/acme/db-pacto@sha256:${'a'.repeat(64)}`, required: true, compatibility: '^1.0.0' }]);
    expect(contract.runtime.state).toEqual({ type: 'stateful', persistence: { scope: 'local', durability: 'persistent' }, dataCriticality: 'medium' });
    expect(contract.scaling).toEqual({ replicas: 2 });
    expect(contract.metadata).toEqual({ team: 'my-team', domain: 'billing' });
    // A new section lands at its place in the format's order, before runtime.
    const keys = Object.keys(contract);
    expect(keys.indexOf('dependencies')).toBe(keys.indexOf('runtime') - 1);
    expect(JSON.parse(readFileSync(join(dir, 'configuration/schema.json'), 'utf8')).properties).toEqual({ log_level: { type: 'string' } });
    const check = await mcp.ok<CheckContractResult>('pacto_check', { path: 'svc' });
    expect(check).toMatchObject({ valid: true, errors: [] });
  });

  it('dry_run returns the edited text and leaves the file alone', async () => {
    const dir = scaffold('svc');
    const before = readFileSync(join(dir, 'pacto.yaml'), 'utf8');
    const result = await mcp.ok<EditContractResult>('pacto_edit', { path: 'svc', workload: 'job', dry_run: true });
    expect(result.dryRun).toBe(true);
    expect(result.files).toEqual([]);
    expect(result.changes).toEqual(['runtime.workload: "service" -> "job"', 'scaling: removed (a job does not scale)']);
    expect(result.contract).toContain('  workload: job\n');
    expect(result.contract).not.toContain('scaling:');
    expect(readFileSync(join(dir, 'pacto.yaml'), 'utf8')).toBe(before);
    // A job with scaling is invalid, so the dry run reports the failure the real edit would hit.
    expect(await mcp.error('pacto_edit', { path: 'svc', workload: 'job', replicas: 1, dry_run: true })).toMatch(/JOB_SCALING_NOT_ALLOWED/);
  });

  it('says what is missing when the directory has no contract', async () => {
    expect(await mcp.error('pacto_edit', { path: 'nowhere' })).toMatch(/nowhere/);
  });
});

describe('pacto_check', () => {
  it('reports findings with positions, and suggestions whose pacto_edit calls apply', async () => {
    mkdirSync(join(cwd, 'bare'));
    writeFileSync(join(cwd, 'bare/pacto.yaml'), 'pactoVersion: "1.0"\nservice:\n  name: bare\n  version: 1.0\n');
    const invalid = await mcp.ok<CheckContractResult>('pacto_check', { path: 'bare' });
    expect(invalid.valid).toBe(false);
    expect(invalid.errors[0]).toMatchObject({ path: 'service.version', line: 4, column: 12 });

    writeFileSync(join(cwd, 'bare/pacto.yaml'), 'pactoVersion: "1.0"\nservice:\n  name: bare\n  version: 1.0.0\n');
    const check = await mcp.ok<CheckContractResult>('pacto_check', { path: 'bare' });
    expect(check.valid).toBe(true);
    const calls = check.suggestions.filter((suggestion) => suggestion.toolCall).map((suggestion) => suggestion.toolCall!);
    expect(calls.map((call) => Object.keys(call.params).filter((key) => key !== 'path')[0])).toEqual(['owner', 'add_interfaces', 'workload', 'set_metadata']);
    for (const call of calls) await mcp.ok(call.tool, call.params);
    const after = await mcp.ok<CheckContractResult>('pacto_check', { path: 'bare' });
    expect(after.valid).toBe(true);
    expect(after.summary).toMatchObject({ owner: 'team/your-team', workload: 'service', interfaces: ['api (http, port 8080, internal)'] });
  });

  it('returns a contract that does not parse as a result, and a missing one as a tool error', async () => {
    mkdirSync(join(cwd, 'broken'));
    writeFileSync(join(cwd, 'broken/pacto.yaml'), 'service: [\n');
    const check = await mcp.ok<CheckContractResult>('pacto_check', { path: 'broken' });
    expect(check.valid).toBe(false);
    expect(check.summary).toBeUndefined();
    expect(check.errors[0]!.message).toMatch(/failed to parse/);
    expect(await mcp.error('pacto_check', { path: 'missing' })).toMatch(/missing/);
  });
});

describe('pacto_schema and the read-only tools', () => {
  it('pacto_schema returns the description, the docs link and the JSON Schema text', async () => {
    const result = await mcp.ok<{ description: string; docs: string; jsonSchema: string }>('pacto_schema');
    expect(result.docs).toBe('https://trianalab.github.io/pacto');
    expect(JSON.parse(result.jsonSchema).$id).toBe('https://pacto.trianalab.com/schema/v1.1');
    expect(result.description).toMatch(/pacto_create/);
    const v20 = await mcp.ok<{ jsonSchema: string }>('pacto_schema', { version: '2.0' });
    expect(JSON.parse(v20.jsonSchema).properties.pactoVersion).toMatchObject({ const: '2.0' });
    expect(await mcp.error('pacto_schema', { version: '3.0' })).toBe('invalid version: "3.0"; use 1.0, 1.1, 1.2 or 2.0');
  });

  it('pacto_explain, pacto_diff and pacto_graph return the JSON of the commands', async () => {
    scaffold('old');
    scaffold('new');
    await mcp.ok('pacto_edit', { path: 'new', add_interfaces: '[{"name":"api","port":9090}]' });
    const explain = await mcp.ok('pacto_explain', { path: 'new' });
    expect(explain).toMatchObject({ name: 'new', version: '0.1.0', interfaces: [{ name: 'api', type: 'http', port: 9090, visibility: 'internal' }] });

    const diff = await mcp.ok<{ classification: string; changes: { path: string; classification: string }[] }>('pacto_diff', { old: 'old', new: 'new' });
    expect(diff.classification).toBe('BREAKING');
    expect(diff.changes).toContainEqual(expect.objectContaining({ path: 'interfaces.port', classification: 'BREAKING' }));
    expect(await mcp.error('pacto_diff', { new: 'new' })).toBe('old is required');
    expect(await mcp.error('pacto_diff', { old: 'gone', new: 'new' })).toMatch(/^old contract: /);

    await mcp.ok('pacto_edit', { path: 'new', add_dependencies: JSON.stringify([{ ref: '../old', compatibility: '^0.1.0', name: 'old' }]) });
    const graph = await mcp.ok<{ root: { name: string; dependencies: { ref: string; node?: { name: string } }[] } }>('pacto_graph', { path: 'new' });
    expect(graph.root.name).toBe('new');
    expect(graph.root.dependencies[0]).toMatchObject({ ref: '../old', node: { name: 'old' } });
    expect(await mcp.error('pacto_explain', { path: 'oci://example.com/a/b:1.0.0' })).toMatch(/local contracts only/);
  });
});
