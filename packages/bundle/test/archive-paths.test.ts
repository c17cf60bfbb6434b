import { describe, expect, it } from 'vitest';
import { BundleError, compareBundlePaths, readBundleArchive } from '../src/index.js';
import { compareBytewise } from '../src/bundle-path.js';
import { craftArchive } from './craft-archive.js';
import { MINIMAL_CONTRACT } from './helpers.js';

/** The former implementation: segment by segment, each compared as UTF-8 bytes. */
function segmentwise(a: string, b: string): number {
  const as = a.split('/');
  const bs = b.split('/');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const order = Buffer.compare(Buffer.from(as[i]!, 'utf8'), Buffer.from(bs[i]!, 'utf8'));
    if (order !== 0) return order;
  }
  return as.length - bs.length;
}

describe('archive paths', () => {
  it('orders paths as segment-wise UTF-8 comparison does, without encoding them', () => {
    const pieces = ['a', '-', '/', 'é', '\uffff', '😀'];
    const paths: string[] = [''];
    for (let depth = 0; depth < 3; depth++) for (const path of [...paths]) for (const piece of pieces) paths.push(path + piece);
    const differences: string[] = [];
    for (const a of paths) {
      for (const b of paths) {
        if (Math.sign(compareBundlePaths(a, b)) !== Math.sign(segmentwise(a, b))) differences.push(`${a} ${b}`);
        if (compareBytewise(a, b) !== Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))) differences.push(`bytes ${a} ${b}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it.each([
    ['8 KB long', `${'a/'.repeat(4096)}x`, 'is 8193 characters long (at most 1024)'],
    ['65 directories deep', `${'a/'.repeat(65)}x`, 'is more than 64 directories deep'],
  ])('refuses an entry %s with one short line, at once', async (_what, name, reason) => {
    const archive = await craftArchive([{ name: 'pacto.yaml', body: MINIMAL_CONTRACT }, { name, body: 'x' }]);
    const error = await readBundleArchive(archive).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).code).toBe('INVALID_PATH');
    expect((error as BundleError).message).toBe(`invalid path in tar: ${name.slice(0, 60)}… ${reason}`);
  }, 20_000);

  it('reads an entry 64 directories deep and 1,000 files in deep directories', async () => {
    const deep = `${'d/'.repeat(64)}x`;
    const many = Array.from({ length: 1000 }, (_, i) => ({ name: `${'s/'.repeat(30)}${i}/f`, body: 'x' }));
    const archive = await readBundleArchive(await craftArchive([{ name: 'pacto.yaml', body: MINIMAL_CONTRACT }, { name: deep, body: 'x' }, ...many]));
    expect(archive.files.has(deep)).toBe(true);
    expect(archive.files.size).toBe(1002);
  }, 20_000);
});
