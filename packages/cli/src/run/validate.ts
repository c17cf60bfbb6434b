import {
  buildValidationJson,
  formatJson,
  renderValidationText,
  validationFailedLine,
  validationFindings,
  type ReportedResult,
} from '@pacto/render';
import { isBundleArchivePath } from '@pacto/bundle';
import { isPactoError, type Contract, type ContractBundle } from '@pacto/schema';
import { validateContract } from '@pacto/validate';
import { isCiFormat, renderCiFindings } from '../ci-output.js';
import { applyOverridesTo, loadContractArgument } from '../contract-source.js';
import { readOverrides } from '../overrides.js';
import { verifyLockIfPresent } from '../lock-check.js';
import { createCliResolver } from '../resolver.js';
import { validationTextOptions } from '../finding-frames.js';
import type { CommandIO } from './command-io.js';
import { useSchemaCodeCache } from '../schema-code-store.js';

export interface ValidateRequest {
  readonly ref: string;
  readonly readiness: boolean;
  readonly values: readonly string[];
  readonly sets: readonly string[];
}

/**
 * The work of `pacto validate`. Static named imports (the command class loads this module
 * with one dynamic import) let the bundler keep only the library code validate uses.
 */
export async function runValidate(io: CommandIO, request: ValidateRequest): Promise<number> {
  useSchemaCodeCache(process.env);
  const { ref } = request;
  const overrides = await readOverrides(request.values, request.sets);
  let bundle: ContractBundle | undefined;
  let loadError: unknown;
  try {
    bundle = await applyOverridesTo(await loadContractArgument(ref, io.settings), overrides);
  } catch (error) {
    // A contract that cannot be read is an invalid result, not a crash (cli.md §4.2).
    loadError = error;
  }
  let result: ReportedResult & { readonly contract?: Contract } = bundle
    ? await validateContract(bundle, { resolver: createCliResolver(io.settings), readinessGate: request.readiness })
    : { valid: false, errors: [loadFinding(loadError)], warnings: [] };
  if (result.contract) result = await withLockFinding(result, ref, result.contract, io);
  report(io, ref, bundle, result);
  return result.valid ? 0 : 1;
}

/** Bundle limits keep their own code; any other failure to read the contract is a PARSE_ERROR (cli.md §4.2). */
const OWN_CODES = new Set(['FILE_TOO_LARGE', 'BUNDLE_TOO_LARGE', 'TOO_MANY_ENTRIES']);

/** The finding of a contract that could not be read, with the error's hint. */
function loadFinding(error: unknown): ReportedResult['errors'][number] {
  const message = error instanceof Error ? error.message : String(error);
  const hint = isPactoError(error) ? error.hint : undefined;
  const code = isPactoError(error) && OWN_CODES.has(error.code) ? error.code : 'PARSE_ERROR';
  return { path: '', code, message, ...(hint === undefined ? {} : { hint }) };
}

/** A `pacto.lock` beside a local contract is verified (cli.md §4.11); drift is one more error, with its LOCK_* code. */
async function withLockFinding(result: ReportedResult, ref: string, contract: Contract, io: CommandIO): Promise<ReportedResult> {
  try {
    await verifyLockIfPresent(ref, contract, process.cwd(), async () => (await import('../oci-session.js')).sharedOciClient(io.settings));
    return result;
  } catch (error) {
    if (!isPactoError(error) || !error.code.startsWith('LOCK_')) throw error;
    const message = error.message.startsWith(`${error.code}: `) ? error.message.slice(error.code.length + 2) : error.message;
    const finding = { path: 'pacto.lock', code: error.code, message, ...(error.hint === undefined ? {} : { hint: error.hint }) };
    return { ...result, valid: false, errors: [...result.errors, finding] };
  }
}

function report(io: CommandIO, ref: string, bundle: ContractBundle | undefined, result: ReportedResult): void {
  const fileName = bundle?.fileName;
  const format = io.settings.outputFormat;
  const failed = result.valid ? '' : `${validationFailedLine(result.errors.length)}\n`;
  if (format === 'json') {
    io.out(formatJson(buildValidationJson(ref, result)));
    io.err(failed);
    return;
  }
  if (isCiFormat(format)) {
    // CI formats: annotations on the contract file; only a local directory has a file to point at.
    const local = fileName !== undefined && !ref.startsWith('oci://') && !isBundleArchivePath(ref);
    io.out(renderCiFindings(format, validationFindings(result, local ? fileName : undefined), ref));
    io.err(failed);
    return;
  }
  const text = renderValidationText(ref, result, validationTextOptions(bundle, io.stderrIsTTY));
  io.out(text.stdout);
  io.err(text.stderr + failed);
}
