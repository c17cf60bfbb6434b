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

describe('renderProgressBar rate and present blobs', () => {
  it('adds the rate once the transfer time is known', () => {
    expect(renderProgressBar({ direction: 'upload', digest: 'sha256:x', transferred: 20_000_000, total: 40_000_000 }, 10, 2)).toBe(
      'Uploading   [====>     ]  20.0 / 40.0 MB  10.0 MB/s',
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

  it('shows the rate as the transfer goes, and says when the registry already had a blob', () => {
    const stderr = new PassThrough();
    let clock = 1_000;
    const reporter = progressReporter(stderr, true, () => clock);
    reporter.onProgress?.({ direction: 'download', digest: 'sha256:layer', transferred: 0, total: 8_000_000 });
    clock += 2_000;
    reporter.onProgress?.({ direction: 'download', digest: 'sha256:layer', transferred: 8_000_000, total: 8_000_000 });
    expect(collect(stderr)).toContain('Downloading [==============================]   8.0 / 8.0 MB  4.0 MB/s');
    reporter.onProgress?.({ direction: 'upload', digest: `sha256:${'ab'.repeat(32)}`, transferred: 5_000_000, total: 5_000_000, present: true });
    expect(collect(stderr)).toBe('\r\x1b[KUploading   5.0 MB sha256:abababababab already present, skipped\n');
    reporter.finish();
  });
});
