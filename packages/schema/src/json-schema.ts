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
};

const requiredWhenType = (type: string, required: string[]) => ({
  if: { properties: { type: { const: type } }, required: ['type'] },
  then: { required },
});

type Rule = (json: Record<string, unknown>) => void;

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
  [configurationSchema, (json) => {
    json['oneOf'] = [
      { required: ['schema'], not: { required: ['ref'] } },
      { required: ['ref'], not: { anyOf: [{ required: ['schema'] }, { required: ['values'] }] } },
    ];
  }],
  [policySchema, (json) => {
    json['oneOf'] = [
      { required: ['schema'], not: { required: ['ref'] } },
      { required: ['ref'], not: { required: ['schema'] } },
    ];
  }],
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
  [readinessCheckSchema, (json) => {
    // An annotation only: L1 does not assert formats; L2 checks the date strictly (§3.12.5).
    const expires = (json['properties'] as Record<string, Record<string, unknown>>)['expires'];
    if (expires) expires['format'] = 'date';
  }],
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
  const model = version === '1.0' ? contractV10Schema : contractV11Schema;
  const generated = z.toJSONSchema(model, { target: 'draft-2020-12', unrepresentable: 'throw', override }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: SCHEMA_ID[version], title: `Pacto service contract ${version}`, ...rest };
}
