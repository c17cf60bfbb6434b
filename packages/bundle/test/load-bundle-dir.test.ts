import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundleError, loadBundleDir } from '../src/index.js';
import { MINIMAL_CONTRACT, tempDir, writeTree } from './helpers.js';

async function loadError(dir: string): Promise<BundleError> {
  const error = await loadBundleDir(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BundleError);
  return error as BundleError;
}

describe('loadBundleDir', () => {
  it('loads the contract text, a BundleFS and sorted entries including empty directories', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'pacto.yaml': MINIMAL_CONTRACT,
      'interfaces/openapi.yaml': 'openapi: 3.0.0\n',
      'interfaces-v2/x.yaml': 'x\n',
      'docs/empty/': '',
      'B.md': 'upper case sorts first\n',
    });
    const bundle = await loadBundleDir(root);
    expect(bundle.fileName).toBe(join(root, 'pacto.yaml'));
    expect(bundle.text).toBe(MINIMAL_CONTRACT);
    expect(bundle.entries).toEqual([
      { path: 'B.md', kind: 'file' },
      { path: 'docs', kind: 'directory' },
      { path: 'docs/empty', kind: 'directory' },
      { path: 'interfaces', kind: 'directory' },
      { path: 'interfaces/openapi.yaml', kind: 'file' },
      { path: 'interfaces-v2', kind: 'directory' },
      { path: 'interfaces-v2/x.yaml', kind: 'file' },
      { path: 'pacto.yaml', kind: 'file' },
    ]);
    expect(bundle.files.stat('docs/empty')).toBe('directory');
    expect(bundle.files.stat('interfaces/openapi.yaml')).toBe('file');
    expect(bundle.files.stat('./interfaces/openapi.yaml')).toBeUndefined();
  });

  it('names the contract file like Go filepath.Join', async () => {
    const root = await tempDir();
    await writeTree(root, { 'svc/pacto.yaml': MINIMAL_CONTRACT });
    const cwd = process.cwd();
    process.chdir(root);
    try {
      expect((await loadBundleDir('svc/')).fileName).toBe('svc/pacto.yaml');
      expect((await loadBundleDir('./svc')).fileName).toBe('svc/pacto.yaml');
    } finally {
      process.chdir(cwd);
    }
  });

  it('reports a missing path with the Go stat text', async () => {
    const root = await tempDir();
    const missing = join(root, 'nope');
    const error = await loadError(missing);
    expect(error.code).toBe('PATH_NOT_FOUND');
    expect(error.message).toBe(`failed to access ${missing}: no such file or directory`);
  });

  it('reports a regular file (such as a packed archive) as not a directory', async () => {
    const root = await tempDir();
    await writeTree(root, { 'svc-1.0.0.tar.gz': 'not a dir' });
    const path = join(root, 'svc-1.0.0.tar.gz');
    const error = await loadError(path);
    expect(error.code).toBe('NOT_A_DIRECTORY');
    expect(error.message).toBe(`${path} is not a directory`);
  });

  it('reports a directory without pacto.yaml', async () => {
    const root = await tempDir();
    await writeTree(root, { 'pacto.yml': MINIMAL_CONTRACT });
    const error = await loadError(root);
    expect(error.code).toBe('CONTRACT_NOT_FOUND');
    expect(error.message).toBe(`no pacto.yaml found in ${root}`);
  });

  it('reports an unreadable pacto.yaml', async () => {
    const root = await tempDir();
    await writeTree(root, { 'pacto.yaml/': '' });
    const error = await loadError(root);
    expect(error.code).toBe('CONTRACT_UNREADABLE');
    expect(error.message).toBe(`failed to read ${root}/pacto.yaml: is a directory`);
  });

  it('rejects a symbolic link with its relative path', async () => {
    const root = await tempDir();
    await writeTree(root, { 'pacto.yaml': MINIMAL_CONTRACT, 'docs/real.md': 'x' });
    await symlink('real.md', join(root, 'docs/link.md'));
    const error = await loadError(root);
    expect(error.code).toBe('UNSUPPORTED_FILE_TYPE');
    expect(error.message).toBe('unsupported file type for docs/link.md: symlink');
  });

  it('rejects a FIFO and a socket', async () => {
    const root = await tempDir();
    await writeTree(root, { 'pacto.yaml': MINIMAL_CONTRACT });
    execFileSync('mkfifo', [join(root, 'pipe')]);
    expect((await loadError(root)).message).toBe('unsupported file type for pipe: fifo');

    const other = await tempDir();
    await writeTree(other, { 'pacto.yaml': MINIMAL_CONTRACT });
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(other, 'sock'), resolve));
    try {
      expect((await loadError(other)).message).toBe('unsupported file type for sock: socket');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('does not reject unsupported entries that .pactoignore excludes', async () => {
    const root = await tempDir();
    await writeTree(root, { 'pacto.yaml': MINIMAL_CONTRACT, '.pactoignore': 'links/\n', 'links/': '' });
    await symlink('/etc/passwd', join(root, 'links/passwd'));
    const bundle = await loadBundleDir(root);
    expect(bundle.entries.map((e) => e.path)).toEqual(['pacto.yaml']);
  });

  it('applies defaults and user rules, ancestor-aware, and records the excluding pattern', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'pacto.yaml': MINIMAL_CONTRACT,
      '.pactoignore': 'interfaces/\n!interfaces/openapi.yaml\n*.log\npacto.yaml\n/drafts\n!keep.log\n',
      '.git/HEAD': 'ref\n',
      'pacto.lock': 'lock\n',
      'interfaces/openapi.yaml': 'openapi: 3.0.0\n',
      'docs/debug.log': 'x',
      'docs/keep.log': 'x',
      'docs/drafts/a.md': 'x',
      'drafts/b.md': 'x',
      'schema.json': '{}',
    });
    const bundle = await loadBundleDir(root);
    expect(bundle.entries.map((e) => e.path)).toEqual([
      'docs',
      'docs/drafts',
      'docs/drafts/a.md',
      'docs/keep.log',
      'pacto.yaml',
      'schema.json',
    ]);
    expect(bundle.excluded).toEqual([
      { path: '.git', kind: 'directory', pattern: '.git/' },
      { path: '.pactoignore', kind: 'file', pattern: '.pactoignore' },
      { path: 'docs/debug.log', kind: 'file', pattern: '*.log' },
      { path: 'drafts', kind: 'directory', pattern: '/drafts' },
      { path: 'interfaces', kind: 'directory', pattern: 'interfaces/' },
      { path: 'pacto.lock', kind: 'file', pattern: 'pacto.lock' },
    ]);
    // FILE_NOT_FOUND hint data: the negation cannot re-include a file inside an excluded directory.
    expect(bundle.files.stat('interfaces/openapi.yaml')).toBeUndefined();
    expect(bundle.files.excludedBy?.('interfaces/openapi.yaml')).toBe('interfaces/');
    expect(bundle.files.excludedBy?.('docs/debug.log')).toBe('*.log');
    expect(bundle.files.excludedBy?.('interfaces/missing.yaml')).toBeUndefined();
    expect(bundle.files.excludedBy?.('schema.json')).toBeUndefined();
  });

  it('refuses too many entries before reading file contents', async () => {
    const root = await tempDir();
    await writeTree(root, { 'pacto.yaml': MINIMAL_CONTRACT, 'a.txt': 'a', 'b.txt': 'b', 'c.txt': 'c' });
    const limits = { maxEntries: 3, maxFileBytes: 100, maxTotalBytes: 1000 };
    await expect(loadBundleDir(root, { limits })).rejects.toMatchObject({
      code: 'TOO_MANY_ENTRIES',
      message: 'the bundle has more than 3 files and directories, the limit for a bundle',
      hint: 'leave generated or vendored directories out with .pactoignore, e.g. "node_modules/"',
    });
  });

  it('refuses a file over the size limit and a bundle over the total limit', async () => {
    const root = await tempDir();
    await writeTree(root, { 'pacto.yaml': MINIMAL_CONTRACT });
    await mkdir(join(root, 'data'));
    await writeFile(join(root, 'data/big.bin'), Buffer.alloc(30 * 1024 * 1024));
    await expect(loadBundleDir(root)).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: `file ${join(root, 'data/big.bin')} is 30 MiB, over the 10 MiB limit for one file of a bundle`,
      hint: 'leave it out of the bundle with a line in .pactoignore such as "data/big.bin"',
    });
    await writeFile(join(root, 'data/big.bin'), Buffer.alloc(10 * 1024 * 1024 + 1));
    await expect(loadBundleDir(root)).rejects.toMatchObject({
      message: `file ${join(root, 'data/big.bin')} is over the 10 MiB limit for one file of a bundle`,
    });

    const many = await tempDir();
    await writeTree(many, { 'pacto.yaml': MINIMAL_CONTRACT });
    await mkdir(join(many, 'blobs'));
    for (let i = 0; i < 6; i++) await writeFile(join(many, `blobs/${i}.bin`), Buffer.alloc(9 * 1024 * 1024));
    await expect(loadBundleDir(many)).rejects.toMatchObject({
      code: 'BUNDLE_TOO_LARGE',
      message: 'the files of the bundle add up to more than 50 MiB, the limit for a bundle',
      hint: 'leave large or generated files out with .pactoignore',
    });
  });
});
