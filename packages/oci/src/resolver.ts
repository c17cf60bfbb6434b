import { contractBundleFromContents, loadBundleDir } from '@pacto/bundle';
import type { ContractBundle } from '@pacto/schema';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import { OciClient, type OciClientOptions } from './client.js';
import { OCI_LAYOUT_SCHEME } from './layout.js';
import { OCI_SCHEME } from './reference.js';

/** What validation needs to fetch `ref` contracts (policy refs, dependencies). */
export interface BundleResolver {
  resolve(ref: string): Promise<ContractBundle>;
}

export interface BundleResolverOptions extends OciClientOptions {
  /** Base directory for relative local refs (default: the process's working directory). */
  readonly cwd?: string;
  /** Share a client (and its caches) with other commands; otherwise one is created. */
  readonly client?: OciClient;
  /** Version range applied when an `oci://` ref has no tag. */
  readonly constraintFor?: (ref: string) => string | undefined;
}

/**
 * Resolves `oci://` refs through the registry client (cached) and `file://` or bare paths with `loadBundleDir`.
 * `fileName` of a pulled bundle is `<resolved ref>/pacto.yaml`.
 */
export function createBundleResolver(options: BundleResolverOptions = {}): BundleResolver & { readonly client: OciClient } {
  const client = options.client ?? new OciClient(options);
  return {
    client,
    async resolve(ref: string): Promise<ContractBundle> {
      if (ref.startsWith(OCI_SCHEME) || ref.startsWith(OCI_LAYOUT_SCHEME)) {
        const constraint = options.constraintFor?.(ref);
        const pulled = await client.pull(ref, constraint === undefined ? {} : { constraint });
        return contractBundleFromContents(pulled.contents, `${pulled.ref}/pacto.yaml`);
      }
      const path = ref.startsWith('file://') ? ref.slice('file://'.length) : ref;
      return loadBundleDir(options.cwd !== undefined && !isAbsolute(path) ? resolvePath(options.cwd, path) : path);
    },
  };
}
