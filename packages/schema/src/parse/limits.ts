// Bounds that keep hostile input cheap (contract.md robustness: one clear message, never a stack).
/** Deepest nesting of collections accepted (yaml.v3 stops much later; no contract comes close). */
export const MAX_DEPTH = 1000;
/** Node expansions through aliases allowed beyond the document's own size (billion-laughs guard). */
export const MAX_ALIAS_EXPANSION = 1_000_000;
/** Longest contract text accepted (characters): far beyond any real contract, small enough to stay cheap. */
export const MAX_CONTRACT_LENGTH = 64 * 1024 * 1024;
