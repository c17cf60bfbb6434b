import type { BundleFS } from '@pacto/schema';
import type { Finding, ValidationResult } from '@pacto/validate';
import { McpToolError } from '../tool-error.js';

/** A finding as the tools return it: the validator's fields, camelCase, position when known. */
export interface FindingJson {
  readonly path: string;
  readonly code: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;
}

export function findingJson(finding: Finding): FindingJson {
  const hint = (finding as { hint?: unknown }).hint;
  return {
    path: finding.path,
    code: finding.code,
    message: finding.message,
    ...(finding.line === undefined ? {} : { line: finding.line }),
    ...(finding.column === undefined ? {} : { column: finding.column }),
    ...(typeof hint === 'string' && hint !== '' ? { hint } : {}),
  };
}

/** `[CODE] path: message`, the way `pacto validate` lists a finding. */
function findingLine(finding: Finding): string {
  return `[${finding.code}] ${finding.path === '' ? '' : `${finding.path}: `}${finding.message}`;
}

/** Throws when the result has errors: `<what> fails validation: <finding>; <finding>` (nothing was written). */
export function requireValid(result: ValidationResult, what: string): void {
  if (result.valid) return;
  const count = result.errors.length;
  throw new McpToolError('CONTRACT_INVALID', `${what} fails validation with ${count} error(s): ${result.errors.map(findingLine).join('; ')}`, {
    hint: 'nothing was written; change the inputs and call the tool again',
  });
}

/** The files of `base` with some replaced or added: how an edit is validated before it is written. */
export function overlayBundleFS(base: BundleFS | undefined, changed: ReadonlyMap<string, Uint8Array>): BundleFS {
  const directories = new Set<string>();
  for (const path of changed.keys()) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) directories.add(parts.slice(0, i).join('/'));
  }
  return {
    stat: (path) => (changed.has(path) ? 'file' : (base?.stat(path) ?? (directories.has(path) ? 'directory' : undefined))),
    readFile: (path) => changed.get(path) ?? base?.readFile(path),
    excludedBy: (path) => (changed.has(path) ? undefined : base?.excludedBy?.(path)),
  };
}
