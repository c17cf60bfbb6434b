// Bounds that keep hostile input cheap (contract.md robustness: one clear message, never a stack).
/**
 * Deepest nesting of collections accepted. yaml.v3 stops at 10,000, but the `yaml` package's recursive
 * composer runs out of stack near 900 levels; no contract comes close to either.
 */
export const MAX_DEPTH = 500;
/** Node expansions through aliases allowed beyond the document's own size (billion-laughs guard). */
export const MAX_ALIAS_EXPANSION = 1_000_000;
/** Longest contract text accepted (characters): far beyond any real contract, small enough to stay cheap. */
export const MAX_CONTRACT_LENGTH = 64 * 1024 * 1024;
/**
 * Longest text the complete reader (the `yaml` package) is given: it takes about a second per megabyte, so
 * larger files must be in the plain block style the fast reader reads. Real contracts are a few kilobytes.
 */
export const MAX_COMPLETE_READER_LENGTH = 256 * 1024;
