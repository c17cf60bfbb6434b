/**
 * The content hash of a local bundle (cli.md §4.11): SHA-256 over its files sorted by path (byte order),
 * each as an 8-byte big-endian length and the path's UTF-8 bytes, then an 8-byte length and the data.
 * The same scheme as the Go tool, so both compute the same `sha256:<hex>` for the same files.
 * Uses Web Crypto, so it runs in Node and in a browser.
 */
export async function contentHash(files: Iterable<readonly [string, Uint8Array]>): Promise<string> {
  const encoder = new TextEncoder();
  const entries = [...files].map(([path, data]) => ({ path: encoder.encode(path), data }));
  entries.sort((a, b) => compareBytes(a.path, b.path));
  let size = 0;
  for (const entry of entries) size += 16 + entry.path.length + entry.data.length;
  const buffer = new Uint8Array(size);
  const view = new DataView(buffer.buffer);
  let at = 0;
  for (const { path, data } of entries) {
    view.setBigUint64(at, BigInt(path.length));
    buffer.set(path, at + 8);
    at += 8 + path.length;
    view.setBigUint64(at, BigInt(data.length));
    buffer.set(data, at + 8);
    at += 8 + data.length;
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  return `sha256:${[...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
