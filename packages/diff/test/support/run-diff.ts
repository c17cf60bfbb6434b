import { buildDiffReport, renderDiffText } from '../../src/index.js';
import type { Files } from './fixtures.js';
import { sideOf } from './fixtures.js';

/** Text report of comparing two in-memory bundles, roots only. */
export function diffText(oldFiles: Files, newFiles: Files): string {
  return renderDiffText(buildDiffReport({ oldPath: 'old', newPath: 'new', old: sideOf(oldFiles), new: sideOf(newFiles) }));
}

export const lines = (...l: string[]) => `${l.join('\n')}\n`;
