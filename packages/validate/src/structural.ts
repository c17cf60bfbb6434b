import { CONTRACT_RULES, SUPPORTED_PACTO_VERSIONS, unsupportedVersionDetail } from '@pacto/schema';
import type { ErrorObject } from 'ajv';
import { errorFinding, type Finding, type LayerResult } from './finding.js';
import { validator as validatorV10 } from './generated/pacto-v1-0.js';
import { validator as validatorV11 } from './generated/pacto-v1-1.js';
import { validator as validatorV12 } from './generated/pacto-v1-2.js';
import { validator as validatorV20 } from './generated/pacto-v2-0.js';
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

// Layer 1 (contract.md §5, contract-2.0.md §4): the generic document against the JSON Schema of its pactoVersion, with
// validators precompiled by scripts/generate-validators.mjs.

interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

// Each validator is built on first use (see scripts/generate-validators.mjs).
const VALIDATORS: Record<string, () => GeneratedValidator> = {
  '1.0': validatorV10 as () => GeneratedValidator,
  '1.1': validatorV11 as () => GeneratedValidator,
  '1.2': validatorV12 as () => GeneratedValidator,
  '2.0': validatorV20 as () => GeneratedValidator,
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

/** The unsupported-version message of contract.md §5 step 2 (contract-2.0.md §1). */
export function unsupportedVersionMessage(version: string): string {
  return unsupportedVersionDetail(version);
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

/** The supported versions a number stands for when written without quotes (`1.0` unquoted is the number 1). */
const UNQUOTED_VERSIONS: ReadonlyMap<number, string> = new Map(SUPPORTED_PACTO_VERSIONS.map((v) => [Number(v), v] as const));

/** Why the document's pactoVersion cannot be used: unsupported, missing, or not a string (`1.0` unquoted is a number). */
function versionMessage(document: unknown, version: string): string {
  const value = document !== null && typeof document === 'object' ? (document as Record<string, unknown>)['pactoVersion'] : undefined;
  if (value === undefined || value === null) return version === '' && value === undefined ? 'pactoVersion is required: write pactoVersion: "1.0" (or "1.1", "1.2", "2.0")' : unsupportedVersionMessage(version);
  if (typeof value === 'string') return unsupportedVersionMessage(version);
  // YAML reads an unquoted 1.0 as the number 1 and 2.0 as 2: say which string was meant.
  const meant = typeof value === 'number' ? UNQUOTED_VERSIONS.get(value) : undefined;
  if (meant !== undefined) return `pactoVersion must be a string: write "${meant}" in quotes`;
  return `pactoVersion must be a string, got ${JSON.stringify(value)}; supported versions: ${SUPPORTED_PACTO_VERSIONS.map((v) => `"${v}"`).join(', ')}`;
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
  const validator = VALIDATORS[version]?.();
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
