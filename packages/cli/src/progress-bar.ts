import type { TransferProgress } from '@pacto/oci';

const MB = 1000 * 1000;

/** One progress line, e.g. `Uploading   [=========>          ]  19.5 / 40.0 MB`. Pure, for tests. */
export function renderProgressBar(progress: TransferProgress, width = 30): string {
  const ratio = progress.total > 0 ? Math.min(1, progress.transferred / progress.total) : 1;
  const filled = Math.round(ratio * width);
  const bar = filled >= width ? '='.repeat(width) : `${'='.repeat(Math.max(0, filled - 1))}>${' '.repeat(width - Math.max(filled, 1))}`;
  const verb = progress.direction === 'upload' ? 'Uploading  ' : 'Downloading';
  return `${verb} [${bar}] ${(progress.transferred / MB).toFixed(1).padStart(5)} / ${(progress.total / MB).toFixed(1)} MB`;
}

export interface ProgressReporter {
  readonly onProgress: ((progress: TransferProgress) => void) | undefined;
  /** Erases the bar so the result lines print on a clean line. */
  finish(): void;
}

/**
 * A progress bar on stderr for long transfers (over 1 MB), only when stderr is a TTY and the output
 * format is text (cli.md §1.3); otherwise nothing is written.
 */
export function progressReporter(stderr: NodeJS.WritableStream, enabled: boolean): ProgressReporter {
  if (!enabled) return { onProgress: undefined, finish: () => undefined };
  let shown = false;
  let last = 0;
  return {
    onProgress(progress) {
      if (progress.total < MB) return;
      const now = Date.now();
      if (now - last < 100 && progress.transferred < progress.total) return;
      last = now;
      shown = true;
      stderr.write(`\r\x1b[K${renderProgressBar(progress)}`);
    },
    finish() {
      if (shown) stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}
