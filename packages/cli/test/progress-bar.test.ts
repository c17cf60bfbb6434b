import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressReporter, renderProgressBar } from '../src/progress-bar.js';

describe('renderProgressBar', () => {
  it('draws the share transferred and the sizes in MB', () => {
    expect(renderProgressBar({ direction: 'upload', digest: 'sha256:x', transferred: 20_000_000, total: 40_000_000 }, 10)).toBe(
      'Uploading   [====>     ]  20.0 / 40.0 MB',
    );
    expect(renderProgressBar({ direction: 'download', digest: 'sha256:x', transferred: 40_000_000, total: 40_000_000 }, 10)).toBe(
      'Downloading [==========]  40.0 / 40.0 MB',
    );
    expect(renderProgressBar({ direction: 'download', digest: 'sha256:x', transferred: 0, total: 40_000_000 }, 10)).toBe(
      'Downloading [>         ]   0.0 / 40.0 MB',
    );
  });
});

describe('progressReporter', () => {
  const collect = (stream: PassThrough): string => {
    const chunks: Buffer[] = [];
    let chunk: Buffer | null;
    while ((chunk = stream.read() as Buffer | null) !== null) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  };

  it('writes nothing when disabled (stderr not a TTY, or not text output)', () => {
    const stderr = new PassThrough();
    const reporter = progressReporter(stderr, false);
    expect(reporter.onProgress).toBeUndefined();
    reporter.finish();
    expect(collect(stderr)).toBe('');
  });

  it('draws on one line, skips small transfers, and erases itself', () => {
    const stderr = new PassThrough();
    const reporter = progressReporter(stderr, true);
    reporter.onProgress?.({ direction: 'upload', digest: 'sha256:config', transferred: 300, total: 300 });
    expect(collect(stderr)).toBe('');
    reporter.onProgress?.({ direction: 'upload', digest: 'sha256:layer', transferred: 40_000_000, total: 40_000_000 });
    reporter.finish();
    expect(collect(stderr)).toBe(`\r\x1b[K${renderProgressBar({ direction: 'upload', digest: 'sha256:layer', transferred: 40_000_000, total: 40_000_000 })}\r\x1b[K`);
  });
});
