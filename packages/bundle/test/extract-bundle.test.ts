import { readdir, readFile, stat, symlink, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundleError, extractBundle, loadBundleDir, packBundle } from '../src/index.js';
import { craftArchive } from './craft-archive.js';
import { bytes, MINIMAL_CONTRACT, tempDir, writeTree } from './helpers.js';

const MiB = 1024 * 1024;

async function listTree(root: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(root, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    out.push(entry.isDirectory() ? `${path}/` : path);
    if (entry.isDirectory()) out.push(...(await listTree(root, path)));
  }
  return out.sort();
}

describe('extractBundle', () => {
  it('round-trips pack -> extract byte-identical, with 0755 directories and 0644 files', async () => {
    const source = await tempDir();
    await writeTree(source, {
      'pacto.yaml': MINIMAL_CONTRACT,
      'interfaces/openapi.yaml': 'openapi: 3.0.0\n',
      'docs/empty/': '',
      'bin/data.bin': new Uint8Array([0, 1, 2, 255, 254]),
    });
    const archive = await packBundle((await loadBundleDir(source)).contents);
    const parent = await tempDir();
    const target = join(parent, 'out');
    const written = await extractBundle(archive, target);
    expect(written.map((e) => e.path)).toEqual(['bin', 'bin/data.bin', 'docs', 'docs/empty', 'interfaces', 'interfaces/openapi.yaml', 'pacto.yaml']);
    expect(await listTree(target)).toEqual(await listTree(source));
    for (const file of ['pacto.yaml', 'interfaces/openapi.yaml', 'bin/data.bin']) {
      expect(Buffer.compare(await readFile(join(target, file)), await readFile(join(source, file)))).toBe(0);
      expect((await stat(join(target, file))).mode & 0o777).toBe(0o644);
    }
    expect((await stat(join(target, 'docs/empty'))).mode & 0o777).toBe(0o755);
    expect(await readdir(parent)).toEqual(['out']);
  });

  it('overwrites existing files and leaves unrelated files in place', async () => {
    const target = await tempDir();
    await writeTree(target, { 'pacto.yaml': 'old\n', 'notes.txt': 'mine\n', 'interfaces/local.yaml': 'keep\n' });
    await extractBundle(
      { files: new Map([['pacto.yaml', bytes(MINIMAL_CONTRACT)], ['interfaces/openapi.yaml', bytes('x')]]) },
      target,
    );
    expect(await readFile(join(target, 'pacto.yaml'), 'utf8')).toBe(MINIMAL_CONTRACT);
    expect(await readFile(join(target, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(await listTree(target)).toEqual(['interfaces/', 'interfaces/local.yaml', 'interfaces/openapi.yaml', 'notes.txt', 'pacto.yaml']);
  });

  const malicious: [string, () => Promise<Uint8Array>, string][] = [
    ['traversal', () => craftArchive([{ name: 'pacto.yaml', body: 'a' }, { name: '../escape.txt', body: 'x' }]), 'INVALID_PATH'],
    ['absolute', () => craftArchive([{ name: 'pacto.yaml', body: 'a' }, { name: '/tmp/abs.txt', body: 'x' }]), 'INVALID_PATH'],
    ['symlink', () => craftArchive([{ name: 'pacto.yaml', body: 'a' }, { name: 'l', type: 'symlink', linkname: '/etc' }]), 'UNSUPPORTED_ENTRY_TYPE'],
    ['hardlink', () => craftArchive([{ name: 'pacto.yaml', body: 'a' }, { name: 'h', type: 'link', linkname: '/etc/passwd' }]), 'UNSUPPORTED_ENTRY_TYPE'],
    ['fifo', () => craftArchive([{ name: 'pacto.yaml', body: 'a' }, { name: 'p', type: 'fifo' }]), 'UNSUPPORTED_ENTRY_TYPE'],
    ['20,000 entries', () => craftArchive(Array.from({ length: 20_000 }, (_, i) => ({ name: `e${i}`, body: '' }))), 'TOO_MANY_ENTRIES'],
    ['60 MB total', () => craftArchive(Array.from({ length: 6 }, (_, i) => ({ name: `b${i}`, body: new Uint8Array(10 * MiB) }))), 'BUNDLE_TOO_LARGE'],
    ['11 MiB file', () => craftArchive([{ name: 'pacto.yaml', body: 'a' }, { name: 'big', body: new Uint8Array(11 * MiB) }]), 'FILE_TOO_LARGE'],
    [
      'truncated gzip',
      async () => {
        const whole = await craftArchive([{ name: 'pacto.yaml', body: 'a'.repeat(5000) }, { name: 'z', body: 'b'.repeat(5000) }]);
        return whole.subarray(0, Math.floor(whole.length / 2));
      },
      'CORRUPT_ARCHIVE',
    ],
  ];

  it.each(malicious)('refuses a %s archive and writes nothing (new or existing target)', async (_label, make, code) => {
    const archive = await make();
    const parent = await tempDir();
    const fresh = join(parent, 'fresh');
    const error = await extractBundle(archive, fresh).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).code).toBe(code);
    expect((error as BundleError).message).not.toContain('\n');
    expect(await readdir(parent)).toEqual([]);

    const existing = join(parent, 'existing');
    await writeTree(existing, { 'keep.txt': 'k' });
    await expect(extractBundle(archive, existing)).rejects.toBeInstanceOf(BundleError);
    expect(await listTree(existing)).toEqual(['keep.txt']);
    expect(await readdir(parent)).toEqual(['existing']);
  });

  it('refuses to write through a symbolic link inside the target', async () => {
    const target = await tempDir();
    const elsewhere = await tempDir();
    await writeFile(join(target, 'pacto.yaml'), 'old');
    await symlink(elsewhere, join(target, 'interfaces'));
    const files = new Map([['pacto.yaml', bytes('new')], ['interfaces/openapi.yaml', bytes('x')]]);
    await expect(extractBundle({ files }, target)).rejects.toMatchObject({ code: 'WRITE_FAILED' });
    expect(await readdir(elsewhere)).toEqual([]);
    expect(await readFile(join(target, 'pacto.yaml'), 'utf8')).toBe('old');
  });

  it('refuses a target where a directory is a file, before writing', async () => {
    const target = await tempDir();
    await writeTree(target, { interfaces: 'a file' });
    await mkdir(join(target, 'sub'));
    const files = new Map([['pacto.yaml', bytes('new')], ['interfaces/openapi.yaml', bytes('x')]]);
    await expect(extractBundle({ files }, target)).rejects.toMatchObject({ code: 'WRITE_FAILED' });
    expect(await listTree(target)).toEqual(['interfaces', 'sub/']);
  });
});
