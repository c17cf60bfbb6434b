import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packBundle } from '@pacto/bundle';

export const CONTRACT = (name: string, version: string): string =>
  [
    'pactoVersion: "1.0"',
    'service:',
    `  name: ${name}`,
    `  version: ${version}`,
    '  owner: team-test',
    '',
  ].join('\n');

/** In-memory bundle files: a contract plus optional extra files. */
export function bundleFiles(name: string, version: string, extra: Record<string, Uint8Array | string> = {}): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>([['pacto.yaml', new TextEncoder().encode(CONTRACT(name, version))]]);
  for (const [path, content] of Object.entries(extra)) {
    files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }
  return files;
}

export async function bundleArchive(name: string, version: string, extra: Record<string, Uint8Array | string> = {}): Promise<Uint8Array> {
  return packBundle({ files: bundleFiles(name, version, extra) });
}

/** Four random 10 MB files: the 40 MB bundle of the fault tests and the bench. */
export function largeFiles(count = 4, size = 10 * 1000 * 1000): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < count; i++) files[`data/blob-${i}.bin`] = randomBytes(size);
  return files;
}

export function tempDir(prefix = 'pacto-oci-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

let counter = 0;
/** A fresh repository name per test, so tests sharing a registry never see each other's tags. */
export function uniqueRepo(prefix = 'test'): string {
  counter += 1;
  return `${prefix}/r${process.pid}-${Date.now().toString(36)}-${counter}`;
}
