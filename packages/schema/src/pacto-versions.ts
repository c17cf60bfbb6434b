/** The `pactoVersion` values this implementation reads (contract.md §3.1, contract-2.0.md §1). */
export const SUPPORTED_PACTO_VERSIONS = ['1.0', '1.1', '1.2', '2.0'] as const;
export type PactoVersion = (typeof SUPPORTED_PACTO_VERSIONS)[number];

/** The format a version text selects for typed decoding: 1.2 and 2.0 have their own models, all else is 1.x. */
export type ContractFormat = '1.x' | '1.2' | '2.0';

export function formatOfVersion(text: string): ContractFormat {
  return text === '2.0' ? '2.0' : text === '1.2' ? '1.2' : '1.x';
}
