import { createHash } from 'node:crypto';
import { chmod, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extract as tarExtract } from 'tar-stream';
import { loadBundleDir, packBundle, packBundleTar, packBundleWithTarDigest } from '../src/index.js';
import { bytes, MINIMAL_CONTRACT, tempDir, writeTree } from './helpers.js';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

const TREE = {
  'pacto.yaml': MINIMAL_CONTRACT,
  'interfaces/openapi.yaml': 'openapi: 3.0.0\n',
  'interfaces-v2/a.yaml': 'a\n',
  'configuration/schema.json': '{"type":"object"}\n',
  'docs/empty/': '',
  [`docs/${'long-directory-name/'.repeat(8)}file.md`]: 'deep\n',
} as const;

async function headersOf(tar: Uint8Array) {
  const extract = tarExtract();
  const seen: { name: string; type: string; mode: number; uid: number; gid: number; uname: string; gname: string; mtime: number; size: number }[] = [];
  const done = (async () => {
    for await (const entry of extract) {
      const h = entry.header;
      seen.push({ name: h.name, type: h.type, mode: h.mode, uid: h.uid, gid: h.gid, uname: h.uname, gname: h.gname, mtime: h.mtime.getTime(), size: h.size });
      entry.resume();
    }
  })();
  extract.end(Buffer.from(tar));
  await done;
  return seen;
}

describe('packBundle', () => {
  it('writes depth-first byte-wise order, no trailing slash, fixed modes/owners/times, PAX for long names', async () => {
    const root = await tempDir();
    await writeTree(root, TREE);
    const bundle = await loadBundleDir(root);
    const headers = await headersOf(await packBundleTar(bundle.contents));
    expect(headers.map((h) => h.name)).toEqual([
      'configuration',
      'configuration/schema.json',
      'docs',
      'docs/empty',
      'docs/long-directory-name',
      ...Array.from({ length: 7 }, (_, i) => `docs/${'long-directory-name/'.repeat(i + 2).slice(0, -1)}`),
      `docs/${'long-directory-name/'.repeat(8)}file.md`,
      'interfaces',
      'interfaces/openapi.yaml',
      'interfaces-v2',
      'interfaces-v2/a.yaml',
      'pacto.yaml',
    ]);
    for (const h of headers) {
      expect(h).toMatchObject({ uid: 0, gid: 0, uname: '', gname: '', mtime: 0 });
      expect(h.mode).toBe(h.type === 'directory' ? 0o755 : 0o644);
      if (h.type === 'directory') expect(h.size).toBe(0);
    }
    expect(headers.find((h) => h.name === 'pacto.yaml')?.size).toBe(MINIMAL_CONTRACT.length);
  });

  it('writes a gzip header with mtime 0, no name, XFL 0 (default level) and a fixed OS byte', async () => {
    const archive = await packBundle({ files: new Map([['pacto.yaml', bytes(MINIMAL_CONTRACT)]]) });
    expect([...archive.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
    expect(Buffer.from(gunzipSync(archive)).equals(Buffer.from(await packBundleTar({ files: new Map([['pacto.yaml', bytes(MINIMAL_CONTRACT)]]) })))).toBe(true);
  });

  it('is deterministic across mtime, mode and creation order of real files', async () => {
    const first = await tempDir();
    await writeTree(first, TREE);
    const digestA = sha256(await packBundle((await loadBundleDir(first)).contents));
    const digestAgain = sha256(await packBundle((await loadBundleDir(first)).contents));

    await utimes(join(first, 'pacto.yaml'), new Date('2001-02-03'), new Date('2001-02-03'));
    await utimes(join(first, 'interfaces'), new Date('2011-02-03'), new Date('2011-02-03'));
    await chmod(join(first, 'interfaces/openapi.yaml'), 0o600);
    await chmod(join(first, 'docs/empty'), 0o700);
    const digestTouched = sha256(await packBundle((await loadBundleDir(first)).contents));

    const second = await tempDir();
    const reversed = Object.fromEntries(Object.entries(TREE).reverse());
    await writeTree(second, reversed);
    await writeFile(join(second, 'pacto.yaml'), MINIMAL_CONTRACT, { mode: 0o755 });
    const digestOtherOrder = sha256(await packBundle((await loadBundleDir(second)).contents));

    expect(digestAgain).toBe(digestA);
    expect(digestTouched).toBe(digestA);
    expect(digestOtherOrder).toBe(digestA);
  });

  it.each(['../escape', '/abs', 'a//b', './a', '.'])('refuses to write the invalid path %j', async (path) => {
    await expect(packBundle({ files: new Map([[path, bytes('x')]]) })).rejects.toMatchObject({ code: 'INVALID_PATH' });
  });

  it('refuses a file that is also a directory', async () => {
    await expect(packBundle({ files: new Map([['a', bytes('x')]]), directories: ['a'] })).rejects.toMatchObject({
      code: 'INVALID_PATH',
      message: 'invalid path in bundle: a is both a file and a directory',
    });
  });

  it('changes the digest when content changes', async () => {
    const a = await packBundle({ files: new Map([['pacto.yaml', bytes('a')]]) });
    const b = await packBundle({ files: new Map([['pacto.yaml', bytes('b')]]) });
    expect(sha256(a)).not.toBe(sha256(b));
  });

  it('keeps the tar independent of the compression level', async () => {
    const files = new Map([['pacto.yaml', bytes(MINIMAL_CONTRACT.repeat(50))]]);
    const fast = await packBundle({ files }, { level: 1 });
    const best = await packBundle({ files });
    expect(Buffer.from(gunzipSync(fast)).equals(Buffer.from(gunzipSync(best)))).toBe(true);
  });

  it('packBundleWithTarDigest gives the archive of packBundle and the digest of the uncompressed tar', async () => {
    const contents = { files: new Map([['pacto.yaml', bytes(MINIMAL_CONTRACT)], ['docs/a.md', bytes('a'.repeat(70_000))]]), directories: ['empty'] };
    for (const options of [{}, { level: 1 }]) {
      const packed = await packBundleWithTarDigest(contents, options);
      expect(Buffer.from(packed.archive).equals(Buffer.from(await packBundle(contents, options)))).toBe(true);
      expect(packed.tarDigest).toBe(`sha256:${sha256(await packBundleTar(contents))}`);
      expect(packed.tarDigest).toBe(`sha256:${sha256(gunzipSync(packed.archive))}`);
    }
  });
});
