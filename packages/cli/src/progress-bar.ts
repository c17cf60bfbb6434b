import type { TransferProgress } from '@pacto/oci';

const MB = 1000 * 1000;

/**
 * One progress line, e.g. `Uploading   [=========>          ]  19.5 / 40.0 MB  12.3 MB/s`; the rate once
 * `seconds` of transfer are known. Pure, for tests.
 */
export function renderProgressBar(progress: TransferProgress, width = 30, seconds?: number): string {
  const ratio = progress.total > 0 ? Math.min(1, progress.transferred / progress.total) : 1;
  const filled = Math.round(ratio * width);
  const bar = filled >= width ? '='.repeat(width) : `${'='.repeat(Math.max(0, filled - 1))}>${' '.repeat(width - Math.max(filled, 1))}`;
  const verb = progress.direction === 'upload' ? 'Uploading  ' : 'Downloading';
  const rate = seconds !== undefined && seconds > 0 ? `  ${(progress.transferred / MB / seconds).toFixed(1)} MB/s` : '';
  return `${verb} [${bar}] ${(progress.transferred / MB).toFixed(1).padStart(5)} / ${(progress.total / MB).toFixed(1)} MB${rate}`;
}

/** The line for a blob the registry already had: `Uploading   40.0 MB sha256:1a2b3c4d5e6f already present, skipped`. */
export function renderPresentBlob(progress: TransferProgress): string {
  return `Uploading   ${(progress.total / MB).toFixed(1)} MB ${progress.digest.slice(0, 19)} already present, skipped`;
}

export interface ProgressReporter {
  readonly onProgress: ((progress: TransferProgress) => void) | undefined;
  /** Erases the bar so the result lines print on a clean line. */
  finish(): void;
}

/**
 * A progress bar on stderr for long transfers (over 1 MB), only when stderr is a TTY and the output
 * format is text (cli.md §1.3); otherwise nothing is written. It shows the transfer rate, and a line of
 * its own for a blob the registry already had.
 */
export function progressReporter(stderr: NodeJS.WritableStream, enabled: boolean, now: () => number = Date.now): ProgressReporter {
  if (!enabled) return { onProgress: undefined, finish: () => undefined };
  let shown = false;
  let last = 0;
  const started = new Map<string, number>();
  return {
    onProgress(progress) {
      if (progress.total < MB) return;
      const time = now();
      if (progress.present) {
        stderr.write(`\r\x1b[K${renderPresentBlob(progress)}\n`);
        shown = false;
        return;
      }
      const key = `${progress.direction} ${progress.digest}`;
      const start = started.get(key) ?? (started.set(key, time), time);
      if (time - last < 100 && progress.transferred < progress.total) return;
      last = time;
      shown = true;
      stderr.write(`\r\x1b[K${renderProgressBar(progress, 30, time > start ? (time - start) / 1000 : undefined)}`);
    },
    finish() {
      if (shown) stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}
