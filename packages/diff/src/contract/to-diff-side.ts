import type { ContractBundle } from '@pacto/schema';
import { parseContract, PactoError } from '@pacto/schema';
import type { DiffSide } from './diff-side.js';

/** What the diff functions accept: an already parsed side, or a bundle whose `pacto.yaml` text is parsed here. */
export type DiffInput = DiffSide | (ContractBundle & { readonly listing?: readonly string[] });

export type DiffErrorCode = 'PARSE_FAILED' | 'GRAPH_TOO_DEEP' | 'DOCUMENT_TOO_DEEP';

/** A side that cannot be compared (its contract does not parse, a file is nested too deep), or a graph too deep to print. */
export class DiffError extends PactoError {
  override readonly name = 'DiffError';
  declare readonly code: DiffErrorCode;
  constructor(code: DiffErrorCode, message: string, options?: { cause?: unknown; hint?: string }) {
    super(code, message, options);
  }
}

/** Stage P only (diff.md §1.2: no validation layer runs); a contract that does not parse fails with its first problem and its place. */
export function toDiffSide(input: DiffInput): DiffSide {
  if ('contract' in input) return input;
  const parsed = parseContract(input.text, input.fileName);
  if (!parsed.ok) {
    const error = parsed.error;
    throw new DiffError('PARSE_FAILED', error.located, { cause: error, ...(error.hint === undefined ? {} : { hint: error.hint }) });
  }
  return { contract: parsed.contract, files: input.files, listing: input.listing, text: input.text };
}
