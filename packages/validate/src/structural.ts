import { goQuote } from '@pacto/schema';
import type { ErrorObject } from 'ajv';
import { errorFinding, type Finding, type LayerResult } from './finding.js';
import { validate as validateV10 } from './generated/pacto-v1-0.js';
import { validate as validateV11 } from './generated/pacto-v1-1.js';
import { jsonConversionError } from './policies.js';
import { describeSchemaError, dottedPath, leafErrors } from './schema-errors.js';

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

/**
 * L1 on a generic document. Pass `hasNonFinite` from the parser when known; otherwise the document
 * is scanned for `.inf`/`.nan` values, which JSON cannot carry.
 */
export function validateStructural(document: unknown, hasNonFinite?: boolean): LayerResult {
  if (hasNonFinite !== false) {
    const conversion = jsonConversionError(document) ?? (hasNonFinite ? 'json: unsupported value: NaN' : undefined);
    if (conversion !== undefined) return single(errorFinding('structural', 'YAML_PARSE_ERROR', '', conversion));
  }
  const version = documentVersion(document);
  const validator = VALIDATORS[version];
  if (validator === undefined) {
    return single(errorFinding('structural', 'UNSUPPORTED_PACTO_VERSION', 'pactoVersion', unsupportedVersionMessage(version)));
  }
  let valid: boolean;
  try {
    valid = validator(document);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return single(errorFinding('structural', 'SCHEMA_ERROR', '', `schema validation failed: ${detail}`));
  }
  if (valid) return { errors: [], warnings: [] };
  const errors = leafErrors(validator.errors ?? []).map((error) =>
    errorFinding('structural', 'SCHEMA_VIOLATION', dottedPath(error.instancePath), describeSchemaError(error)),
  );
  return { errors, warnings: [] };
}
