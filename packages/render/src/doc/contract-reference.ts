import { contractV11Schema, contractV20Schema, describePattern } from '@pacto/schema';
import { z } from 'zod';
import {
  CRITICALITY_DESCRIPTIONS,
  DURABILITY_DESCRIPTIONS,
  SCOPE_DESCRIPTIONS,
  STATE_DESCRIPTIONS,
  UPGRADE_DESCRIPTIONS,
  WORKLOAD_DESCRIPTIONS,
} from './concept-descriptions.js';
import { NONE, cellCode, cellText, table } from './markdown.js';

type JsonSchema = Record<string, unknown>;

interface FieldRow {
  readonly path: string;
  readonly schema: JsonSchema;
  readonly required: boolean;
}

/** The formats a reference page documents: 1.0/1.1 on one page, 2.0 on another. */
export type ReferenceFormat = '1.x' | '2.0';

const PAGES = {
  '1.x': {
    model: contractV11Schema,
    versions: ['1.0', '1.1'],
    intro:
      'Every field of `pacto.yaml` for `pactoVersion` 1.0 and 1.1. This page is generated from the zod model ' +
      '(`packages/schema/src/model.ts`) by `node scripts/generate-contract-reference.mjs`; edit the model, not this file. ' +
      'The two versions are identical except that `readiness` exists only in 1.1. Every object is closed (unknown keys are ' +
      'errors) except `metadata` and `configurations[].values`. For 2.0 see [contract-reference-2.0.md](contract-reference-2.0.md).\n',
    prefix: 'runtime.',
  },
  '2.0': {
    model: contractV20Schema,
    versions: ['2.0'],
    intro:
      'Every field of `pacto.yaml` for `pactoVersion` 2.0, the format of the Go tool\'s 3.x releases. This page is generated ' +
      'from the zod model (`packages/schema/src/model-v20.ts`) by `node scripts/generate-contract-reference.mjs`; edit the ' +
      'model, not this file. Every object is closed except `metadata`, `extensions` and `configurations[].values`. The rules ' +
      'behind the fields are in [spec/contract-2.0.md](spec/contract-2.0.md); `pacto migrate` moves a 1.x contract here.\n',
    prefix: '',
  },
} as const;

/**
 * docs/contract-reference.md (1.0/1.1) and docs/contract-reference-2.0.md, generated from the zod models (through
 * their JSON Schemas) so the field descriptions are written once. `scripts/generate-contract-reference.mjs` writes
 * them and a test fails when a committed file differs.
 */
export function renderContractReference(format: ReferenceFormat = '1.x'): string {
  const page = PAGES[format];
  const root = z.toJSONSchema(page.model) as JsonSchema;
  const title = format === '2.0' ? '# Contract reference (2.0)\n' : '# Contract reference\n';
  const parts = [title, page.intro];
  const rootRequired = new Set(stringList(root['required']));
  // Each model pins its own version; the reference documents every version of its page.
  const properties = objectProperties(root);
  properties['pactoVersion'] = { ...properties['pactoVersion'], const: undefined, enum: [...page.versions] };
  parts.push(
    '## Top level\n',
    fieldTable(Object.entries(properties).map(([key, schema]) => ({ path: key, schema, required: rootRequired.has(key) }))),
  );
  for (const [key, schema] of Object.entries(properties)) {
    const rows = nestedRows(key, schema);
    if (rows.length === 0) continue;
    parts.push(`## \`${sectionName(key, schema)}\`\n`, fieldTable(rows));
  }
  parts.push('## Runtime values\n', 'What each value of the runtime enums means; `pacto doc` prints these in its concept table.\n', runtimeValuesTable(page.prefix, format));
  return parts.join('\n');
}

function sectionName(key: string, schema: JsonSchema): string {
  return schema['type'] === 'array' ? `${key}[]` : key;
}

/** Rows for everything below a top-level key, depth first, in declaration order. */
function nestedRows(path: string, schema: JsonSchema): FieldRow[] {
  const rows: FieldRow[] = [];
  const visit = (prefix: string, node: JsonSchema) => {
    const target = node['type'] === 'array' && isSchema(node['items']) ? node['items'] : node;
    const prefixPath = target === node ? prefix : `${prefix}[]`;
    for (const branch of branches(target)) {
      const required = new Set(stringList(branch['required']));
      for (const [key, child] of Object.entries(objectProperties(branch))) {
        const childPath = `${prefixPath}.${key}`;
        rows.push({ path: childPath, schema: child, required: required.has(key) });
        visit(childPath, child);
      }
    }
  };
  visit(path, schema);
  return rows;
}

function branches(node: JsonSchema): JsonSchema[] {
  const union = node['anyOf'] ?? node['oneOf'];
  return Array.isArray(union) ? union.filter(isSchema) : [node];
}

function fieldTable(rows: readonly FieldRow[]): string {
  return table(
    ['Field', 'Type', 'Required', 'Description', 'Constraints'],
    rows.map((row) => [
      cellCode(row.path),
      typeText(row.schema),
      row.required ? 'yes' : 'no',
      typeof row.schema['description'] === 'string' ? cellText(row.schema['description']) : NONE,
      constraintsText(row.schema) || NONE,
    ]),
  );
}

function typeText(schema: JsonSchema): string {
  const union = schema['anyOf'] ?? schema['oneOf'];
  if (Array.isArray(union)) return union.filter(isSchema).map(typeText).join(' or ');
  if (schema['type'] === 'array') return isSchema(schema['items']) ? `array of ${typeText(schema['items'])}` : 'array';
  if (typeof schema['type'] === 'string') return schema['type'];
  return 'any';
}

function constraintsText(schema: JsonSchema): string {
  const out: string[] = [];
  if (schema['const'] !== undefined) out.push(`exactly ${cellCode(JSON.stringify(schema['const']))}`);
  if (Array.isArray(schema['enum'])) out.push(`one of ${schema['enum'].map((v) => cellCode(String(v))).join(', ')}`);
  if (typeof schema['pattern'] === 'string') {
    // The model's patterns in words, as messages say them; a person should not have to read a regular expression.
    const words = describePattern(schema['pattern']);
    out.push(words === undefined ? `pattern ${cellCode(schema['pattern'])}` : words.rule);
  }
  const bounds: [string, string][] = [
    ['minLength', 'min length'],
    ['maxLength', 'max length'],
    ['minimum', 'min'],
    ['maximum', 'max'],
    ['minItems', 'min items'],
  ];
  for (const [key, label] of bounds) {
    const value = schema[key];
    // zod marks integers with the safe-integer range; only bounds the model sets are worth printing.
    if (typeof value === 'number' && Math.abs(value) < Number.MAX_SAFE_INTEGER) out.push(`${label} ${value}`);
  }
  return out.join('; ');
}

function runtimeValuesTable(prefix: string, format: ReferenceFormat): string {
  const groups: [string, Record<string, string>][] = [
    [`${prefix}workload`, WORKLOAD_DESCRIPTIONS],
    [`${prefix}state.type`, STATE_DESCRIPTIONS],
    [`${prefix}state.persistence.scope`, SCOPE_DESCRIPTIONS],
    [`${prefix}state.persistence.durability`, DURABILITY_DESCRIPTIONS],
    [`${prefix}state.dataCriticality`, CRITICALITY_DESCRIPTIONS],
  ];
  if (format === '1.x') groups.push(['runtime.lifecycle.upgradeStrategy', UPGRADE_DESCRIPTIONS]);
  const rows = groups.flatMap(([field, values]) =>
    Object.entries(values).map(([value, description]) => [cellCode(field), cellCode(value), cellText(description)]),
  );
  return table(['Field', 'Value', 'Meaning'], rows);
}

function objectProperties(node: JsonSchema): Record<string, JsonSchema> {
  const properties = node['properties'];
  if (!isSchema(properties)) return {};
  return Object.fromEntries(Object.entries(properties).filter((e): e is [string, JsonSchema] => isSchema(e[1])));
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
