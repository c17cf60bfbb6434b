/** The `pactoVersion` values this implementation reads (contract.md §3.1). */
export const SUPPORTED_PACTO_VERSIONS = ['1.0', '1.1'] as const;
export type PactoVersion = (typeof SUPPORTED_PACTO_VERSIONS)[number];
