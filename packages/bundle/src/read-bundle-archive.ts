import { PassThrough, Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract as tarExtract } from 'tar-stream';
import { BundleError } from './bundle-error.js';
import { ancestorsOf } from './bundle-path.js';
import { listBundleEntries, type BundleContents, type BundleEntry } from './bundle-contents.js';
import { BUNDLE_LIMITS, maxArchiveBytes, type BundleLimits } from './limits.js';

/** A bundle tree read from an archive. */
export interface BundleArchive extends BundleContents {
  readonly files: Map<string, Uint8Array>;
  /** Directories that had their own entry (empty ones included). */
  readonly directories: string[];
  /** Every file and directory (implied parents included) in archive order. */
  readonly entries: BundleEntry[];
}

export interface ReadBundleArchiveOptions {
  readonly limits?: BundleLimits;
}

const TYPE_FLAGS: Readonly<Record<string, string>> = {
  link: '1',
  symlink: '2',
  'character-device': '3',
  'block-device': '4',
  fifo: '6',
  'contiguous-file': '7',
};

/**
 * Read a bundle archive (gzip or plain tar, detected by magic) into memory with the rules and limits of
 * oci.md §3.2. Inflation is streamed and stops at the first violation, so a gzip bomb is never inflated
 * beyond the limits. Throws `BundleError` with a one-line message.
 */
export async function readBundleArchive(bytes: Uint8Array, options: ReadBundleArchiveOptions = {}): Promise<BundleArchive> {
  const limits = options.limits ?? BUNDLE_LIMITS;
  const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  // Old v7 archives have no ustar magic; tar-stream only reads them with this (untyped) option.
  const extract = tarExtract({ allowUnknownFormat: true } as Parameters<typeof tarExtract>[0]);
  const inflate = isGzip ? createGunzip() : new PassThrough();
  const piped = pipeline(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), inflate, new TarSizeGuard(limits), extract as unknown as NodeJS.WritableStream);
  // Failures surface through the entry iterator; this only keeps the pipeline's own rejection handled.
  const finished = piped.then(
    () => undefined,
    (error: unknown) => error,
  );

  const files = new Map<string, Uint8Array>();
  const directories: string[] = [];
  let count = 0;
  let total = 0;
  let current: string | undefined;
  try {
    for await (const entry of extract) {
      const header = entry.header;
      if (++count > limits.maxEntries) throw new BundleError('TOO_MANY_ENTRIES', `tar has too many entries (>${limits.maxEntries})`);
      const path = normalizeEntryName(header.name);
      if (path === undefined) {
        entry.resume();
        continue;
      }
      if (path === null) throw new BundleError('INVALID_PATH', `invalid path in tar: ${header.name}`);
      if (header.type === 'directory') {
        directories.push(path);
        entry.resume();
        continue;
      }
      if (header.type !== 'file') {
        // tar-stream reports typeflags it does not know as null.
        const type = header.type as string | null;
        const flag = (type && TYPE_FLAGS[type]) ?? type ?? 'unknown';
        throw new BundleError('UNSUPPORTED_ENTRY_TYPE', `unsupported tar entry type "${flag}" for ${header.name}`);
      }
      const size = header.size ?? 0;
      if (size > limits.maxFileBytes) throw fileTooLarge(header.name, limits);
      if (total + size > limits.maxTotalBytes) throw totalTooLarge(limits);
      current = header.name;
      const chunks: Buffer[] = [];
      let read = 0;
      for await (const chunk of entry) {
        read += (chunk as Buffer).byteLength;
        if (read > limits.maxFileBytes) throw fileTooLarge(header.name, limits);
        chunks.push(chunk as Buffer);
      }
      current = undefined;
      total += read;
      if (total > limits.maxTotalBytes) throw totalTooLarge(limits);
      files.set(path, new Uint8Array(Buffer.concat(chunks)));
    }
  } catch (error) {
    extract.destroy();
    throw asArchiveError(error, current);
  }
  const failure = await finished;
  if (failure) throw asArchiveError(failure, current);
  checkConflicts(files, directories);
  return { files, directories, entries: listBundleEntries({ files, directories }) };
}

/**
 * `./` prefixes stripped, `\` turned into `/`; `undefined` for entries to skip (`.` or empty), `null` for
 * names that must be refused (absolute, drive-letter, or with a `..` segment).
 */
function normalizeEntryName(raw: string): string | undefined | null {
  const name = raw.replaceAll('\\', '/');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return null;
  const segments = name.split('/');
  if (segments.includes('..')) return null;
  const kept = segments.filter((s) => s !== '' && s !== '.');
  return kept.length === 0 ? undefined : kept.join('/');
}

function checkConflicts(files: ReadonlyMap<string, Uint8Array>, directories: readonly string[]): void {
  const dirs = new Set(directories);
  for (const path of files.keys()) for (const ancestor of ancestorsOf(path)) dirs.add(ancestor);
  for (const dir of directories) for (const ancestor of ancestorsOf(dir)) dirs.add(ancestor);
  for (const path of files.keys()) {
    if (dirs.has(path)) throw new BundleError('INVALID_PATH', `invalid path in tar: ${path} is both a file and a directory`);
  }
}

function fileTooLarge(name: string, limits: BundleLimits): BundleError {
  return new BundleError('FILE_TOO_LARGE', `file ${name} exceeds maximum size of ${limits.maxFileBytes} bytes`);
}

function totalTooLarge(limits: BundleLimits): BundleError {
  return new BundleError('BUNDLE_TOO_LARGE', `extracted bundle exceeds maximum total size of ${limits.maxTotalBytes} bytes`);
}

function asArchiveError(error: unknown, current: string | undefined): BundleError {
  if (error instanceof BundleError) return error;
  const detail = describe(error);
  const message = current === undefined ? `failed to read tar entry: ${detail}` : `failed to read ${current}: ${detail}`;
  return new BundleError('CORRUPT_ARCHIVE', message, { cause: error });
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException | undefined;
  const text = e instanceof Error ? e.message : String(error);
  return typeof e?.code === 'string' && e.code.startsWith('Z_') ? `gzip: ${text}` : text;
}

/** Caps the uncompressed tar stream at `maxArchiveBytes`, so a gzip bomb stops inflating there. */
class TarSizeGuard extends Transform {
  private seen = 0;
  private readonly max: number;
  private readonly limits: BundleLimits;

  constructor(limits: BundleLimits) {
    super();
    this.limits = limits;
    this.max = maxArchiveBytes(limits);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.byteLength;
    if (this.seen > this.max) return callback(totalTooLarge(this.limits));
    callback(null, chunk);
  }
}
