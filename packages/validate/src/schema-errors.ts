import type { ErrorObject } from 'ajv';

// Turns ajv errors into the leaf assertions of contract.md §5 step 4 and words them the way the Go tool's
// validator does (`at '/service/name': ...`). Message text is not normative; paths are.

const COMPOSITE = new Set(['anyOf', 'if', 'allOf', 'dependentSchemas', 'propertyNames']);

/** True for an error that only summarises the failures of its subschemas. */
function isComposite(error: ErrorObject): boolean {
  if (COMPOSITE.has(error.keyword)) return true;
  // oneOf with no passing branch is explained by its branches; with two passing it is a leaf.
  return error.keyword === 'oneOf' && (error.params as { passingSchemas?: unknown }).passingSchemas == null;
}

/** The errors that are leaf assertions, in ajv order. */
export function leafErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const leaves = errors.filter((error) => !isComposite(error));
  return leaves.length > 0 ? leaves : [...errors];
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function quoteList(values: readonly unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? `'${value}'` : JSON.stringify(value))).join(', ');
}

function sizeOf(value: unknown): number {
  if (typeof value === 'string') return [...value].length;
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return 0;
}

function describeAssertion(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `missing property '${String(params['missingProperty'])}'`;
    case 'additionalProperties':
      return `additional properties '${String(params['additionalProperty'])}' not allowed`;
    case 'unevaluatedProperties':
      return `unevaluated properties '${String(params['unevaluatedProperty'])}' not allowed`;
    case 'contains':
      return 'no items match contains schema';
    case 'type':
      return `got ${jsonType(error.data)}, want ${String(params['type'])}`;
    case 'enum':
      return `value must be one of ${quoteList((params['allowedValues'] as unknown[] | undefined) ?? [])}`;
    case 'const':
      return `value must be ${quoteList([params['allowedValue']])}`;
    case 'pattern':
      return `'${String(error.data)}' does not match pattern '${String(params['pattern'])}'`;
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
      return `${error.keyword}: got ${sizeOf(error.data)}, want ${String(params['limit'])}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'multipleOf':
      return `${error.keyword}: got ${String(error.data)}, want ${String(params['limit'] ?? params['multipleOf'])}`;
    case 'not':
      return "'not' failed";
    case 'oneOf':
      return `oneOf failed, subschemas ${String(params['passingSchemas'])} matched`;
    case 'false schema':
      return 'false schema';
    default:
      return error.message ?? error.keyword;
  }
}

/** `at '<json pointer>': <assertion>` */
export function describeSchemaError(error: ErrorObject): string {
  return `at '${error.instancePath}': ${describeAssertion(error)}`;
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
