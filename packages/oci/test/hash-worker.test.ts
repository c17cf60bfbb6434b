import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HashWorker } from '../src/hash-worker.js';

const sha256 = (bytes: Uint8Array): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

describe('HashWorker', () => {
  it('hashes a shared buffer range by range, several jobs at once, as crypto does on this thread', async () => {
    const worker = new HashWorker();
    try {
      const inputs = [randomBytes(3_000_001), randomBytes(10), Buffer.alloc(0)];
      const digests = inputs.map((input) => {
        const shared = new SharedArrayBuffer(input.length);
        Buffer.from(shared).set(input);
        const job = worker.open(shared);
        for (let start = 0; start < input.length; start += 65_537) job.update(start, Math.min(input.length, start + 65_537));
        return job.digest();
      });
      expect(await Promise.all(digests)).toEqual(inputs.map(sha256));
    } finally {
      await worker.close();
    }
  });

  it('a dropped job gives no digest; closing rejects a digest still awaited', async () => {
    const worker = new HashWorker();
    const dropped = worker.open(new SharedArrayBuffer(4));
    dropped.drop();
    const waiting = worker.open(new SharedArrayBuffer(64 * 1024 * 1024));
    waiting.update(0, 64 * 1024 * 1024);
    const digest = waiting.digest();
    await worker.close();
    await expect(digest).rejects.toThrow(/hash worker exited/);
    // A closed worker starts again on the next job.
    const again = worker.open(new SharedArrayBuffer(1));
    again.update(0, 1);
    expect(await again.digest()).toBe(sha256(new Uint8Array(1)));
    await worker.close();
  });
});
