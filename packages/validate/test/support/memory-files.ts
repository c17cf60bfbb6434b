import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryBundleFS } from '@pacto/bundle';
import type { BundleFS } from '@pacto/schema';

/** An in-memory bundle file tree; directories are implied by file paths. */
export function memoryFiles(entries: Record<string, string | Uint8Array>): BundleFS {
  const encoder = new TextEncoder();
  return memoryBundleFS(
    new Map(Object.entries(entries).map(([path, content]) => [path, typeof content === 'string' ? encoder.encode(content) : content])),
  );
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
