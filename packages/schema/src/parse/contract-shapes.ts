import { pactoV11JsonSchema, pactoV12JsonSchema, pactoV20JsonSchema } from '../generated/pacto-json-schemas.js';

// What the strict typed decoder (contract.md §2.2) knows of each object of the contract: its keys, the kind of
// each field, which fields are required (absent ones get a zero value so the typed contract matches its TS type)
// and an integer's bounds, for messages. It is read from the JSON Schema generated from the zod model
// (src/model.ts), so the keys a contract may use and the keys a typo is compared with are the model's own.
// The 1.1 schema is read for 1.0 and 1.1: `readiness` is a known key under 1.0 too, which L1 then rejects; 1.2 and
// 2.0 have their own (contract-2.0.md §2).

export type FieldShape =
  | { readonly kind: 'string' }
  | { readonly kind: 'int'; readonly minimum?: number; readonly maximum?: number }
  | { readonly kind: 'float' }
  | { readonly kind: 'stringList' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'owner'; readonly type: StructShape }
  | { readonly kind: 'freeMap' }
  | { readonly kind: 'struct'; readonly type: StructShape }
  | { readonly kind: 'list'; readonly item: StructShape };

export interface FieldSpec {
  readonly shape: FieldShape;
  readonly required: boolean;
}

export interface StructShape {
  /** The allowed keys, in the model's order. */
  readonly keys: readonly string[];
  readonly byName: ReadonlyMap<string, FieldSpec>;
  readonly required: readonly (readonly [string, FieldSpec])[];
}

type JsonSchemaNode = { readonly [key: string]: unknown };

const isObject = (node: JsonSchemaNode): boolean => node['type'] === 'object';

function fieldShape(node: JsonSchemaNode, where: string): FieldShape {
  // 1.2 and 2.0 allow only the structured owner; the string form still decodes so that L1 can say so (contract-2.0.md §2).
  if (where === 'service.owner' && isObject(node)) return { kind: 'owner', type: structShape(node, where) };
  // A typed node's oneOf only adds rules between its keys (scaling, configurations); an untyped one is a union.
  const branches = node['type'] === undefined ? ((node['oneOf'] ?? node['anyOf']) as JsonSchemaNode[] | undefined) : undefined;
  if (branches !== undefined) {
    // The only union of the model: the owner, a legacy string or a structured object.
    const object = branches.find(isObject);
    if (object !== undefined && branches.some((branch) => branch['type'] === 'string')) return { kind: 'owner', type: structShape(object, where) };
    throw new Error(`contract model: unsupported union at ${where}`);
  }
  switch (node['type']) {
    case 'string':
      return { kind: 'string' };
    case 'boolean':
      return { kind: 'bool' };
    case 'number':
      return { kind: 'float' };
    case 'integer': {
      const minimum = node['minimum'] as number | undefined;
      const maximum = node['maximum'] as number | undefined;
      return { kind: 'int', ...(minimum === undefined ? {} : { minimum }), ...(maximum === undefined ? {} : { maximum }) };
    }
    case 'object':
      return node['additionalProperties'] === false ? { kind: 'struct', type: structShape(node, where) } : { kind: 'freeMap' };
    case 'array': {
      const items = node['items'] as JsonSchemaNode;
      if (items['type'] === 'string') return { kind: 'stringList' };
      if (!isObject(items)) throw new Error(`contract model: list of non-objects at ${where}`);
      return { kind: 'list', item: structShape(items, `${where}[]`) };
    }
    default:
      throw new Error(`contract model: unsupported field type at ${where}`);
  }
}

function structShape(node: JsonSchemaNode, where: string): StructShape {
  const properties = (node['properties'] ?? {}) as Record<string, JsonSchemaNode>;
  const requiredKeys = new Set((node['required'] ?? []) as string[]);
  const byName = new Map<string, FieldSpec>();
  for (const [key, property] of Object.entries(properties)) {
    byName.set(key, { shape: fieldShape(property, where === '' ? key : `${where}.${key}`), required: requiredKeys.has(key) });
  }
  return { keys: [...byName.keys()], byName, required: [...byName].filter(([, spec]) => spec.required) };
}

export const contractShape: StructShape = structShape(pactoV11JsonSchema, '');
export const contractShapeV12: StructShape = structShape(pactoV12JsonSchema, '');
export const contractShapeV20: StructShape = structShape(pactoV20JsonSchema, '');
