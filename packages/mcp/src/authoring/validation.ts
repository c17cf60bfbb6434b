import type { BundleFS } from '@pacto/schema';
import { validateContract, type Finding, type ValidationResult } from '@pacto/validate';
import { McpToolError } from '../tool-error.js';
import { summarize, type ContractSummary } from './summary.js';

/** What pacto_create and pacto_edit return in common. */
export interface WriteResult {
  /** The contract file, as the working directory sees it (`payments/pacto.yaml`). */
  readonly path: string;
  readonly dryRun: boolean;
  /** The files written (none on a dry run), pacto.yaml last. */
  readonly files: readonly string[];
  readonly summary: ContractSummary;
  readonly warnings: readonly FindingJson[];
  /** The contract text, on a dry run. */
  readonly contract?: string;
}

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

/**
 * Validates a contract text with the files a tool is about to write laid over `base` (local mode, as `pack`), and
 * throws unless it is valid. Returns the parts of a WriteResult that come from the validation.
 */
export async function validateBeforeWriting(
  what: string,
  display: string,
  text: string,
  base: BundleFS | undefined,
  files: ReadonlyMap<string, string | Uint8Array>,
): Promise<Pick<WriteResult, 'summary' | 'warnings'>> {
  const encoded = new Map([...files].map(([path, content]) => [path, typeof content === 'string' ? new TextEncoder().encode(content) : content] as const));
  const result = await validateContract({ fileName: display, text, files: overlayBundleFS(base, encoded) });
  requireValid(result, what);
  return { summary: summarize(result.contract!), warnings: result.warnings.map(findingJson) };
}
