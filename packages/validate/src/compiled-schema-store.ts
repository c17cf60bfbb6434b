import type { Ajv, ValidateFunction } from 'ajv';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import equal from 'ajv/dist/runtime/equal.js';
import ucs2length from 'ajv/dist/runtime/ucs2length.js';
import uri from 'ajv/dist/runtime/uri.js';
import validationError from 'ajv/dist/runtime/validation_error.js';

// Compiling a user schema runs ajv's code generator, the largest part of a one-off `pacto validate` on a
// cold process (about 20 ms of a 140 ms run). A store keeps the generated code between processes, keyed by
// the schema, so a later run evaluates it instead. The store decides where the code lives (the CLI: its cache
// directory, the same trust as its compiled-code cache); this package does no I/O.

/** Somewhere to keep the generated code of compiled user schemas between processes. */
export interface CompiledSchemaStore {
  get(key: string): string | undefined;
  set(key: string, code: string): void;
}

// Bumped when the options or the ajv major version change what the generated code means.
const FORMAT = 'ajv8-allErrors-verbose-1';

const standaloneCode = ((standaloneCodeModule as unknown as { default?: unknown }).default ?? standaloneCodeModule) as (
  ajv: Ajv,
  validate: ValidateFunction,
) => string;

// Generated code reads `require("ajv/dist/runtime/<name>").default`. A default import of these CommonJS
// modules is the exports object under Node and the `default` export under bundlers (vitest, Vite): both are
// made the exports object here.
const asExports = (imported: unknown): unknown => (typeof imported === 'function' ? { default: imported } : imported);

// The ajv runtime helpers generated code may require; anything else makes the code unusable here.
const RUNTIME: Readonly<Record<string, unknown>> = {
  'ajv/dist/runtime/equal': asExports(equal),
  'ajv/dist/runtime/ucs2length': asExports(ucs2length),
  'ajv/dist/runtime/uri': asExports(uri),
  'ajv/dist/runtime/validation_error': asExports(validationError),
};

let store: CompiledSchemaStore | undefined;

/** Keep compiled user schemas in `next` from now on (undefined: compile every time, the default). */
export function useCompiledSchemaStore(next: CompiledSchemaStore | undefined): void {
  store = next;
}

/** Whether compiled code is kept: ajv instances made from now on keep the source of what they generate. */
export function keepsCompiledCode(): boolean {
  return store !== undefined;
}

/** The key of a schema compiled by `engine`: what decides the generated code. */
function keyOf(engine: string, schema: unknown): string {
  return `${FORMAT}\n${engine}\n${JSON.stringify(schema)}`;
}

/** The validate function of generated code, or undefined when the code does not evaluate to one. */
function evaluate(code: string): ValidateFunction | undefined {
  try {
    const module = { exports: {} as unknown };
    const require = (id: string) => {
      const found = RUNTIME[id];
      if (found === undefined) throw new Error(`unexpected module ${id}`);
      return found;
    };
    new Function('module', 'exports', 'require', code)(module, module.exports, require);
    return typeof module.exports === 'function' ? (module.exports as ValidateFunction) : undefined;
  } catch {
    return undefined;
  }
}

/** The stored validate function of `schema`, when the store has usable code for it. */
export function storedValidator(engine: string, schema: unknown): ValidateFunction | undefined {
  if (store === undefined) return undefined;
  let code: string | undefined;
  try {
    code = store.get(keyOf(engine, schema));
  } catch {
    return undefined;
  }
  return code === undefined ? undefined : evaluate(code);
}

/** Keep the generated code of a schema `ajv` just compiled (ajv needs `code.source`); only code that evaluates is kept. */
export function storeValidator(engine: string, schema: unknown, ajv: Ajv, validate: ValidateFunction): void {
  if (store === undefined) return;
  try {
    const code = standaloneCode(ajv, validate);
    if (evaluate(code) !== undefined) store.set(keyOf(engine, schema), code);
  } catch {
    // Not every schema has standalone code (ajv refuses some); it is compiled each time then.
  }
}
