import type { GraphResult } from '@pacto/diff';
import type { Contract, ContractBundle } from '@pacto/schema';

const NOT_FETCHED = 'oci dependency not fetched by doc';

/**
 * The dependency graph with local (`file://` or path) dependencies resolved relative to the contract's
 * directory. `oci://` dependencies are not fetched — documentation stays offline and reproducible — and
 * appear as declared.
 */
export async function resolveLocalGraph(contract: Contract, bundle: ContractBundle, ref: string, cwd: string): Promise<GraphResult> {
  const { edgesDepthFirst, resolveGraph, isLocalRef } = await import('@pacto/diff');
  const { createDependencyFetcher } = await import('./diff-sources.js');
  const baseDir = await contractDirectory(ref, cwd);
  // The document reads only the dependencies' contracts (summary, runtime, interfaces, dependencies).
  const fetchLocal = createDependencyFetcher({
    baseDir,
    contractOnly: true,
    client: () => {
      throw new Error(NOT_FETCHED);
    },
  });
  const graph = await resolveGraph({ contract, files: bundle.files }, (request) =>
    isLocalRef(request.ref) ? fetchLocal(request) : Promise.reject(new Error(NOT_FETCHED)),
  );
  for (const { edge } of edgesDepthFirst(graph.root)) if (edge.error === NOT_FETCHED) delete edge.error;
  return graph;
}

/** Directory that local dependency refs resolve against: the contract directory, an archive's directory, else cwd. */
async function contractDirectory(ref: string, cwd: string): Promise<string> {
  if (ref.startsWith('oci://')) return cwd;
  const { stat } = await import('node:fs/promises');
  const { dirname, resolve } = await import('node:path');
  const path = resolve(cwd, ref.startsWith('file://') ? ref.slice('file://'.length) : ref);
  return (await stat(path)).isDirectory() ? path : dirname(path);
}
