import type { BundleFS } from '@pacto/schema';
import type { Change } from '../change.js';
import { parseJsonText, readBundleText } from '../bundle-files.js';
import { checkDocumentDepth } from '../document-depth.js';
import { markJsonNumbers } from '../show-value.js';
import { walkJson } from './walk-json.js';

/**
 * Content diff of two JSON-Schema documents (diff.md §5). Paths always start with the literal `schema`,
 * whatever configuration or policy the files belong to (upstream behaviour, kept).
 */
export function diffJsonSchema(oldSchema: unknown, newSchema: unknown): Change[] {
  const out: Change[] = [];
  walkJson('schema', oldSchema, newSchema, out);
  return out.map(markJsonNumbers);
}

/** §5 on two bundle files: both must exist and parse as JSON, otherwise nothing. */
export function diffSchemaFiles(
  oldFiles: BundleFS | undefined,
  oldPath: string,
  newFiles: BundleFS | undefined,
  newPath: string,
): Change[] {
  const oldSchema = parseJsonText(readBundleText(oldFiles, oldPath));
  const newSchema = parseJsonText(readBundleText(newFiles, newPath));
  if (oldSchema === undefined || newSchema === undefined) return [];
  checkDocumentDepth(oldSchema, oldPath);
  checkDocumentDepth(newSchema, newPath);
  return diffJsonSchema(oldSchema, newSchema);
}
