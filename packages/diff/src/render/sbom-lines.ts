import type { SbomChange } from '../sbom/diff-sbom.js';

/** `+ pkg@1.0.0`, `- pkg@1.0.0`, `~ pkg version: a -> b` (diff.md §8.2). */
export function sbomLine(change: SbomChange): string {
  if (change.type === 'added') return `  + ${change.package}@${change.newValue ?? ''}`;
  if (change.type === 'removed') return `  - ${change.package}@${change.oldValue ?? ''}`;
  return `  ~ ${change.package} ${change.field ?? ''}: ${change.oldValue ?? ''} -> ${change.newValue ?? ''}`;
}
