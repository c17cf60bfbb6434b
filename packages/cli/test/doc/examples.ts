import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's examples/ directory and the bundle directories in it. */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../../../examples/', import.meta.url));

export const EXAMPLES = readdirSync(EXAMPLES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Readiness dates and the "evaluated on" day change with the calendar; snapshots hold a placeholder. */
export function withoutToday(markdown: string): string {
  return markdown.replace(/evaluated on \d{4}-\d{2}-\d{2}/g, 'evaluated on <today>');
}
