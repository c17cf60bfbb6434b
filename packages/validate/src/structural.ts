import { CONTRACT_RULES, goQuote } from '@pacto/schema';
import type { ErrorObject } from 'ajv';
import { errorFinding, type Finding, type LayerResult } from './finding.js';
import { validate as validateV10 } from './generated/pacto-v1-0.js';
import { validate as validateV11 } from './generated/pacto-v1-1.js';
import { jsonConversionError } from './policies.js';
import { describeAssertion, describeValue, dottedPath, leafErrors, unionBranch, type Assertion } from './schema-errors.js';

/** The unions of the model that state a rule between keys: their failures read as the rule. */
function ruleOf(unionSchemaPath: string | undefined): string | undefined {
  if (unionSchemaPath === undefined) return undefined;
  if (unionSchemaPath.endsWith('/configurations/items/oneOf')) return CONTRACT_RULES.configurationSource;
  if (unionSchemaPath.endsWith('/policies/items/oneOf')) return CONTRACT_RULES.policySource;
  if (unionSchemaPath.endsWith('/scaling/oneOf')) return CONTRACT_RULES.scalingForm;
  return undefined;
}

// Layer 1 (contract.md §5): the generic document against the JSON Schema of its pactoVersion, with
// validators precompiled by scripts/generate-validators.mjs.

interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const VALIDATORS: Record<string, GeneratedValidator> = {
  '1.0': validateV10 as GeneratedValidator,
  '1.1': validateV11 as GeneratedValidator,
};

function single(finding: Finding): LayerResult {
  return { errors: [finding], warnings: [] };
}

/** The pactoVersion L1 reads: the root's string value, else "" (an unquoted 1.0 is a number). */
export function documentVersion(document: unknown): string {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return '';
  const version = (document as Record<string, unknown>)['pactoVersion'];
  return typeof version === 'string' ? version : '';
}

/** The unsupported-version message of contract.md §5 step 2. */
export function unsupportedVersionMessage(version: string): string {
  return `unsupported pactoVersion ${goQuote(version)}; supported versions: 1.0, 1.1`;
}

/** An assertion in words, with what the contract model adds: which interfaces need a key, which version has a key. */
function modelAssertion(error: ErrorObject, version: string): Assertion {
  const assertion = describeAssertion(error);
  const data = error.data as Record<string, unknown> | undefined;
  if (error.keyword === 'required' && /\/interfaces\/items\/allOf\/\d+\/then\/required$/.test(error.schemaPath)) {
    return { message: `${assertion.message}: ${String(data?.['type'])} interfaces need one` };
  }
  if (error.keyword === 'const' && error.schemaPath.includes('/state/allOf/')) {
    return { message: `${CONTRACT_RULES.statelessDurability}, got ${describeValue(error.data)}` };
  }
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties' && error.instancePath === '' && params['additionalProperty'] === 'readiness' && version === '1.0') {
    return { message: assertion.message, hint: 'readiness needs pactoVersion: "1.1"' };
  }
  return assertion;
}

/** Why the document's pactoVersion cannot be used: unsupported, missing, or not a string (`1.0` unquoted is a number). */
function versionMessage(document: unknown, version: string): string {
  const value = document !== null && typeof document === 'object' ? (document as Record<string, unknown>)['pactoVersion'] : undefined;
  if (value === undefined || value === null) return version === '' && value === undefined ? 'pactoVersion is required: write pactoVersion: "1.0" (or "1.1")' : unsupportedVersionMessage(version);
  if (typeof value === 'string') return unsupportedVersionMessage(version);
  // YAML reads an unquoted 1.0 as the number 1 and 1.1 as 1.1: say which string was meant.
  if (value === 1 || value === 1.1) return `pactoVersion must be a string: write "${value === 1 ? '1.0' : '1.1'}" in quotes`;
  return `pactoVersion must be a string, got ${JSON.stringify(value)}; supported versions: "1.0", "1.1"`;
}

/**
 * L1 on a generic document. Pass `hasNonFinite` from the parser when known; otherwise the document
 * is scanned for `.inf`/`.nan` values, which JSON cannot carry.
 */
export function validateStructural(document: unknown, hasNonFinite?: boolean): LayerResult {
  if (hasNonFinite !== false) {
    const conversion = jsonConversionError(document) ?? (hasNonFinite ? jsonConversionError(Number.NaN) : undefined);
    if (conversion !== undefined) return single(errorFinding('structural', 'YAML_PARSE_ERROR', '', conversion));
  }
  const version = documentVersion(document);
  const validator = VALIDATORS[version];
  if (validator === undefined) {
    return single(errorFinding('structural', 'UNSUPPORTED_PACTO_VERSION', 'pactoVersion', versionMessage(document, version)));
  }
  let valid: boolean;
  try {
    valid = validator(document);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return single(errorFinding('structural', 'SCHEMA_ERROR', '', `schema validation failed: ${detail}`));
  }
  if (valid) return { errors: [], warnings: [] };
  const all = validator.errors ?? [];
  const errors: Finding[] = [];
  const seen = new Set<string>();
  for (const error of leafErrors(all)) {
    const path = dottedPath(error.instancePath);
    const rule = ruleOf(unionBranch(error, all)?.schemaPath);
    const { message, hint } = rule === undefined ? modelAssertion(error, version) : { message: rule, hint: undefined };
    // The branches of a rule's union say one thing: once per place.
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(errorFinding('structural', 'SCHEMA_VIOLATION', path, message, hint));
  }
  return { errors, warnings: [] };
}
