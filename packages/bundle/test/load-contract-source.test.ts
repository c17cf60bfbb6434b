import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBundleArchivePath, loadBundleDir, loadContractSource, packBundle } from '../src/index.js';
import { craftArchive } from './craft-archive.js';
import { MINIMAL_CONTRACT, tempDir, writeTree } from './helpers.js';

describe('loadContractSource', () => {
  it('reads a directory, also through file://', async () => {
    const root = await tempDir();
    await writeTree(root, { 'pacto.yaml': MINIMAL_CONTRACT, 'docs/a.md': 'a' });
    for (const arg of [root, `file://${root}`]) {
      const source = await loadContractSource(arg);
      expect(source).toMatchObject({ kind: 'directory', path: root, text: MINIMAL_CONTRACT, fileName: join(root, 'pacto.yaml') });
      expect(source.files.stat('docs/a.md')).toBe('file');
    }
  });

  it('reads a .tar.gz bundle made by pack', async () => {
    const root = await tempDir();
    await writeTree(root, { 'pacto.yaml': MINIMAL_CONTRACT, 'interfaces/openapi.yaml': 'openapi: 3.0.0\n' });
    const archive = join(root, 'demo-1.2.3.tar.gz');
    await writeFile(archive, await packBundle((await loadBundleDir(root)).contents));
    const source = await loadContractSource(archive);
    expect(source).toMatchObject({ kind: 'archive', path: archive, text: MINIMAL_CONTRACT, fileName: `${archive}/pacto.yaml` });
    expect(source.files.stat('interfaces/openapi.yaml')).toBe('file');
    expect(source.entries.map((e) => e.path)).toEqual(['interfaces', 'interfaces/openapi.yaml', 'pacto.yaml']);
  });

  it('reads a .tgz bundle like a .tar.gz one', async () => {
    const root = await tempDir();
    await writeTree(root, { 'pacto.yaml': MINIMAL_CONTRACT });
    const archive = join(root, 'demo.tgz');
    await writeFile(archive, await packBundle((await loadBundleDir(root)).contents));
    expect(isBundleArchivePath(archive)).toBe(true);
    expect(await loadContractSource(archive)).toMatchObject({ kind: 'archive', path: archive, fileName: `${archive}/pacto.yaml` });
  });

  it('keeps the hint of a limit met inside an archive, and names the archive', async () => {
    const root = await tempDir();
    const archive = join(root, 'many.tgz');
    await writeFile(archive, await craftArchive([{ name: 'pacto.yaml', body: MINIMAL_CONTRACT }, { name: 'a', body: 'a' }]));
    const limits = { maxEntries: 1, maxFileBytes: 100, maxTotalBytes: 1000 };
    await expect(loadContractSource(archive, { limits })).rejects.toMatchObject({
      code: 'TOO_MANY_ENTRIES',
      message: `failed to read bundle ${archive}: the archive has more than 1 file or directory, the limit for a bundle`,
    });
  });

  it('says how to create a contract where there is none', async () => {
    const root = await tempDir();
    await expect(loadContractSource(root)).rejects.toMatchObject({
      code: 'CONTRACT_NOT_FOUND',
      message: `no pacto.yaml found in ${root}`,
      hint: 'run `pacto init <name>` to create one',
    });
  });

  it('reports an archive without pacto.yaml and a malicious archive with the path', async () => {
    const root = await tempDir();
    const empty = join(root, 'empty.tar.gz');
    await writeFile(empty, await craftArchive([{ name: 'docs/a.md', body: 'a' }]));
    await expect(loadContractSource(empty)).rejects.toMatchObject({
      code: 'MISSING_CONTRACT',
      message: `failed to read bundle ${empty}: bundle missing pacto.yaml: open pacto.yaml: file does not exist`,
    });
    const evil = join(root, 'evil.tar.gz');
    await writeFile(evil, await craftArchive([{ name: '../x', body: 'a' }]));
    await expect(loadContractSource(evil)).rejects.toMatchObject({
      code: 'INVALID_PATH',
      message: `failed to read bundle ${evil}: invalid path in tar: ../x`,
    });
  });

  it('uses the directory rules for anything else, including a missing .tar.gz and other files', async () => {
    const root = await tempDir();
    const missing = join(root, 'gone.tar.gz');
    await expect(loadContractSource(missing)).rejects.toMatchObject({
      code: 'PATH_NOT_FOUND',
      message: `failed to access ${missing}: no such file or directory`,
    });
    const zip = join(root, 'bundle.zip');
    await writeFile(zip, 'PK');
    await expect(loadContractSource(zip)).rejects.toMatchObject({
      code: 'NOT_A_DIRECTORY',
      message: `${zip} is not a directory`,
      hint: 'name the directory that holds pacto.yaml, or a bundle archive ending in .tar.gz or .tgz',
    });
  });

  it('defaults to the current directory', async () => {
    const root = await tempDir();
    await writeTree(root, { 'pacto.yaml': MINIMAL_CONTRACT });
    const cwd = process.cwd();
    process.chdir(root);
    try {
      expect(await loadContractSource(undefined)).toMatchObject({ path: '.', fileName: 'pacto.yaml' });
      expect(await loadContractSource('')).toMatchObject({ path: '.', fileName: 'pacto.yaml' });
    } finally {
      process.chdir(cwd);
    }
  });
});
