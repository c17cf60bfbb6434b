import { describe, expect, it } from 'vitest';
import { isContract1x, parseContract } from '@pacto/schema';

const HEAD = 'pactoVersion: "1.0"\nservice:\n  name: svc\n  version: 1.0.0\n';

function parsed(text: string) {
  const result = parseContract(text, 'pacto.yaml');
  if (!result.ok) throw new Error(result.error.message);
  const { contract } = result;
  if (!isContract1x(contract)) throw new Error('expected the 1.0/1.1 model');
  return { ...result, contract };
}

/** Each decoding problem as `line:column message[ | hint]`. */
function decodeErrors(text: string): string[] {
  const result = parseContract(text, 'pacto.yaml');
  if (result.ok) throw new Error('expected a parse failure');
  return result.error.problems.map((p) => `${p.line}:${p.column} ${p.message}${p.hint ? ` | ${p.hint}` : ''}`);
}

describe('typed decoding kind rules (contract.md §2.2)', () => {
  it('string fields take any scalar as written; null is empty', () => {
    const result = parsed('pactoVersion: 1.0\nservice:\n  name: svc\n  version: 1.10\n  owner: 42\n');
    expect(result.contract.pactoVersion).toBe('1.0');
    expect(result.contract.service.version).toBe('1.10');
    expect(result.contract.service.owner).toBe('42');
    expect(result.document).toMatchObject({ pactoVersion: 1, service: { version: 1.1, owner: 42 } });
  });

  it('integer fields: integers in any base, floats truncated, null unset', () => {
    const result = parsed(
      `${HEAD}interfaces:\n  - {name: a, type: http, port: 8080.9}\n  - {name: b, type: http, port: 0x1F90}\n  - {name: c, type: http, port: 017}\n  - {name: d, type: http, port: ~}\n  - {name: e, type: http, port: 1_000}\n`,
    );
    expect(result.contract.interfaces?.map((i) => i.port)).toEqual([8080, 8080, 15, undefined, 1000]);
    expect((result.document as { interfaces: { port: unknown }[] }).interfaces.map((i) => i.port)).toEqual([8080.9, 8080, 15, null, 1000]);
  });

  it('integer fields refuse strings, booleans, collections and non-finite floats', () => {
    expect(
      decodeErrors(
        `${HEAD}interfaces:\n  - {name: a, type: http, port: "8080"}\n  - {name: b, type: http, port: true}\n  - {name: c, type: http, port: [1]}\n  - {name: d, type: http, port: .inf}\n  - {name: e, type: http, port: "a long string value"}\n`,
      ),
    ).toEqual([
      '6:33 expected an integer port (1–65535) in interfaces[0], got the string "8080" | write 8080 without quotes',
      '7:33 expected an integer port (1–65535) in interfaces[1], got true',
      '8:33 expected an integer port (1–65535) in interfaces[2], got a list',
      '9:33 expected an integer port (1–65535) in interfaces[3], got the number .inf',
      '10:33 expected an integer port (1–65535) in interfaces[4], got the string "a long string value"',
    ]);
  });

  it('boolean fields accept YAML 1.1 words only when typed', () => {
    const result = parsed(
      `${HEAD}  image: {ref: ghcr.io/a/b, private: yes}\ndependencies:\n  - {name: a, ref: x, compatibility: "1", required: "off"}\n  - {name: b, ref: x, compatibility: "1", required: ~}\nmetadata: {flag: yes, when: 2026-12-31, n: no}\n`,
    );
    expect(result.contract.service.image?.private).toBe(true);
    expect(result.contract.dependencies?.map((d) => d.required)).toEqual([false, undefined]);
    expect(result.document).toMatchObject({ metadata: { flag: 'yes', when: '2026-12-31', n: 'no' } });
    expect(decodeErrors(`${HEAD}dependencies: [{name: a, ref: x, compatibility: "1", required: maybe}, {name: b, ref: x, compatibility: "1", required: 1}]\n`)).toEqual([
      '5:64 expected required to be true or false in dependencies[0], got the string "maybe"',
      '5:120 expected required to be true or false in dependencies[1], got the number 1',
    ]);
  });

  it('objects, lists and free-form maps refuse the wrong kind, in words', () => {
    expect(decodeErrors(`${HEAD}runtime: abc\ninterfaces: {a: 1}\nmetadata: [1]\nscaling: [1]\nconfigurations: [{name: a, schema: s.json, values: x}]\n`)).toEqual([
      '5:10 expected runtime to be a mapping, got the string "abc"',
      '6:13 expected interfaces to be a list, got a mapping | start each entry of a list with "- "',
      '7:11 expected metadata to be a mapping, got a list',
      '8:10 expected scaling to be a mapping, got a list',
      '9:52 expected values to be a mapping in configurations[0], got the string "x"',
    ]);
  });

  it('no message names a Go type or uses YAML library jargon', () => {
    const all = decodeErrors(
      `${HEAD}  owner: [a]\n  image: {ref: x, private: maybe}\nruntime: {workload: service, state: 1, lifecycle: {gracefulShutdownSeconds: soon}}\nscaling: {min: x}\nreadiness: {minScore: "90", checks: 1}\nmetadata: {[a]: 1}\n`,
    ).join('\n');
    expect(all).not.toMatch(/contract\.|!!|unmarshal|interface \{\}|\[\]/);
    expect(all).toContain('expected an integer gracefulShutdownSeconds (0 or more) in runtime.lifecycle, got the string "soon"');
    expect(all).toContain('expected an integer minScore (0–100) in readiness, got the string "90" | write 90 without quotes');
  });

  it('owner: string, structured (strict keys), or refused as a list', () => {
    expect(parsed(`${HEAD}  owner: team/payments\n`).contract.service.owner).toBe('team/payments');
    expect(parsed(`${HEAD}  owner: {team: pay, dri: ann}\n`).contract.service.owner).toEqual({ team: 'pay', dri: 'ann' });
    expect(decodeErrors(`${HEAD}  owner: {team: pay, slack: x}\n`)).toEqual([
      '5:22 unknown field "slack" in service.owner | the fields in service.owner are team, dri, contacts',
    ]);
    expect(decodeErrors(`${HEAD}  owner: [a]\n`)).toEqual(['5:10 expected owner to be a string or a mapping in service, got a list']);
  });

  it('collects every error in document order, and each duplicate pair', () => {
    expect(decodeErrors('pactoVersion: "1.0"\nservice:\n  name: a\n  name: b\n  name: c\n  version: 1\nfoo: 1\nruntime: {workload: service, extra: 1}\n')).toEqual([
      '4:3 duplicate key "name" in service: already defined at line 3 | keep one of them',
      '5:3 duplicate key "name" in service: already defined at line 3 | keep one of them',
      '5:3 duplicate key "name" in service: already defined at line 4 | keep one of them',
      '7:1 unknown field "foo" at the top level | the fields at the top level are pactoVersion, service, interfaces, configurations, policies, dependencies, runtime, scaling, metadata, readiness',
      '8:30 unknown field "extra" in runtime | the fields in runtime are workload, state, lifecycle, health, metrics',
    ]);
  });

  it('a typo is answered with the closest field of the model, at the key', () => {
    expect(decodeErrors(`${HEAD}interfaces:\n  - name: api\n    type: http\n    port: 8080\n    visiblity: public\nRuntime: {}\nservice2: {}\n`)).toEqual([
      '9:5 unknown field "visiblity" in interfaces[0] | did you mean "visibility"?',
      '10:1 unknown field "Runtime" at the top level | did you mean "runtime"?',
      '11:1 unknown field "service2" at the top level | did you mean "service"?',
    ]);
  });

  it('a plain date is named a date in messages, but stays text in values', () => {
    expect(decodeErrors(`${HEAD}interfaces: [{name: a, type: http, port: 2026-01-01}]\nscaling: 2026-12-31 10:00:00\n`)).toEqual([
      '5:42 expected an integer port (1–65535) in interfaces[0], got the date 2026-01-01',
      '6:10 expected scaling to be a mapping, got the date 2026-12-31 10:00:00',
    ]);
    expect(decodeErrors(`${HEAD}runtime: 2026-02-30\n`)).toEqual(['5:10 expected runtime to be a mapping, got the string "2026-02-30"']);
  });

  it('a null key is skipped without a word, as yaml.v3 does', () => {
    const result = parsed(`${HEAD}~: ignored\nmetadata: {~: gone, kept: 1}\n`);
    expect(result.contract.metadata).toEqual({ kept: 1 });
    expect(result.document).toEqual({ pactoVersion: '1.0', service: { name: 'svc', version: '1.0.0' }, metadata: { kept: 1 } });
  });

  it('list items that are null are left out, as yaml.v3 does', () => {
    const result = parsed(`${HEAD}interfaces: [~, {name: a, type: http, port: 1}]\n`);
    expect(result.contract.interfaces).toEqual([{ name: 'a', type: 'http', port: 1 }]);
    expect((result.document as { interfaces: unknown[] }).interfaces).toEqual([null, { name: 'a', type: 'http', port: 1 }]);
  });

  it('a quoted and a plain key with the same text are duplicates', () => {
    expect(decodeErrors(`${HEAD}metadata: {a: 1, "a": 2}\n`)).toEqual(['5:18 duplicate key "a" in metadata: already defined at line 5 | keep one of them']);
  });

  it('fills Go zero values for required fields so the contract matches its type', () => {
    const result = parsed(`${HEAD}interfaces: [{type: http}]\nruntime: {workload: job}\n`);
    expect(result.contract.interfaces).toEqual([{ name: '', type: 'http' }]);
    expect(result.contract.runtime?.state).toEqual({ type: '', dataCriticality: '', persistence: { scope: '', durability: '' } });
    expect(result.document).toMatchObject({ interfaces: [{ type: 'http' }], runtime: { workload: 'job' } });
  });
});

describe('YAML features', () => {
  it('anchors, aliases and merge keys (explicit keys win)', () => {
    const result = parsed(
      'pactoVersion: "1.0"\nmetadata:\n  base: &base {name: svc, version: 0.1.0}\nservice:\n  <<: *base\n  version: 1.0.0\ninterfaces:\n  - &api {name: api, type: http, port: 8080}\n  - {<<: *api, name: api2}\n',
    );
    expect(result.contract.service).toEqual({ name: 'svc', version: '1.0.0' });
    expect(result.contract.interfaces?.[1]).toEqual({ name: 'api2', type: 'http', port: 8080 });
    expect(result.document).toMatchObject({ service: { name: 'svc', version: '1.0.0' }, interfaces: [{}, { name: 'api2', port: 8080 }] });
  });

  it('only the first document is read', () => {
    expect(parsed(`${HEAD}---\nthis: [is, ignored\n`).contract.service.name).toBe('svc');
  });

  it('replicas normalises min and max in the typed contract only', () => {
    const result = parsed(`${HEAD}scaling: {replicas: 3}\n`);
    expect(result.contract.scaling).toEqual({ replicas: 3, min: 3, max: 3 });
    expect(result.document).toMatchObject({ scaling: { replicas: 3 } });
    expect((result.document as { scaling: object }).scaling).not.toHaveProperty('min');
  });

  it('records non-finite numbers for L1', () => {
    expect(parsed(`${HEAD}metadata: {x: .inf}\n`).hasNonFinite).toBe(true);
    expect(parsed(`${HEAD}metadata: {x: -.Inf, y: .NaN}\n`).hasNonFinite).toBe(true);
    expect(parsed(`${HEAD}metadata: {x: 1.5}\n`).hasNonFinite).toBe(false);
  });

  it('the fast and complete readers give the same result', () => {
    const text = `${HEAD}interfaces:\n  - name: api\n    type: http\n    port: 8080\nmetadata: {a: [1, "b", yes, ~]}\n`;
    const fast = parseContract(text, 'pacto.yaml');
    const full = parseContract(text, 'pacto.yaml', { fast: false });
    expect(fast).toEqual(full);
  });
});

describe('source positions', () => {
  const text = `${HEAD}interfaces:\n  - name: api\n    type: http\n    port: 8080\nruntime:\n  state:\n    type: stateless\n`;
  const { positions } = parsed(text);

  it('locates values by L1 and L2 paths', () => {
    expect(positions.locate('service.name')).toEqual({ line: 3, column: 9 });
    expect(positions.locate('interfaces.0.port')).toEqual({ line: 8, column: 11 });
    expect(positions.locate('interfaces[0].port')).toEqual({ line: 8, column: 11 });
    expect(positions.locate('interfaces.0')).toEqual({ line: 6, column: 5 });
    expect(positions.locate('')).toEqual({ line: 1, column: 1 });
  });

  it('falls back to the nearest existing ancestor', () => {
    expect(positions.locate('runtime.state.persistence.durability')).toEqual({ line: 11, column: 5 });
    expect(positions.locate('interfaces[3].name')).toEqual({ line: 6, column: 3 });
  });
});
