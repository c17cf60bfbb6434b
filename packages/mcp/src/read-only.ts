import { buildDiffJson, buildDiffReport, buildGraphJson, resolveGraph } from '@pacto/diff';
import { buildExplainJson } from '@pacto/render';
import { evaluateContractReadiness } from '@pacto/validate';
import { parseRead, type ContractReader } from './reader.js';
import { McpToolError } from './tool-error.js';

// The read-only tools beyond the spec: the JSON of `pacto explain`, `pacto diff` and `pacto graph`, built by
// the same library calls the commands make.

/** `pacto explain <path> --output-format json`. */
export async function explainContract(path: string | undefined, reader: ContractReader, now = new Date()): Promise<Record<string, unknown>> {
  const { contract } = parseRead(await reader.read(path || '.')).side;
  return buildExplainJson(contract, contract.readiness ? evaluateContractReadiness(contract, now) : undefined);
}

/** `pacto diff <old> <new> --output-format json`. */
export async function compareContracts(oldRef: string, newRef: string | undefined, reader: ContractReader): Promise<Record<string, unknown>> {
  const newPath = newRef || '.';
  const load = async (which: 'old' | 'new', ref: string) => {
    try {
      const read = await reader.read(ref);
      return { read, side: parseRead(read).side };
    } catch (error) {
      throw new McpToolError('CONTRACT_INVALID', `${which} contract: ${(error as Error).message}`, { cause: error });
    }
  };
  const before = await load('old', oldRef);
  const after = await load('new', newPath);
  const [oldGraph, newGraph] = await Promise.all([
    resolveGraph(before.side, reader.dependencies(before.read, { siblings: false })),
    resolveGraph(after.side, reader.dependencies(after.read, { siblings: after.read.localDir !== undefined })),
  ]);
  return buildDiffJson(buildDiffReport({ oldPath: oldRef, newPath, old: before.side, new: after.side, oldGraph, newGraph }));
}

/** `pacto graph <path> --output-format json`. */
export async function graphContract(
  path: string | undefined,
  reader: ContractReader,
  references: 'none' | 'with' | 'only' = 'none',
): Promise<Record<string, unknown>> {
  const read = await reader.read(path || '.');
  const graph = await resolveGraph(parseRead(read).side, reader.dependencies(read, { siblings: false }), { references });
  return buildGraphJson(graph);
}
