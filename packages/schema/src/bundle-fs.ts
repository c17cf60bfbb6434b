/**
 * Read access to the files of a bundle, as the validator and renderers need it.
 * Paths are bundle-relative and follow Go io/fs rules (contract.md §3.12.4):
 * unrooted, `/`-separated, no empty, `.` or `..` segments, no trailing slash.
 * Implementations return `undefined` for a path that breaks those rules.
 */
export interface BundleFS {
  /** Kind of entry at `path`, or undefined when nothing is there (or the path is not a valid bundle path). */
  stat(path: string): 'file' | 'directory' | undefined;
  /** Bytes of the regular file at `path`, or undefined when it is missing, a directory or unreadable. */
  readFile(path: string): Uint8Array | undefined;
  /** The `.pactoignore` pattern that removed `path` from the bundle, if one did. */
  excludedBy?(path: string): string | undefined;
}

/**
 * A contract with the bundle it came from: what validation, explain, doc and diff read.
 * `fileName` is the display path of the contract (e.g. `my-service/pacto.yaml`), used in messages.
 */
export interface ContractBundle {
  readonly fileName: string;
  readonly text: string;
  readonly files?: BundleFS;
}
