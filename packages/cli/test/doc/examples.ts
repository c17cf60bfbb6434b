import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's examples/ directory and the bundle directories in it (examples/plugins/ holds code, not a contract). */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../../../examples/', import.meta.url));

export const EXAMPLES = readdirSync(EXAMPLES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(EXAMPLES_DIR, entry.name, 'pacto.yaml')))
  .map((entry) => entry.name)
  .sort();

/** Readiness dates and the "evaluated on" day change with the calendar; snapshots hold a placeholder. */
export function withoutToday(markdown: string): string {
  return markdown.replace(/evaluated on \d{4}-\d{2}-\d{2}/g, 'evaluated on <today>');
}
