import { Ajv, type AnySchema, type AnySchemaObject, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import draft06MetaSchemaJson from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { validator as draft202012SchemaValidator } from './generated/json-schema-2020-12.js';
import { describeSchemaError, leafErrors } from './schema-errors.js';
import { keepsCompiledCode, storedValidator, storeValidator } from './compiled-schema-store.js';

// Configuration and policy schemas written by users (contract.md §6 rules 13/16/20b, §8): compiled
// standalone with the draft their `$schema` names, no remote or file loading, formats not asserted.
// Compilation is cached by the exact schema text.

// Static imports (not createRequire) so the CLI bundler can see and inline them.
const AjvDraft04 = AjvDraft04Module as unknown as typeof Ajv;
const draft06MetaSchema = draft06MetaSchemaJson as AnySchemaObject;

const BASE_OPTIONS: Options = { strict: false, allErrors: true, validateFormats: false, verbose: true };

/** A compiled user schema: validates data and returns the leaf error texts (empty when valid). */
export interface UserSchema {
  validate(data: unknown): readonly string[];
}

export type UserSchemaResult =
  | { readonly ok: true; readonly schema: UserSchema }
  | { readonly ok: false; readonly stage: 'json'; readonly error: string }
  | { readonly ok: false; readonly stage: 'compile'; readonly error: string };

type Draft = '04' | '06' | '07' | '2019-09' | '2020-12' | 'unknown';

function draftOf(schema: unknown): Draft {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return '2020-12';
  const uri = (schema as Record<string, unknown>)['$schema'];
  if (uri === undefined) return '2020-12';
  if (typeof uri !== 'string') return 'unknown';
  const normalised = uri.replace(/^https?:\/\//, '').replace(/#$/, '');
  switch (normalised) {
    case 'json-schema.org/draft-04/schema':
      return '04';
    case 'json-schema.org/draft-06/schema':
      return '06';
    case 'json-schema.org/draft-07/schema':
      return '07';
    case 'json-schema.org/draft/2019-09/schema':
      return '2019-09';
    case 'json-schema.org/draft/2020-12/schema':
      return '2020-12';
    default:
      return 'unknown';
  }
}

type Engine = '04' | '07' | '2019-09' | '2020-12';

function newAjv(engine: Engine): Ajv {
  // `code.source` keeps the generated code, for a CompiledSchemaStore (compiled-schema-store.ts).
  const OPTIONS: Options = { ...BASE_OPTIONS, code: { source: keepsCompiledCode() } };
  switch (engine) {
    case '04':
      return new AjvDraft04(OPTIONS);
    case '07': {
      const ajv = new Ajv(OPTIONS);
      ajv.addMetaSchema(draft06MetaSchema);
      return ajv;
    }
    case '2019-09':
      return new Ajv2019(OPTIONS);
    case '2020-12':
      // Checked against the precompiled meta-schema validator instead (see compileStandalone).
      return new Ajv2020({ ...OPTIONS, validateSchema: false });
  }
}

interface MetaValidator {
  (schema: unknown): boolean;
  errors?: ErrorObject[] | null;
}

interface SharedAjv {
  readonly ajv: Ajv;
  /** Keys of `refs` / `schemas` the instance knows by itself (meta-schemas). */
  readonly ownRefs: ReadonlySet<string>;
  readonly ownSchemas: ReadonlySet<string>;
}

// One instance per draft (and per whether generated code is kept): a new instance compiles its meta-schema
// again (~100x a user schema).
const engines = new Map<string, SharedAjv>();

function sharedAjv(engine: Engine): SharedAjv {
  const key = `${engine}:${keepsCompiledCode()}`;
  let shared = engines.get(key);
  if (shared === undefined) {
    const ajv = newAjv(engine);
    ajv.compile({}); // compiles the meta-schema, so what it registers counts as the instance's own
    shared = { ajv, ownRefs: new Set(Object.keys(ajv.refs)), ownSchemas: new Set(Object.keys(ajv.schemas)) };
    engines.set(key, shared);
  }
  return shared;
}

/**
 * Compile `schema` as a standalone resource: whatever it registered (its `$id`s) is removed again, so
 * one user schema can never resolve a `$ref` into another, and two schemas may share an `$id`.
 */
function compileStandalone(engine: Engine, schema: AnySchema): ValidateFunction {
  const stored = storedValidator(engine, schema);
  if (stored !== undefined) return stored;
  const { ajv, ownRefs, ownSchemas } = sharedAjv(engine);
  if (engine === '2020-12') {
    const meta = draft202012SchemaValidator() as MetaValidator;
    // The same text ajv throws when its own meta-schema check fails.
    if (!meta(schema)) throw new Error(`schema is invalid: ${ajv.errorsText(meta.errors)}`);
  }
  try {
    const validate = ajv.compile(schema);
    storeValidator(engine, schema, ajv, validate);
    return validate;
  } finally {
    const refs = ajv.refs as Record<string, unknown>;
    const schemas = ajv.schemas as Record<string, unknown>;
    for (const key of Object.keys(refs)) if (!ownRefs.has(key)) delete refs[key];
    for (const key of Object.keys(schemas)) if (!ownSchemas.has(key)) delete schemas[key];
    if (typeof schema === 'object') ajv.removeSchema(schema);
  }
}

function wrap(validateFunction: ValidateFunction): UserSchema {
  return {
    validate(data) {
      if (validateFunction(data)) return [];
      return leafErrors(validateFunction.errors ?? []).map(describeSchemaError);
    },
  };
}

/** Compile an already-parsed JSON Schema document. Throws nothing; a bad schema is a result. */
export function compileSchemaDocument(schema: unknown): UserSchemaResult {
  const draft = draftOf(schema);
  if (draft === 'unknown') {
    const uri = String((schema as Record<string, unknown>)['$schema']);
    return { ok: false, stage: 'compile', error: `unsupported or unreachable meta-schema ${JSON.stringify(uri)}` };
  }
  try {
    const engine = draft === '06' ? '07' : draft;
    return { ok: true, schema: wrap(compileStandalone(engine, schema as AnySchema)) };
  } catch (error) {
    return { ok: false, stage: 'compile', error: error instanceof Error ? error.message : String(error) };
  }
}

const MAX_CACHED = 512;
const cache = new Map<string, UserSchemaResult>();

/** Parse `text` as JSON and compile it as a JSON Schema; cached by text. */
export function compileUserSchema(text: string): UserSchemaResult {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  let document: unknown;
  let result: UserSchemaResult;
  try {
    document = JSON.parse(text);
    result = compileSchemaDocument(document);
  } catch (error) {
    result = { ok: false, stage: 'json', error: error instanceof Error ? error.message : String(error) };
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(text, result);
  return result;
}
