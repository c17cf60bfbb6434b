import { z } from 'zod';
import {
  configurationSchema,
  contractV10Schema,
  contractV11Schema,
  interfaceSchema,
  ownerInfoSchema,
  ownerSchema,
  policySchema,
  readinessCheckSchema,
  scalingSchema,
  stateSchema,
} from './model.js';
import type { PactoVersion } from './model.js';
import { PACTO_SCHEMA_URL } from './schema-url.js';
import { readinessRevisionSchema, readinessV12Schema, readinessV20Schema } from './model-readiness-claims.js';
import { contractV12Schema } from './model-v12.js';
import { capabilitySchema, configurationV20Schema, contractV20Schema, policyV20Schema } from './model-v20.js';

// JSON Schema (draft 2020-12) of each contract version, generated from the zod
// model with zod 4's built-in z.toJSONSchema. The cross-field rules that zod's
// object types cannot express are added here, keyed by the model's schema
// objects, in the exact form contract.md §3/§5 needs for L1 error paths:
// `allOf` of `if/then` (not a union) so a missing port is one `required` error
// at the interface, and `oneOf` where the spec says "exactly one form".

export type JsonSchemaObject = { readonly [key: string]: unknown };

const SCHEMA_ID: Readonly<Record<PactoVersion, string>> = {
  '1.0': 'https://pacto.trianalab.com/schema/v1.0',
  '1.1': 'https://pacto.trianalab.com/schema/v1.1',
  '1.2': 'https://pacto.trianalab.com/schema/v1.2',
  '2.0': 'https://pacto.trianalab.com/schema/v2.0',
};

const MODELS = { '1.0': contractV10Schema, '1.1': contractV11Schema, '1.2': contractV12Schema, '2.0': contractV20Schema } as const;

const requiredWhenType = (type: string, required: string[]) => ({
  if: { properties: { type: { const: type } }, required: ['type'] },
  then: { required },
});

type Rule = (json: Record<string, unknown>) => void;

const schemaOrRef = (json: Record<string, unknown>) => {
  json['oneOf'] = [
    { required: ['schema'], not: { required: ['ref'] } },
    { required: ['ref'], not: { anyOf: [{ required: ['schema'] }, { required: ['values'] }] } },
  ];
};

/** An annotation only (formats are not asserted by L1); L2 checks dates strictly. */
function exactlySchemaOrRef(json: Record<string, unknown>): void {
  json['oneOf'] = [
    { required: ['schema'], not: { required: ['ref'] } },
    { required: ['ref'], not: { required: ['schema'] } },
  ];
}

const dateAnnotation = (key: string): Rule => (json) => {
  const property = (json['properties'] as Record<string, Record<string, unknown>>)[key];
  if (property) property['format'] = 'date';
};

const RULES = new Map<unknown, Rule>([
  [interfaceSchema, (json) => {
    json['allOf'] = [requiredWhenType('http', ['port']), requiredWhenType('grpc', ['port', 'contract']), requiredWhenType('event', ['contract'])];
  }],
  [stateSchema, (json) => {
    json['allOf'] = [{
      if: { properties: { type: { const: 'stateless' } }, required: ['type'] },
      then: { properties: { persistence: { properties: { durability: { const: 'ephemeral' } } } } },
    }];
  }],
  [configurationSchema, schemaOrRef],
  [configurationV20Schema, schemaOrRef],
  [policySchema, exactlySchemaOrRef],
  [policyV20Schema, exactlySchemaOrRef],
  [capabilitySchema, (json) => {
    json['oneOf'] = [
      { properties: { type: { enum: ['health', 'metrics'] } }, required: ['type'], not: { required: ['ref'] } },
      { properties: { type: { const: 'extension' } }, required: ['type', 'ref'], not: { required: ['binding'] } },
    ];
  }],
  [readinessV20Schema, dateAnnotation('expires')],
  [readinessV12Schema, dateAnnotation('expires')],
  [readinessRevisionSchema, dateAnnotation('date')],
  [scalingSchema, (json) => {
    json['oneOf'] = [
      { required: ['replicas'], not: { anyOf: [{ required: ['min'] }, { required: ['max'] }] } },
      { required: ['min', 'max'], not: { required: ['replicas'] } },
    ];
  }],
  [ownerSchema, (json) => {
    // string xor object: the two branches cannot overlap, so oneOf == anyOf, but oneOf is what the spec names.
    if (Array.isArray(json['anyOf'])) {
      json['oneOf'] = json['anyOf'];
      delete json['anyOf'];
    }
  }],
  [readinessCheckSchema, dateAnnotation('expires')],
  [ownerInfoSchema, (json) => {
    json['minProperties'] = 1;
  }],
]);

const SAFE_INT = Number.MAX_SAFE_INTEGER;

function override(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  const json = ctx.jsonSchema;
  const def = (ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def;
  // z.int() adds JS safe-integer bounds; JSON Schema integers need none.
  if (json['type'] === 'integer') {
    if (json['maximum'] === SAFE_INT) delete json['maximum'];
    if (json['minimum'] === -SAFE_INT) delete json['minimum'];
  }
  // Free-form objects (`metadata`, `configurations[].values`): any keys, any values.
  if (def.type === 'record') {
    delete json['propertyNames'];
    delete json['additionalProperties'];
  }
  RULES.get(ctx.zodSchema)?.(json);
}

/** The JSON Schema of one contract format version, as L1 uses it. */
export function buildJsonSchema(version: PactoVersion): JsonSchemaObject {
  const generated = z.toJSONSchema(MODELS[version], { target: 'draft-2020-12', unrepresentable: 'throw', override }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: SCHEMA_ID[version], title: `Pacto service contract ${version}`, ...rest };
}

/**
 * One schema for every format: it checks `pactoVersion`, then applies the schema of the version the file declares
 * (`if`/`then` per version over `$defs`), so an editor validates 1.0 and 2.0 files alike (contract-2.0.md §12).
 */
export function buildCombinedJsonSchema(): JsonSchemaObject {
  const versions = Object.keys(MODELS) as PactoVersion[];
  const defs: Record<string, unknown> = {};
  for (const version of versions) {
    const { $schema: _schema, $id: _id, ...rest } = buildJsonSchema(version);
    defs[`v${version}`] = rest;
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: PACTO_SCHEMA_URL,
    title: 'Pacto service contract',
    description: `A pacto.yaml of any format (${versions.join(', ')}); each file is checked against the schema of its pactoVersion.`,
    type: 'object',
    required: ['pactoVersion'],
    properties: {
      pactoVersion: { type: 'string', enum: versions, description: 'Version of the contract format; write it in quotes.' },
    },
    allOf: versions.map((version) => ({
      if: { properties: { pactoVersion: { const: version } }, required: ['pactoVersion'] },
      then: { $ref: `#/$defs/v${version}` },
    })),
    $defs: defs,
  };
}
