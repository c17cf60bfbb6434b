import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createBundleArchiveReader, packBundle, packBundleTar, readBundleArchive } from '../src/index.js';
import { craftArchive } from './craft-archive.js';
import { bytes, MINIMAL_CONTRACT } from './helpers.js';

const MiB = 1024 * 1024;

function slices(archive: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let offset = 0; offset < archive.length; offset += size) out.push(archive.subarray(offset, offset + size));
  return out;
}

describe('createBundleArchiveReader', () => {
  const files = new Map([
    ['pacto.yaml', bytes(MINIMAL_CONTRACT)],
    ['data/a.bin', new Uint8Array(randomBytes(3 * MiB + 17))],
    ['data/b.bin', new Uint8Array(randomBytes(700_001))],
  ]);

  it.each([511, 64 * 1024, 10 * MiB])('reads an archive fed in %i-byte chunks like the whole buffer', async (size) => {
    for (const archive of [await packBundle({ files, directories: ['docs/empty'] }), await packBundleTar({ files })]) {
      const reader = createBundleArchiveReader();
      // A 1-byte first chunk leaves the gzip magic undecided until the second.
      reader.write(archive.subarray(0, 1));
      for (const chunk of slices(archive.subarray(1), size)) reader.write(chunk);
      const streamed = await reader.end();
      const whole = await readBundleArchive(archive);
      expect(streamed.entries).toEqual(whole.entries);
      for (const [path, data] of files) expect(Buffer.from(streamed.files.get(path) ?? []).equals(Buffer.from(data))).toBe(true);
    }
  });

  it('rejects after abort, even when every byte arrived', async () => {
    const archive = await packBundle({ files });
    const reader = createBundleArchiveReader();
    reader.write(archive);
    reader.abort();
    await expect(reader.end()).rejects.toMatchObject({ code: 'CORRUPT_ARCHIVE', message: 'failed to read tar entry: reading was aborted' });
  });

  it('stops at the first violation and ignores what is written afterwards', async () => {
    const archive = await craftArchive([
      { name: 'pacto.yaml', body: MINIMAL_CONTRACT },
      { name: '../evil.txt', body: 'x' },
      { name: 'more.bin', body: new Uint8Array(2 * MiB) },
    ]);
    const reader = createBundleArchiveReader();
    const chunks = slices(archive, 100);
    for (const chunk of chunks) reader.write(chunk);
    await expect(reader.end()).rejects.toMatchObject({ code: 'INVALID_PATH', message: 'invalid path in tar: ../evil.txt' });
  });

  it('refuses a file whose header announces more than the limit before allocating or inflating it', async () => {
    const limits = { maxEntries: 10, maxFileBytes: MiB, maxTotalBytes: 2 * MiB };
    const archive = await craftArchive([{ name: 'big.bin', body: new Uint8Array(MiB + 1) }]);
    const reader = createBundleArchiveReader({ limits });
    reader.write(archive.subarray(0, 600));
    await expect(reader.end()).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', message: 'file big.bin is over the 1 MiB limit for one file of a bundle' });
  });

  it('names the file being read when the stream ends inside it', async () => {
    const archive = await packBundleTar({ files });
    const reader = createBundleArchiveReader();
    reader.write(archive.subarray(0, 4096));
    await expect(reader.end()).rejects.toMatchObject({ code: 'CORRUPT_ARCHIVE', message: expect.stringMatching(/^failed to read data\/a\.bin: /) });
  });

  it('reads an empty stream as a tree without files, as readBundleArchive does', async () => {
    const reader = createBundleArchiveReader();
    expect((await reader.end()).files.size).toBe((await readBundleArchive(new Uint8Array())).files.size);
  });
});
