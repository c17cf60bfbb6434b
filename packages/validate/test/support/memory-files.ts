import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isValidBundlePath, type BundleFS } from '@pacto/schema';

/** An in-memory bundle file tree; directories are implied by file paths. */
export function memoryFiles(entries: Record<string, string | Uint8Array>): BundleFS {
  const files = new Map<string, Uint8Array>();
  const directories = new Set<string>(['.']);
  const encoder = new TextEncoder();
  for (const [path, content] of Object.entries(entries)) {
    files.set(path, typeof content === 'string' ? encoder.encode(content) : content);
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) directories.add(parts.slice(0, i).join('/'));
  }
  return {
    stat(path) {
      if (!isValidBundlePath(path)) return undefined;
      if (files.has(path)) return 'file';
      return directories.has(path) ? 'directory' : undefined;
    },
    readFile(path) {
      return isValidBundlePath(path) ? files.get(path) : undefined;
    },
  };
}

/** Every regular file under `dir`, keyed by its slash-separated path relative to `dir`. */
export function readDirectoryEntries(dir: string, prefix = ''): Record<string, Uint8Array> {
  const entries: Record<string, Uint8Array> = {};
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) Object.assign(entries, readDirectoryEntries(dir, relative));
    else if (entry.isFile()) entries[relative] = new Uint8Array(readFileSync(join(dir, relative)));
  }
  return entries;
}
