/** A dependency ref is local when it has no scheme or uses `file://` (diff.md §9.2). */
export function isLocalRef(ref: string): boolean {
  if (ref.startsWith('file://')) return true;
  return !/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(ref);
}

/** `short(ref)` of diff.md §9.5: the last `/` segment, a sha256 digest cut to 7 hex characters. */
export function shortRef(ref: string): string {
  const last = ref.slice(ref.lastIndexOf('/') + 1);
  return last.replace(/@sha256:([0-9a-fA-F]{7})[0-9a-fA-F]*/, '@sha256:$1');
}
