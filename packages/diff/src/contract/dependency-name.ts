import type { Dependency } from '@pacto/schema';

/**
 * A dependency's identity: its `name`, or for a 1.0 entry without one, a name derived from its ref
 * (diff.md §1.3 [decision]: scheme, digest and a tag after the last `/` dropped, last segment kept — port-safe).
 */
export function dependencyName(dep: Dependency): string {
  if (typeof dep.name === 'string' && dep.name !== '') return dep.name;
  return nameFromRef(String(dep.ref ?? ''));
}

export function nameFromRef(ref: string): string {
  let rest = ref.replace(/^(oci|file):\/\//, '');
  const at = rest.indexOf('@');
  if (at >= 0) rest = rest.slice(0, at);
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) rest = rest.slice(0, colon);
  const segment = rest.slice(rest.lastIndexOf('/') + 1);
  return segment === '' ? 'default' : segment;
}
