// File names of the static export (`pacto dashboard --export`), shared by the writer and the UI that reads
// them. Names safe on every static host are kept; anything else becomes `_` and the hex of its UTF-8 bytes.

const SAFE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** A file-name-safe key for a service name or version. */
export function dataKey(value: string): string {
  if (SAFE.test(value) && !value.includes('..')) return value;
  let hex = '';
  for (const byte of new TextEncoder().encode(value)) hex += byte.toString(16).padStart(2, '0');
  return `_${hex}`;
}

/** Where the export keeps what `GET <api path>` returns (relative to the site root). */
export function staticDataPath(apiPath: string): string | undefined {
  if (apiPath === '/api/services') return 'data/services.json';
  if (apiPath === '/api/graph') return 'data/graph.json';
  if (apiPath === '/api/sources') return 'data/sources.json';
  const match = /^\/api\/services\/([^/]+)(?:\/(versions|sources|graph|dependents|refs))?$/.exec(apiPath);
  if (!match) return undefined;
  const key = dataKey(decodeURIComponent(match[1]!));
  return match[2] === undefined ? `data/services/${key}.json` : `data/services/${key}/${match[2]}.json`;
}

/** The bundle of one version of a service in the export (`current` for the service's current contract). */
export function staticBundlePath(name: string, version: string | 'current'): string {
  return `data/bundles/${dataKey(name)}/${version === 'current' ? 'current' : `v-${dataKey(version)}`}.json`;
}

/** A bundle as the export stores it: file paths to text (UTF-8) or base64 (anything else). */
export interface StoredBundle {
  readonly fileName: string;
  readonly version: string;
  readonly files: Record<string, { readonly text: string } | { readonly base64: string }>;
}
