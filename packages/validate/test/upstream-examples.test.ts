import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { pactoV12JsonSchema, pactoV20JsonSchema, parseContract } from '@pacto/schema';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { validateContractSync } from '../src/index.js';
import { caseBundle } from './support/case-bundle.js';
import { pairs } from './support/contracts.js';

// Every 2.0 and 1.2 example the Go project publishes (fixtures/upstream/README.md names each source) validates,
// and a mutated copy of each fails at the path of the mutation (issue 13 acceptance; contract-2.0.md §3, §9).

const ROOT = fileURLToPath(new URL('./fixtures/upstream/', import.meta.url));
const examples = (group: string) =>
  readdirSync(join(ROOT, group), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, dir: join(ROOT, group, entry.name) }));

const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
const schemas = { '2.0': ajv.compile(pactoV20JsonSchema), '1.2': ajv.compile(pactoV12JsonSchema) };

interface Mutation {
  readonly what: string;
  /** Applies the change to the YAML document; false when the example has nothing to mutate there. */
  readonly apply: (doc: ReturnType<typeof parseDocument>) => boolean;
  readonly expected: string;
}

const has = (doc: ReturnType<typeof parseDocument>, path: (string | number)[]) => doc.hasIn(path);

/** Mutations for 2.0, each a rule of the 2.0 schema or cross-field layer, applied where the example allows. */
const V20_MUTATIONS: readonly Mutation[] = [
  {
    what: 'a 1.x interface type',
    apply: (doc) => has(doc, ['interfaces', 0, 'type']) && (doc.setIn(['interfaces', 0, 'type'], 'http'), true),
    expected: 'SCHEMA_VIOLATION @ interfaces.0.type',
  },
  {
    what: 'a configuration without required',
    apply: (doc) => has(doc, ['configurations', 0, 'required']) && doc.deleteIn(['configurations', 0, 'required']),
    expected: 'SCHEMA_VIOLATION @ configurations.0',
  },
  {
    what: 'a dependency without required',
    apply: (doc) => has(doc, ['dependencies', 0, 'required']) && doc.deleteIn(['dependencies', 0, 'required']),
    expected: 'SCHEMA_VIOLATION @ dependencies.0',
  },
  {
    what: 'an unknown claim status',
    apply: (doc) => has(doc, ['readiness', 'claims', 0, 'status']) && (doc.setIn(['readiness', 'claims', 0, 'status'], 'complete'), true),
    expected: 'SCHEMA_VIOLATION @ readiness.claims.0.status',
  },
  {
    what: 'a non-canonical assessment expiry',
    apply: (doc) => has(doc, ['readiness', 'expires']) && (doc.setIn(['readiness', 'expires'], '2099-1-1'), true),
    expected: 'INVALID_READINESS_EXPIRES @ readiness.expires',
  },
  {
    what: 'a binding to an undeclared interface',
    apply: (doc) => has(doc, ['capabilities', 0, 'binding', 'interface']) && (doc.setIn(['capabilities', 0, 'binding', 'interface'], 'nowhere'), true),
    expected: 'CAPABILITY_INTERFACE_UNKNOWN @ capabilities[0].binding.interface',
  },
  {
    what: 'a malformed dependency digest',
    apply: (doc) => {
      const ref = doc.getIn(['dependencies', 0, 'ref']);
      if (typeof ref !== 'string' || !ref.startsWith('oci://')) return false;
      doc.setIn(['dependencies', 0, 'ref'], `${ref.split('@')[0]}@sha256:abc`);
      return true;
    },
    expected: 'INVALID_OCI_REF @ dependencies[0].ref',
  },
  {
    what: 'a runtime section',
    apply: (doc) => (doc.set('runtime', { workload: 'service' }), true),
    expected: 'PARSE_ERROR @ ',
  },
  {
    what: 'a service name that is not a DNS label',
    apply: (doc) => (doc.setIn(['service', 'name'], 'Not_A_Name'), true),
    expected: 'SCHEMA_VIOLATION @ service.name',
  },
];

const V12_MUTATIONS: readonly Mutation[] = [
  {
    what: 'an owner string (1.2 owners are objects)',
    apply: (doc) => (doc.setIn(['service', 'owner'], 'team/x'), true),
    expected: 'SCHEMA_VIOLATION @ service.owner',
  },
  {
    what: 'an unknown check status',
    apply: (doc) => has(doc, ['readiness', 'checks', 0, 'status']) && (doc.setIn(['readiness', 'checks', 0, 'status'], 'complete'), true),
    expected: 'SCHEMA_VIOLATION @ readiness.checks.0.status',
  },
  {
    what: 'a 1.1 per-check expiry',
    apply: (doc) => has(doc, ['readiness', 'checks', 0]) && (doc.setIn(['readiness', 'checks', 0, 'expires'], '2099-12-31'), true),
    expected: 'PARSE_ERROR @ ',
  },
  {
    what: 'a duplicate check id',
    apply: (doc) => {
      const second = doc.getIn(['readiness', 'checks', 1, 'id']);
      if (second === undefined) return false;
      doc.setIn(['readiness', 'checks', 1, 'id'], doc.getIn(['readiness', 'checks', 0, 'id']));
      return true;
    },
    expected: 'DUPLICATE_READINESS_ID @ readiness.checks[1].id',
  },
  {
    what: 'an http interface without a port',
    apply: (doc) => {
      const index = (doc.getIn(['interfaces']) as { items: unknown[] } | undefined)?.items.findIndex((_, i) => doc.getIn(['interfaces', i, 'type']) === 'http');
      if (index === undefined || index < 0) return false;
      return doc.deleteIn(['interfaces', index, 'port']);
    },
    expected: 'SCHEMA_VIOLATION @ interfaces.<http>',
  },
];

const NOW = () => new Date('2026-06-01T12:00:00Z');

function errorsOf(bundle: ReturnType<typeof caseBundle>): string[] {
  return pairs(validateContractSync(bundle, { now: NOW }).errors);
}

describe.each([
  ['2.0', examples('v2.0'), V20_MUTATIONS],
  ['1.2', examples('v1.2'), V12_MUTATIONS],
] as const)('published %s examples', (version, cases, mutations) => {
  it('found some', () => {
    expect(cases.length).toBeGreaterThan(version === '2.0' ? 25 : 3);
  });

  describe.each(cases)('$name', ({ name, dir }) => {
    const bundle = caseBundle(dir, name);

    it(`is a ${version} contract that validates`, () => {
      const parsed = parseContract(bundle.text, bundle.fileName);
      expect(parsed.ok && parsed.contract.pactoVersion).toBe(version);
      if (!parsed.ok) return;
      expect(schemas[version](parsed.document), JSON.stringify(schemas[version].errors)).toBe(true);
      expect(errorsOf(bundle)).toEqual([]);
    });

    it('fails at the path of each mutation that applies to it', () => {
      let applied = 0;
      for (const mutation of mutations) {
        const doc = parseDocument(bundle.text);
        if (!mutation.apply(doc)) continue;
        applied++;
        const errors = errorsOf({ ...bundle, text: doc.toString() });
        const expected = mutation.expected.includes('<http>')
          ? mutation.expected.replace('<http>', String((doc.getIn(['interfaces']) as { items: unknown[] }).items.findIndex((_, i) => !doc.hasIn(['interfaces', i, 'port']))))
          : mutation.expected;
        expect(errors, mutation.what).toContain(expected);
        const [code] = expected.split(' @ ');
        expect(errors.every((error) => error.startsWith(`${code} @ `)), `${mutation.what}: ${errors.join(', ')}`).toBe(true);
      }
      expect(applied).toBeGreaterThan(0);
    });
  });
});
