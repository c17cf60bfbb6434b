import { Transform, type TransformCallback, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract as tarExtract, type Header } from 'tar-stream';
import { BundleError } from './bundle-error.js';
import { MAX_ARCHIVE_PATH_DEPTH, MAX_ARCHIVE_PATH_LENGTH, ancestorsOf } from './bundle-path.js';
import { listBundleEntries, type BundleContents, type BundleEntry } from './bundle-contents.js';
import { BUNDLE_LIMITS, maxArchiveBytes, type BundleLimits } from './limits.js';
import { bundleTooLarge, fileTooLarge, tooManyEntries } from './limit-errors.js';

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
 * Reads a bundle archive as its bytes arrive (`write` each chunk, then `end`), so inflating and tar parsing
 * overlap a download. The result only exists once `end` is called: a caller that must verify the bytes first
 * (a registry blob against its digest) calls `end` after the check, or `abort` instead.
 */
export interface BundleArchiveReader {
  /** The next bytes of the archive. The chunk must not change afterwards (it may be read later). */
  write(chunk: Uint8Array): void;
  /** All bytes were written: the bundle, or a `BundleError` for the first violation. */
  end(): Promise<BundleArchive>;
  /** Drop everything read so far; a later `end` rejects. */
  abort(): void;
}

const GZIP_MAGIC = [0x1f, 0x8b] as const;
/** zlib's default 16 KiB output chunks cost a tar-parser round per 16 KiB; 1 MiB keeps that overhead small. */
const INFLATE_CHUNK = 1 << 20;

/**
 * A reader with the rules and limits of oci.md §3.2 (gzip or plain tar, detected by magic). Inflation stops
 * at the first violation, so a gzip bomb is never inflated beyond the limits; each file is copied once, into a
 * buffer of the size its header announces (checked against the limits before it is allocated).
 */
export function createBundleArchiveReader(options: ReadBundleArchiveOptions = {}): BundleArchiveReader {
  const limits = options.limits ?? BUNDLE_LIMITS;
  // Old v7 archives have no ustar magic; tar-stream only reads them with this (untyped) option.
  const extract = tarExtract({ allowUnknownFormat: true } as Parameters<typeof tarExtract>[0]);
  const files = new Map<string, Uint8Array>();
  const directories: string[] = [];
  let count = 0;
  let total = 0;
  let current: string | undefined;
  let failure: unknown;
  let input: Writable | undefined;
  let head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  let entryDone: Promise<void> = Promise.resolve();
  let finished: Promise<unknown> = Promise.resolve();

  const fail = (error: unknown): void => {
    if (failure !== undefined) return;
    failure = asArchiveError(error, current);
    extract.destroy();
    input?.destroy();
  };

  const start = (isGzip: boolean): Writable => {
    const guard = new TarSizeGuard(limits);
    const stages: NodeJS.ReadWriteStream[] = isGzip ? [createGunzip({ chunkSize: INFLATE_CHUNK }), guard] : [guard];
    // Failures surface through `end`; this only keeps the pipeline's own rejection handled.
    finished = pipeline([...stages, extract as unknown as NodeJS.WritableStream]).then(
      () => undefined,
      (error: unknown) => fail(error),
    );
    return stages[0] as unknown as Writable;
  };

  extract.on('entry', (header, stream, next) => {
    let target: Buffer | undefined;
    try {
      target = admitEntry(header);
    } catch (error) {
      fail(error);
      return;
    }
    if (target === undefined) {
      stream.on('end', () => next());
      stream.resume();
      return;
    }
    const file = target;
    const path = normalizeEntryName(header.name) as string;
    current = header.name;
    let offset = 0;
    entryDone = new Promise((resolve) => {
      stream.on('data', (data) => {
        const chunk = data as Buffer;
        // tar-stream hands out exactly `size` bytes; anything else is a broken archive, never a bigger buffer.
        if (offset + chunk.byteLength > file.byteLength) return fail(new Error(`more data than the header announced for ${header.name}`));
        chunk.copy(file, offset);
        offset += chunk.byteLength;
      });
      stream.on('end', () => {
        resolve();
        if (offset !== file.byteLength) return fail(new Error(`less data than the header announced for ${header.name}`));
        current = undefined;
        files.set(path, new Uint8Array(file.buffer, file.byteOffset, file.byteLength));
        next();
      });
      stream.on('close', () => resolve());
      stream.on('error', () => resolve());
    });
  });

  /** Checks one header against the rules; the buffer for a file's data, `undefined` for entries with none. */
  function admitEntry(header: Header): Buffer | undefined {
    if (++count > limits.maxEntries) throw tooManyEntries(limits, ARCHIVE);
    refuseHugePath(header.name);
    const path = normalizeEntryName(header.name);
    if (path === undefined) return undefined;
    if (path === null) throw new BundleError('INVALID_PATH', `invalid path in tar: ${header.name}`);
    if (header.type === 'directory') {
      directories.push(path);
      return undefined;
    }
    if (header.type !== 'file') {
      // tar-stream reports typeflags it does not know as null.
      const type = header.type as string | null;
      const flag = (type && TYPE_FLAGS[type]) ?? type ?? 'unknown';
      throw new BundleError('UNSUPPORTED_ENTRY_TYPE', `unsupported tar entry type "${flag}" for ${header.name}`);
    }
    const size = header.size ?? 0;
    if (!Number.isSafeInteger(size) || size < 0) throw new BundleError('CORRUPT_ARCHIVE', `failed to read tar entry: invalid size for ${header.name}`);
    if (size > limits.maxFileBytes) throw fileTooLarge(header.name, header.name, size, limits, ARCHIVE);
    if (total + size > limits.maxTotalBytes) throw totalTooLarge(limits);
    total += size;
    return Buffer.allocUnsafe(size);
  }

  const feed = (chunk: Buffer): void => {
    if (input === undefined) {
      head.push(chunk);
      headBytes += chunk.byteLength;
      if (headBytes < GZIP_MAGIC.length && !ended) return;
      const first = Buffer.concat(head);
      head = [];
      input = start(first[0] === GZIP_MAGIC[0] && first[1] === GZIP_MAGIC[1]);
      input.write(first);
      return;
    }
    input.write(chunk);
  };

  return {
    write(chunk) {
      if (ended || failure !== undefined || chunk.byteLength === 0) return;
      feed(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    },
    async end() {
      if (!ended) {
        ended = true;
        if (failure === undefined) {
          if (input === undefined) feed(Buffer.alloc(0));
          input?.end();
        }
      }
      await finished;
      await entryDone;
      if (failure !== undefined) throw failure;
      checkConflicts(files, directories);
      return { files, directories, entries: listBundleEntries({ files, directories }) };
    },
    abort() {
      ended = true;
      fail(new BundleError('CORRUPT_ARCHIVE', 'failed to read tar entry: reading was aborted'));
    },
  };
}

/**
 * Reads a bundle archive (gzip or plain tar, detected by magic) into memory with the rules and limits of
 * oci.md §3.2. Throws `BundleError` with a one-line message.
 */
export async function readBundleArchive(bytes: Uint8Array, options: ReadBundleArchiveOptions = {}): Promise<BundleArchive> {
  const reader = createBundleArchiveReader(options);
  reader.write(bytes);
  return reader.end();
}

/** Refuses an entry name longer or deeper than any bundle needs, naming its start and its size. */
function refuseHugePath(name: string): void {
  let depth = 0;
  for (let i = name.indexOf('/'); i >= 0 && depth <= MAX_ARCHIVE_PATH_DEPTH; i = name.indexOf('/', i + 1)) depth++;
  if (name.length <= MAX_ARCHIVE_PATH_LENGTH && depth <= MAX_ARCHIVE_PATH_DEPTH) return;
  const what = name.length > MAX_ARCHIVE_PATH_LENGTH ? `${name.length} characters long (at most ${MAX_ARCHIVE_PATH_LENGTH})` : `more than ${MAX_ARCHIVE_PATH_DEPTH} directories deep`;
  throw new BundleError('INVALID_PATH', `invalid path in tar: ${name.slice(0, 60)}… is ${what}`);
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

const ARCHIVE = { kind: 'archive' } as const;

const totalTooLarge = (limits: BundleLimits): BundleError => bundleTooLarge(limits, ARCHIVE);

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
