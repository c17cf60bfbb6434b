import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];

afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh temp directory removed after the test. */
export async function tempDir(prefix = 'pacto-bundle-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Write a tree: keys ending in `/` are (empty) directories, others files with the given text or bytes. */
export async function writeTree(root: string, tree: Readonly<Record<string, string | Uint8Array>>): Promise<void> {
  for (const [path, content] of Object.entries(tree)) {
    if (path.endsWith('/')) {
      await mkdir(join(root, path), { recursive: true });
      continue;
    }
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

export const MINIMAL_CONTRACT = `pactoVersion: "1.0"
service:
  name: demo
  version: 1.2.3
`;

export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
