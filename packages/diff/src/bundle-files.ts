import type { BundleFS } from '@pacto/schema';

const decoder = new TextDecoder('utf-8');

/** Text of a bundle file, or undefined when the bundle has no such readable file. */
export function readBundleText(files: BundleFS | undefined, path: string): string | undefined {
  const normalised = path.replace(/^\.\//, '');
  const bytes = files?.readFile(normalised);
  return bytes === undefined ? undefined : decoder.decode(bytes);
}

export function bundleHasFile(files: BundleFS | undefined, path: string): boolean {
  return files?.stat(path.replace(/^\.\//, '')) === 'file';
}

/** Strict JSON parse; undefined on any failure (schema files must be JSON, diff.md §5). */
export function parseJsonText(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
