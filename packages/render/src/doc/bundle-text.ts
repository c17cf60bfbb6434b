import type { BundleFS } from '@pacto/schema';

export type BundleText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** Text of a bundle file, or why it cannot be read, worded for a note in the document. */
export function readBundleText(files: BundleFS | undefined, path: string): BundleText {
  if (!files) return { ok: false, reason: `${path} not found (no bundle files were given)` };
  const kind = files.stat(path);
  if (kind === undefined) return { ok: false, reason: `${path} not found in the bundle` };
  if (kind === 'directory') return { ok: false, reason: `${path} is a directory` };
  const bytes = files.readFile(path);
  if (!bytes) return { ok: false, reason: `${path} could not be read` };
  return { ok: true, text: new TextDecoder().decode(bytes) };
}
