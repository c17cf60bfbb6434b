import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BundleError, packBundle, readBundleArchive } from '../src/index.js';
import { craftArchive } from './craft-archive.js';
import { bytes, MINIMAL_CONTRACT } from './helpers.js';

const MiB = 1024 * 1024;

async function refusal(archive: Uint8Array): Promise<BundleError> {
  const error = await readBundleArchive(archive).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BundleError);
  return error as BundleError;
}

describe('readBundleArchive', () => {
  it('reads back what packBundle wrote, empty directories included', async () => {
    const files = new Map([
      ['pacto.yaml', bytes(MINIMAL_CONTRACT)],
      ['interfaces/openapi.yaml', bytes('openapi: 3.0.0\n')],
    ]);
    const archive = await readBundleArchive(await packBundle({ files, directories: ['docs/empty'] }));
    expect([...archive.files.keys()].sort()).toEqual(['interfaces/openapi.yaml', 'pacto.yaml']);
    expect(new TextDecoder().decode(archive.files.get('pacto.yaml'))).toBe(MINIMAL_CONTRACT);
    expect(archive.entries.map((e) => `${e.kind}:${e.path}`)).toEqual([
      'directory:docs',
      'directory:docs/empty',
      'directory:interfaces',
      'file:interfaces/openapi.yaml',
      'file:pacto.yaml',
    ]);
  });

  it('accepts archives of other tools: ./ prefixes, trailing slashes, backslashes, real metadata, plain tar', async () => {
    const entries = [
      { name: './', type: 'directory' as const },
      { name: './docs/', type: 'directory' as const, mode: 0o700, uid: 1000, gid: 1000, uname: 'dev', mtime: new Date() },
      { name: './docs\\guide.md', body: 'guide\n', mode: 0o600 },
      { name: './pacto.yaml', body: MINIMAL_CONTRACT, mtime: new Date('2020-01-01') },
    ];
    for (const plain of [false, true]) {
      const archive = await readBundleArchive(await craftArchive(entries, { plain }));
      expect(archive.entries.map((e) => e.path)).toEqual(['docs', 'docs/guide.md', 'pacto.yaml']);
    }
  });

  it.each([
    ['../evil.txt', 'invalid path in tar: ../evil.txt'],
    ['docs/../../evil.txt', 'invalid path in tar: docs/../../evil.txt'],
    ['/etc/passwd', 'invalid path in tar: /etc/passwd'],
    ['..\\evil.txt', 'invalid path in tar: ..\\evil.txt'],
    ['C:/evil.txt', 'invalid path in tar: C:/evil.txt'],
  ])('refuses the traversal name %j', async (name, message) => {
    const error = await refusal(await craftArchive([{ name: 'pacto.yaml', body: MINIMAL_CONTRACT }, { name, body: 'x' }]));
    expect(error.code).toBe('INVALID_PATH');
    expect(error.message).toBe(message);
  });

  it.each([
    [{ name: 'link', type: 'symlink' as const, linkname: '/etc/passwd' }, 'unsupported tar entry type "2" for link'],
    [{ name: 'hard', type: 'link' as const, linkname: 'pacto.yaml' }, 'unsupported tar entry type "1" for hard'],
    [{ name: 'dev', type: 'character-device' as const, devmajor: 1, devminor: 3 }, 'unsupported tar entry type "3" for dev'],
    [{ name: 'blk', type: 'block-device' as const }, 'unsupported tar entry type "4" for blk'],
    [{ name: 'pipe', type: 'fifo' as const }, 'unsupported tar entry type "6" for pipe'],
  ])('refuses the entry type of %j', async (entry, message) => {
    const error = await refusal(await craftArchive([{ name: 'pacto.yaml', body: MINIMAL_CONTRACT }, entry]));
    expect(error.code).toBe('UNSUPPORTED_ENTRY_TYPE');
    expect(error.message).toBe(message);
  });

  it('refuses more than 10,000 entries', async () => {
    const entries = Array.from({ length: 20_000 }, (_, i) => ({ name: `f/${i}`, body: '' }));
    const error = await refusal(await craftArchive(entries));
    expect(error.code).toBe('TOO_MANY_ENTRIES');
    expect(error.message).toBe('the archive has more than 10000 files and directories, the limit for a bundle');
  });

  it('refuses a file over 10 MiB from its header, before inflating its data', async () => {
    const error = await refusal(await craftArchive([{ name: 'big.bin', body: new Uint8Array(60 * MiB) }]));
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toBe('file big.bin is 60 MiB, over the 10 MiB limit for one file of a bundle');
    expect(error.hint).toBeUndefined();
  });

  it('refuses more than 50 MiB in total', async () => {
    const entries = Array.from({ length: 6 }, (_, i) => ({ name: `blob${i}.bin`, body: new Uint8Array(10 * MiB) }));
    const error = await refusal(await craftArchive(entries));
    expect(error.code).toBe('BUNDLE_TOO_LARGE');
    expect(error.message).toBe('the files of the archive add up to more than 50 MiB, the limit for a bundle');
  });

  // Compressing 200 MiB takes seconds on a busy CI machine: more than the default 5 s timeout.
  it('stops inflating a gzip bomb that is not even a tar', { timeout: 60_000 }, async () => {
    const bomb = gzipSync(Buffer.alloc(200 * MiB, 0x41));
    const error = await refusal(new Uint8Array(bomb));
    expect(error.code).toBe('CORRUPT_ARCHIVE');
    expect(error.message).toMatch(/^failed to read tar entry: /);
  });

  it('stops inflating zeros appended after the end of a valid tar at the archive size cap', async () => {
    const tar = await craftArchive([{ name: 'pacto.yaml', body: MINIMAL_CONTRACT }], { plain: true });
    const bomb = gzipSync(Buffer.concat([tar, Buffer.alloc(40 * MiB)]));
    const limits = { maxEntries: 10, maxFileBytes: MiB, maxTotalBytes: MiB };
    await expect(readBundleArchive(new Uint8Array(bomb), { limits })).rejects.toMatchObject({
      code: 'BUNDLE_TOO_LARGE',
      message: 'the files of the archive add up to more than 1 MiB, the limit for a bundle',
    });
    // The same tail within the cap is just end-of-archive padding.
    const padded = gzipSync(Buffer.concat([tar, Buffer.alloc(MiB)]));
    expect((await readBundleArchive(new Uint8Array(padded), { limits })).files.size).toBe(1);
  });

  it('refuses a truncated gzip stream', async () => {
    const archive = await packBundle({ files: new Map([['pacto.yaml', bytes(MINIMAL_CONTRACT.repeat(100))]]) });
    const error = await refusal(archive.subarray(0, archive.length - 20));
    expect(error.code).toBe('CORRUPT_ARCHIVE');
    expect(error.message).toMatch(/^failed to read (tar entry|pacto\.yaml): /);
  });

  it('refuses a corrupt gzip header and a plain non-tar', async () => {
    const corrupt = new Uint8Array([0x1f, 0x8b, 0x08, 0xff, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect((await refusal(corrupt)).message).toMatch(/^failed to read tar entry: gzip: /);
    const text = new Uint8Array(Buffer.alloc(1024, 'x'));
    expect((await refusal(text)).message).toMatch(/^failed to read tar entry: /);
  });

  it('refuses a path that is both a file and a directory', async () => {
    const error = await refusal(await craftArchive([{ name: 'a', body: 'x' }, { name: 'a/b', body: 'y' }]));
    expect(error.code).toBe('INVALID_PATH');
  });
});
