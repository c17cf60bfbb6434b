import { describePattern, didYouMean, patternMessage } from '@pacto/schema';
import type { ErrorObject } from 'ajv';

// Turns ajv errors into the leaf assertions of contract.md §5 step 4 and words each one by what was expected and
// what was found (`expected an integer, got the string "x"`). Paths are normative; the words are ours. No message
// shows a regular expression: the model's patterns are said in words, a user schema's is pointed at.

const COMPOSITE = new Set(['anyOf', 'if', 'allOf', 'dependentSchemas', 'propertyNames']);

/** True for an error that only summarises the failures of its subschemas. */
function isComposite(error: ErrorObject): boolean {
  if (COMPOSITE.has(error.keyword)) return true;
  // oneOf with no passing branch is explained by its branches; with two passing it is a leaf.
  return error.keyword === 'oneOf' && (error.params as { passingSchemas?: unknown }).passingSchemas == null;
}

/** Where an error sits in a union: the `oneOf` (data path and schema path) and the branch it failed in. */
export interface UnionBranch {
  readonly union: string;
  readonly schemaPath: string;
  readonly branch: string;
}

const under = (path: string, parent: string) => path === parent || path.startsWith(`${parent}/`);

/** The innermost `oneOf` an error was raised in, found among the summary errors ajv reports for each union. */
export function unionBranch(error: ErrorObject, errors: readonly ErrorObject[]): UnionBranch | undefined {
  const at = error.schemaPath.lastIndexOf('/oneOf/');
  if (at === -1) return undefined;
  const schemaPath = error.schemaPath.slice(0, at + '/oneOf'.length);
  let union: ErrorObject | undefined;
  for (const candidate of errors) {
    if (candidate.keyword !== 'oneOf' || candidate.schemaPath !== schemaPath || !under(error.instancePath, candidate.instancePath)) continue;
    if (union === undefined || candidate.instancePath.length > union.instancePath.length) union = candidate;
  }
  const branch = error.schemaPath.slice(at + '/oneOf/'.length).split('/')[0] ?? '';
  return { union: `${union?.instancePath ?? ''} ${schemaPath}`, schemaPath, branch };
}

/**
 * The errors that are leaf assertions, in ajv order. A union (`oneOf`) branch that fails only because the value is
 * of another kind (the string form of an owner given as a mapping) is left out when another branch says more.
 */
export function leafErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const leaves = errors.filter((error) => !isComposite(error));
  const said = new Map<string, Set<string>>();
  for (const error of leaves) {
    const place = unionBranch(error, errors);
    if (place === undefined || isKindMismatch(error)) continue;
    const branches = said.get(place.union) ?? new Set<string>();
    branches.add(place.branch);
    said.set(place.union, branches);
  }
  const kept = leaves.filter((error) => {
    if (!isKindMismatch(error)) return true;
    const place = unionBranch(error, errors);
    const others = place === undefined ? undefined : said.get(place.union);
    return others === undefined || [...others].every((branch) => branch === place?.branch);
  });
  return kept.length > 0 ? kept : [...errors];
}

function isKindMismatch(error: ErrorObject): boolean {
  return error.keyword === 'type' && error.schemaPath.endsWith('/type');
}

const KIND_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'an empty value',
};

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text);
}

/** A JSON value as a message names it: `the string "x"`, `the number 5`, `true`, `a list`, `a mapping`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return String(value);
}

/** A schema value as a message shows it: strings in double quotes, anything else as JSON. */
function showValue(value: unknown): string {
  return typeof value === 'string' ? quote(value) : JSON.stringify(value);
}

function kindWords(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => KIND_WORDS[String(t)] ?? String(t)).join(' or ');
}

function sizeOf(value: unknown): number {
  if (typeof value === 'string') return [...value].length;
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return 0;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** One assertion in words, with a hint where the fix is plain. */
export interface Assertion {
  readonly message: string;
  readonly hint?: string;
}

function sizeAssertion(error: ErrorObject, limit: number): Assertion {
  const size = sizeOf(error.data);
  switch (error.keyword) {
    case 'minLength':
      return { message: limit === 1 ? 'must not be empty' : `must be at least ${plural(limit, 'character', 'characters')} long, got ${size}` };
    case 'maxLength':
      return { message: `must be at most ${plural(limit, 'character', 'characters')} long, got ${size}` };
    case 'minItems':
      return { message: `needs at least ${plural(limit, 'item', 'items')}, got ${size}` };
    case 'maxItems':
      return { message: `takes at most ${plural(limit, 'item', 'items')}, got ${size}` };
    case 'minProperties':
      return { message: `needs at least ${plural(limit, 'field', 'fields')}, got ${size}` };
    default:
      return { message: `takes at most ${plural(limit, 'field', 'fields')}, got ${size}` };
  }
}

const BOUND_WORDS: Readonly<Record<string, string>> = {
  minimum: 'at least',
  maximum: 'at most',
  exclusiveMinimum: 'more than',
  exclusiveMaximum: 'less than',
};

function patternAssertion(error: ErrorObject): Assertion {
  const pattern = String((error.params as Record<string, unknown>)['pattern']);
  const words = describePattern(pattern);
  if (words !== undefined) return { message: `${quote(String(error.data))} is not a valid ${words.subject}: ${patternMessage(words)}` };
  return {
    message: `${quote(String(error.data))} does not have the form the schema requires`,
    hint: `the pattern is at ${error.schemaPath} in the schema`,
  };
}

/** One leaf assertion in words. */
export function describeAssertion(error: ErrorObject): Assertion {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { message: `missing required field ${quote(String(params['missingProperty']))}` };
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(params['additionalProperty'] ?? params['unevaluatedProperty']);
      const known = Object.keys((error.parentSchema?.['properties'] as object | undefined) ?? {});
      const hint = didYouMean(key, known);
      return { message: `unknown field ${quote(key)}`, ...(hint === undefined ? {} : { hint }) };
    }
    case 'contains':
      return { message: 'no item matches what the schema requires of at least one item' };
    case 'type':
      return { message: `expected ${kindWords(params['type'])}, got ${describeValue(error.data)}` };
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[] | undefined) ?? [];
      const hint = typeof error.data === 'string' ? didYouMean(error.data, allowed.filter((v): v is string => typeof v === 'string')) : undefined;
      return { message: `expected one of ${allowed.map(showValue).join(', ')}, got ${describeValue(error.data)}`, ...(hint === undefined ? {} : { hint }) };
    }
    case 'const':
      return { message: `expected ${showValue(params['allowedValue'])}, got ${describeValue(error.data)}` };
    case 'pattern':
      return patternAssertion(error);
    case 'format':
      return { message: `${describeValue(error.data)} is not a valid ${String(params['format'])}` };
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
      return sizeAssertion(error, Number(params['limit']));
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { message: `must be ${BOUND_WORDS[error.keyword]} ${String(params['limit'])}, got ${String(error.data)}` };
    case 'multipleOf':
      return { message: `must be a multiple of ${String(params['multipleOf'])}, got ${String(error.data)}` };
    case 'uniqueItems':
      return { message: `items ${String(params['j'])} and ${String(params['i'])} are the same; each item must be different` };
    case 'dependentRequired':
    case 'dependencies':
      return { message: `${quote(String(params['property']))} needs ${quote(String(params['missingProperty']))} too` };
    case 'not':
      return { message: 'matches what the schema forbids here' };
    case 'oneOf':
      return { message: 'matches more than one of the forms the schema allows here; it must match exactly one' };
    case 'false schema':
      return { message: 'no value is allowed here' };
    default:
      return { message: error.message ?? error.keyword };
  }
}

/** `at '<json pointer>': <assertion>` — for values checked against a user's schema, where the pointer locates them. */
export function describeSchemaError(error: ErrorObject): string {
  const { message, hint } = describeAssertion(error);
  return `at '${error.instancePath}': ${message}${hint === undefined ? '' : ` (${hint})`}`;
}

/** `/interfaces/0` → `interfaces.0`; the root is `""` (contract.md §5 path format). */
export function dottedPath(instancePath: string): string {
  if (instancePath === '') return '';
  return instancePath
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}
