import type { BundleFS } from '@pacto/schema';

/** A BundleFS over an in-memory map of path → text, for renderer tests. Directories are implied by paths. */
export function mapFS(files: Record<string, string>): BundleFS {
  const encoder = new TextEncoder();
  return {
    stat(path) {
      if (path in files) return 'file';
      return Object.keys(files).some((p) => p.startsWith(`${path}/`)) ? 'directory' : undefined;
    },
    readFile(path) {
      const text = files[path];
      return text === undefined ? undefined : encoder.encode(text);
    },
  };
}
