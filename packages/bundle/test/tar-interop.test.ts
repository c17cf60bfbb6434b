import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBundle, loadBundleDir, packBundle, readBundleArchive } from '../src/index.js';
import { MINIMAL_CONTRACT, tempDir, writeTree } from './helpers.js';

const LONG_NAME = `${'x'.repeat(150)}.md`;

const TREE = {
  'pacto.yaml': MINIMAL_CONTRACT,
  'interfaces/openapi.yaml': 'openapi: 3.0.0\n',
  'docs/empty/': '',
  [`docs/${LONG_NAME}`]: 'long\n',
  'docs/überblick-文档.md': 'unicode\n',
};

describe('interoperability with GNU tar', () => {
  it('GNU tar lists and extracts what packBundle writes (long and non-ASCII names via PAX)', async () => {
    const source = await tempDir();
    await writeTree(source, TREE);
    const archivePath = join(await tempDir(), 'bundle.tar.gz');
    await writeFile(archivePath, await packBundle((await loadBundleDir(source)).contents));

    const listing = execFileSync('tar', ['-tzf', archivePath], { encoding: 'utf8' }).trim().split('\n');
    expect(listing).toEqual(['docs', 'docs/empty', `docs/${LONG_NAME}`, 'docs/überblick-文档.md', 'interfaces', 'interfaces/openapi.yaml', 'pacto.yaml']);
    const verbose = execFileSync('tar', ['--numeric-owner', '-tvzf', archivePath], { encoding: 'utf8' });
    for (const line of verbose.trim().split('\n')) expect(line).toMatch(/^(drwxr-xr-x|-rw-r--r--) 0\/0 .* 1970-01-01 00:00 /);

    const out = await tempDir();
    execFileSync('tar', ['-xzf', archivePath, '-C', out]);
    expect(await readFile(join(out, `docs/${LONG_NAME}`), 'utf8')).toBe('long\n');
    expect(await readFile(join(out, 'docs/überblick-文档.md'), 'utf8')).toBe('unicode\n');
  });

  it('reads archives GNU tar made from a real directory, with ./ prefixes and real metadata', async () => {
    const source = await tempDir();
    await writeTree(source, TREE);
    for (const [flags, name] of [
      [['-czf'], 'gnu.tar.gz'],
      [['--format=posix', '-cf'], 'pax.tar'],
      [['--format=gnu', '-czf'], 'oldgnu.tar.gz'],
    ] as const) {
      const archivePath = join(await tempDir(), name);
      execFileSync('tar', [...flags, archivePath, '-C', source, '.']);
      const archive = await readBundleArchive(await readFile(archivePath));
      expect(archive.entries.map((e) => e.path)).toEqual([
        'docs',
        'docs/empty',
        `docs/${LONG_NAME}`,
        'docs/überblick-文档.md',
        'interfaces',
        'interfaces/openapi.yaml',
        'pacto.yaml',
      ]);
      expect(new TextDecoder().decode(archive.files.get('pacto.yaml'))).toBe(MINIMAL_CONTRACT);
    }
  });

  it('round-trips through extractBundle and packs to the same digest again', async () => {
    const source = await tempDir();
    await writeTree(source, TREE);
    const first = await packBundle((await loadBundleDir(source)).contents);
    const copy = join(await tempDir(), 'copy');
    await extractBundle(first, copy);
    const second = await packBundle((await loadBundleDir(copy)).contents);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });
});
