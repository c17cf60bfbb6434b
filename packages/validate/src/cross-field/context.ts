import type { BundleFS } from '@pacto/schema';
import { errorFinding, warningFinding, type CrossFieldCode, type LayerResult } from '../finding.js';

/** Collects the findings of L2 in rule order. */
export interface CrossFieldContext {
  readonly files: BundleFS | undefined;
  readonly result: LayerResult;
  error(code: CrossFieldCode, path: string, message: string): void;
  warning(code: CrossFieldCode, path: string, message: string): void;
}

export function createContext(files: BundleFS | undefined): CrossFieldContext {
  const result: LayerResult = { errors: [], warnings: [] };
  return {
    files,
    result,
    error(code, path, message) {
      result.errors.push(errorFinding('cross-field', code, path, message));
    },
    warning(code, path, message) {
      result.warnings.push(warningFinding('cross-field', code, path, message));
    },
  };
}
