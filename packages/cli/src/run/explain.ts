import { buildExplainJson, formatJson, renderExplainText } from '@pacto/render';
import { evaluateContractReadiness } from '@pacto/validate';
import { loadParsedContract } from '../load-contract.js';
import { readOverrides } from '../overrides.js';
import type { CommandIO } from './command-io.js';

export interface ExplainRequest {
  readonly ref: string;
  readonly values: readonly string[];
  readonly sets: readonly string[];
}

/** The work of `pacto explain` (see run/validate.ts for why it is a module of its own). */
export async function runExplain(io: CommandIO, request: ExplainRequest): Promise<number> {
  const overrides = await readOverrides(request.values, request.sets);
  const { contract } = await loadParsedContract(request.ref, overrides, io.settings);
  const readiness = contract.readiness ? evaluateContractReadiness(contract, new Date()) : undefined;
  io.out(io.settings.outputFormat === 'json' ? formatJson(buildExplainJson(contract, readiness)) : renderExplainText(contract, readiness));
  return 0;
}
