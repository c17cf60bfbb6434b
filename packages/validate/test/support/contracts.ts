import type { Contract1x as Contract } from '@pacto/schema';

/** `B10` of contract.md §13 as a typed contract, with `extra` merged over it. */
export function b10(extra: Partial<Contract> = {}): Contract {
  return { pactoVersion: '1.0', service: { name: 'svc', version: '1.0.0' }, ...extra };
}

/** The `RT` runtime block of contract.md §13. */
export function rt(extra: Partial<NonNullable<Contract['runtime']>> = {}): NonNullable<Contract['runtime']> {
  return {
    workload: 'service',
    state: { type: 'stateless', persistence: { scope: 'local', durability: 'ephemeral' }, dataCriticality: 'low' },
    ...extra,
  };
}

/** `(code, path)` pairs of findings, for compact assertions. */
export function pairs(findings: readonly { code: string; path: string }[]): string[] {
  return findings.map((finding) => `${finding.code} @ ${finding.path}`);
}
