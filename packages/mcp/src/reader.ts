import { dirname, isAbsolute, resolve } from 'node:path';
import { loadContractSource } from '@pacto/bundle';
import type { DependencyFetcher, DiffSide } from '@pacto/diff';
import { parseContract, type ContractBundle, type SourceMap } from '@pacto/schema';
import type { BundleResolver } from '@pacto/validate';
import { McpToolError } from './tool-error.js';

/** A contract as a read-only tool gets it: the bundle, its file listing and where its local refs point. */
export interface ReadContract {
  readonly bundle: ContractBundle;
  /** Every file path of the bundle (the SBOM diff looks for `sbom/*`). */
  readonly listing: readonly string[];
  /** Absolute directory that local dependency refs resolve against (diff.md §9.2). */
  readonly baseDir: string;
  /** The absolute directory, when the contract is a local directory. */
  readonly localDir?: string;
}

/**
 * How the tools read contracts named by their inputs. The default reads local directories and `.tar.gz`
 * bundles; the `pacto` CLI passes one that also pulls `oci://` references through its registry client
 * (with its cache and credentials).
 */
export interface ContractReader {
  /** Reads a `dir | file:// | .tar.gz | oci://` argument (cli.md §3.1). */
  read(ref: string): Promise<ReadContract>;
  /** Fetches the dependencies of a graph rooted at `root`; `siblings` looks for local copies first (diff.md §7). */
  dependencies(root: ReadContract, options: { readonly siblings: boolean }): DependencyFetcher;
  /** Resolves `policies[].ref` while validating (contract.md §8.1); local policies only when absent. */
  readonly policies?: BundleResolver;
}

/** A contract bundle parsed (stage P only); a parse failure is the CLI's positioned line (`<file>:<line>:<column>: …`). */
export function parseRead(read: ReadContract): { side: DiffSide; positions: SourceMap } {
  const parsed = parseContract(read.bundle.text, read.bundle.fileName);
  if (!parsed.ok) {
    const error = parsed.error;
    throw new McpToolError('CONTRACT_INVALID', error.located, { cause: error, ...(error.hint === undefined ? {} : { hint: error.hint }) });
  }
  return { side: { contract: parsed.contract, files: read.bundle.files, listing: read.listing }, positions: parsed.positions };
}

/** The reader of local contracts: directories and `.tar.gz` bundles, relative paths against `cwd`. */
export function localContractReader(cwd: string): ContractReader {
  const read = async (ref: string): Promise<ReadContract> => {
    if (ref.startsWith('oci://')) {
      throw new McpToolError('UNSUPPORTED_REFERENCE', `cannot read ${ref}: this server reads local contracts only`, {
        hint: 'run the server with `pacto mcp`, which pulls oci:// references',
      });
    }
    const path = ref.startsWith('file://') ? ref.slice('file://'.length) : ref;
    const source = await loadContractSource(isAbsolute(path) ? path : resolve(cwd, path || '.'));
    const listing = source.entries.filter((entry) => entry.kind === 'file').map((entry) => entry.path);
    const absolute = resolve(cwd, source.path);
    return source.kind === 'directory'
      ? { bundle: source, listing, baseDir: absolute, localDir: absolute }
      : { bundle: source, listing, baseDir: dirname(absolute) };
  };
  return {
    read,
    dependencies: (root) => async (request) => {
      const path = request.ref.startsWith('file://') ? request.ref.slice('file://'.length) : request.ref;
      return parseRead(await read(isAbsolute(path) || path.startsWith('oci://') ? path : resolve(root.baseDir, path))).side;
    },
    policies: { resolve: async (ref) => (await read(ref)).bundle },
  };
}
