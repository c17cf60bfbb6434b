import {
  buildValidationJson,
  formatJson,
  renderValidationText,
  validationFailedLine,
  validationFindings,
  type ReportedResult,
} from '@pacto/render';
import type { ContractBundle } from '@pacto/schema';
import { validateContract } from '@pacto/validate';
import { isCiFormat, renderCiFindings } from '../ci-output.js';
import { applyOverridesTo, loadContractArgument } from '../contract-source.js';
import { readOverrides } from '../overrides.js';
import { createCliResolver } from '../resolver.js';
import type { CommandIO } from './command-io.js';

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
  const { ref } = request;
  const overrides = await readOverrides(request.values, request.sets);
  let bundle: ContractBundle | undefined;
  let loadError: string | undefined;
  try {
    bundle = await applyOverridesTo(await loadContractArgument(ref, io.settings), overrides);
  } catch (error) {
    // A contract that cannot be read is an invalid result, not a crash (cli.md §4.2).
    loadError = (error as Error).message;
  }
  const result: ReportedResult = bundle
    ? await validateContract(bundle, { resolver: createCliResolver(io.settings), readinessGate: request.readiness })
    : { valid: false, errors: [{ path: '', code: 'PARSE_ERROR', message: loadError ?? '' }], warnings: [] };
  report(io, ref, bundle?.fileName, result);
  return result.valid ? 0 : 1;
}

function report(io: CommandIO, ref: string, fileName: string | undefined, result: ReportedResult): void {
  const format = io.settings.outputFormat;
  const failed = result.valid ? '' : `${validationFailedLine(result.errors.length)}\n`;
  if (format === 'json') {
    io.out(formatJson(buildValidationJson(ref, result)));
    io.err(failed);
    return;
  }
  if (isCiFormat(format)) {
    // CI formats: annotations on the contract file; only a local directory has a file to point at.
    const local = fileName !== undefined && !ref.startsWith('oci://') && !/\.tar\.gz$/.test(ref);
    io.out(renderCiFindings(format, validationFindings(result, local ? fileName : undefined), ref));
    io.err(failed);
    return;
  }
  const text = renderValidationText(ref, result, {
    positions: io.stderrIsTTY,
    ...(fileName ? { fileName } : {}),
  });
  io.out(text.stdout);
  io.err(text.stderr + failed);
}
