import type { Owner } from '@pacto/schema';

/** Owner as people read it: the string form verbatim, else team, else dri (spec README, settled). */
export function displayOwner(owner: Owner | undefined): string | undefined {
  if (owner === undefined || owner === null) return undefined;
  if (typeof owner === 'string') return owner === '' ? undefined : owner;
  return owner.team || owner.dri || '(structured owner)';
}
