import { createHash } from 'node:crypto';
import { oneLine } from '@pacto/schema';
import { Writable } from 'node:stream';
import { pickChallenge, parseChallenges, type AuthChallenge } from './challenge.js';
import { credentialChain, type Credential, type CredentialStore } from './credentials.js';
import { OciError } from './error.js';
import { nextLink } from './link-header.js';
import { HashWorker, type HashJob } from './hash-worker.js';
import { formatReference, manifestIdentifier, type Reference } from './reference.js';
import { insecureRegistriesFromEnv, schemePolicy } from './scheme.js';
import {
  header,
  isIdleTimeout,
  isTransientError,
  isTransientStatus,
  readBody,
  RetryableError,
  Transport,
  type HttpMethod,
  type HttpResponse,
  type StreamedResponse,
  type TransportOptions,
} from './transport.js';
import { MANIFEST_ACCEPT_GET, MANIFEST_ACCEPT_HEAD, type Blob, type BlobReader, type Descriptor, type OciLogger, type PendingBlob, type ProgressListener } from './types.js';

export interface RegistryClientOptions {
  readonly credentials?: CredentialStore;
  readonly transport?: Transport;
  readonly transportOptions?: TransportOptions;
  /** Hosts always reached over plain HTTP; defaults to `PACTO_INSECURE_REGISTRIES`. */
  readonly insecureRegistries?: readonly string[];
  /** Blobs larger than this are sent with chunked PATCH requests (default 16 MiB). */
  readonly chunkSize?: number;
  /** `n` of tag-list pages (default 1000); later pages follow `Link` headers. */
  readonly tagPageSize?: number;
  /** Hash downloads of 4 MiB and more on a worker thread (default true). */
  readonly hashOnWorker?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** Told about requests, credential sources and blobs already present (for `-v`); never secrets. */
  readonly logger?: OciLogger;
}

export interface FetchedManifest {
  readonly bytes: Buffer;
  readonly mediaType: string;
  readonly digest: string;
}

type Scope = 'pull' | 'push';

export interface BlobOptions {
  /** The reference named in errors. */
  readonly display?: string;
  readonly onProgress?: ProgressListener;
}

interface Session {
  readonly base: string;
  readonly challenge: AuthChallenge | undefined;
  readonly tokens: Map<string, Promise<string>>;
}

const PROGRESS_SLICE = 1 << 20;
const AUTH_RETRY = Symbol('auth-retry');

function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

function withDigest(location: string, digest: string): string {
  const url = new URL(location);
  url.searchParams.append('digest', digest);
  return url.toString();
}

function errorDetail(method: string, url: string, status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as { errors?: { code?: string; message?: string }[] };
    const parts = (parsed.errors ?? []).map((e) => [e.code, e.message].filter(Boolean).join(': ')).filter(Boolean);
    if (parts.length > 0) return `${method} ${url}: ${oneLine(parts.join('; '))}`;
  } catch {
    // not a registry error body
  }
  return `${method} ${url}: unexpected status code ${status}`;
}

/** Blobs at least this large are hashed on the worker thread; below, starting it costs more than it saves. */
const WORKER_HASH_MIN_BYTES = 4 * 1024 * 1024;
/**
 * The worker and the reader get new bytes once this many have arrived: each piece handed to zlib costs a trip
 * through the thread pool, and 64 KiB socket reads would make that 16 times as many trips.
 */
const HAND_OFF_STEP = 1024 * 1024;

/** A job on the hash worker, or undefined (hash on this thread) where no worker can be started. */
function openHashJob(hasher: HashWorker | undefined, shared: SharedArrayBuffer): HashJob | undefined {
  try {
    return hasher?.open(shared);
  } catch {
    return undefined;
  }
}

/**
 * A Writable that copies a blob into one buffer while hashing it (on `hasher`'s thread for large blobs) and hands
 * each piece to `reader`, and fails unless it matches `descriptor`. The reader is aborted on any failure, so
 * nothing it built is ever used.
 */
function verifyingSink(
  descriptor: Descriptor,
  onProgress: ProgressListener | undefined,
  reader: BlobReader<unknown> | undefined,
  hasher: HashWorker | undefined,
  done: (bytes: Buffer) => void,
): Writable {
  const shared = hasher !== undefined && descriptor.size >= WORKER_HASH_MIN_BYTES ? new SharedArrayBuffer(descriptor.size) : undefined;
  const job = shared ? openHashJob(hasher, shared) : undefined;
  const hash = job ? undefined : createHash('sha256');
  const target = shared ? Buffer.from(shared) : Buffer.allocUnsafe(descriptor.size);
  let transferred = 0;
  let handedOff = 0;
  const handOff = (): void => {
    job?.update(handedOff, transferred);
    // The copy, not undici's chunks: it is never reused, so the reader may keep reading it later.
    if (transferred > handedOff) reader?.write(target.subarray(handedOff, transferred));
    handedOff = transferred;
  };
  const mismatch = (digest: string): OciError =>
    new OciError(
      'DIGEST_MISMATCH',
      `failed to extract bundle: failed to read layer: blob ${descriptor.digest} (${descriptor.size} bytes) does not match the downloaded content (${digest}, ${transferred} bytes)`,
    );
  const check = (digest: string, callback: (error?: Error | null) => void): void => {
    if (digest !== descriptor.digest || transferred !== descriptor.size) return callback(mismatch(digest));
    done(target);
    callback();
  };
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (transferred + chunk.length > descriptor.size) {
        transferred += chunk.length;
        callback(mismatch('more bytes than announced'));
        return;
      }
      chunk.copy(target, transferred);
      hash?.update(chunk);
      transferred += chunk.length;
      if (transferred - handedOff >= HAND_OFF_STEP) handOff();
      onProgress?.({ direction: 'download', digest: descriptor.digest, transferred, total: descriptor.size });
      callback();
    },
    final(callback) {
      handOff();
      if (hash) return check(`sha256:${hash.digest('hex')}`, callback);
      job?.digest().then(
        (digest) => check(digest, callback),
        (error: unknown) => callback(error as Error),
      );
    },
    destroy(error, callback) {
      if (error) {
        job?.drop();
        reader?.abort();
      }
      callback(error);
    },
  });
}

function networkDetail(method: string, url: string, error: unknown): string {
  const err = error as { message?: string; code?: string; cause?: { message?: string; code?: string } };
  const code = err.code ?? err.cause?.code;
  const message = err.cause?.message && err.message === 'fetch failed' ? err.cause.message : (err.message ?? String(error));
  // One line: the CLI prints this as the final stderr line.
  const line = oneLine(message).trim();
  return `${method} ${url}: ${line}${code && !line.includes(code) ? ` (${code})` : ''}`;
}

/**
 * Distribution API client over undici (oci.md §7–§10): ping + challenge, Basic and Bearer auth, manifests,
 * blobs (verified), uploads (monolithic or chunked), tag listing. `display` strings are the references named
 * in errors.
 */
export class RegistryClient {
  private readonly transport: Transport;
  private readonly ownsTransport: boolean;
  private readonly credentials: CredentialStore;
  private readonly logger: OciLogger | undefined;
  private readonly insecure: readonly string[];
  private readonly chunkSize: number;
  private readonly tagPageSize: number;
  private readonly sessions = new Map<string, Promise<Session>>();
  private readonly tagLists = new Map<string, Promise<string[]>>();
  private readonly hasher: HashWorker | undefined;

  constructor(options: RegistryClientOptions = {}) {
    const env = options.env ?? process.env;
    this.ownsTransport = options.transport === undefined;
    this.logger = options.logger;
    this.transport = options.transport ?? new Transport({ env, ...(options.logger ? { logger: options.logger } : {}), ...options.transportOptions });
    const logger = options.logger;
    this.credentials = options.credentials ?? credentialChain({ env, ...(logger ? { debug: (message: string) => logger(message, {}) } : {}) });
    this.insecure = options.insecureRegistries ?? insecureRegistriesFromEnv(env);
    this.chunkSize = options.chunkSize ?? 16 * 1024 * 1024;
    this.tagPageSize = options.tagPageSize ?? 1000;
    this.hasher = options.hashOnWorker === false ? undefined : new HashWorker();
  }

  async close(): Promise<void> {
    await this.hasher?.close();
    if (this.ownsTransport) await this.transport.close();
  }

  // ---- errors -------------------------------------------------------------------------------------------

  private async statusError(ref: Reference, display: string, method: string, url: string, response: HttpResponse): Promise<OciError> {
    let body = '';
    if (method !== 'HEAD') body = (await readBody(response).catch(() => Buffer.alloc(0))).toString('utf8');
    else await response.body.dump().catch(() => undefined);
    return this.statusErrorFrom(ref, display, method, url, response.statusCode, body);
  }

  private statusErrorFrom(ref: Reference, display: string, method: string, url: string, status: number, body: string): OciError {
    const detail = errorDetail(method, url, status, body);
    if (status === 401 || status === 403) {
      return new OciError(
        'AUTH_FAILED',
        `authentication failed for ${display}: ${detail} \u2014 run \`pacto login ${ref.registry}\` or check PACTO_REGISTRY_TOKEN`,
        { status },
      );
    }
    if (status === 404) return new OciError('NOT_FOUND', `artifact not found: ${display}`, { status });
    return new OciError('UNREACHABLE', `registry unreachable for ${display}: ${detail}`, { status });
  }

  private networkError(display: string, method: string, url: string, error: unknown): OciError {
    if (error instanceof OciError) return error;
    if (isIdleTimeout(error)) {
      const seconds = this.transport.idleTimeoutMs / 1000;
      return new OciError('UNREACHABLE', `registry unreachable for ${display}: ${method} ${url}: no data for ${seconds} s`, {
        cause: error,
        hint: 'the registry stalled; set PACTO_HTTP_TIMEOUT (e.g. 2m) to wait longer',
      });
    }
    return new OciError('UNREACHABLE', `registry unreachable for ${display}: ${networkDetail(method, url, error)}`, { cause: error });
  }

  // ---- session and auth ---------------------------------------------------------------------------------

  private session(ref: Reference, display: string): Promise<Session> {
    let pending = this.sessions.get(ref.registry);
    if (!pending) {
      pending = this.ping(ref, display);
      pending.catch(() => this.sessions.delete(ref.registry));
      this.sessions.set(ref.registry, pending);
    }
    return pending;
  }

  /** `GET /v2/` over HTTPS (or HTTP per §10.1); the scheme that answers is kept for the process. */
  private async ping(ref: Reference, display: string): Promise<Session> {
    const policy = schemePolicy(ref.registry, this.insecure);
    const open = async (scheme: 'https' | 'http', retry: boolean): Promise<{ base: string; response: HttpResponse }> => {
      const base = `${scheme}://${ref.registry}`;
      const request = { method: 'GET' as const, url: `${base}/v2/` };
      const response = retry ? await this.transport.exchange(request, async (r) => r) : await this.transport.send(request);
      return { base, response };
    };
    let opened: { base: string; response: HttpResponse };
    let url = `${policy === 'http' ? 'http' : 'https'}://${ref.registry}/v2/`;
    try {
      if (policy === 'https-then-http') {
        try {
          opened = await open('https', false);
        } catch {
          url = `http://${ref.registry}/v2/`;
          opened = await open('http', true);
        }
      } else {
        opened = await open(policy, true);
      }
    } catch (error) {
      throw this.networkError(display, 'GET', url, error);
    }
    const { base, response } = opened;
    if (response.statusCode === 200) {
      await response.body.dump();
      return { base, challenge: undefined, tokens: new Map() };
    }
    if (response.statusCode === 401) {
      await response.body.dump();
      const challenge = pickChallenge(parseChallenges(response.headers['www-authenticate']));
      return { base, challenge, tokens: new Map() };
    }
    throw await this.statusError(ref, display, 'GET', `${base}/v2/`, response);
  }

  private async authorization(session: Session, ref: Reference, display: string, scope: Scope, refresh: boolean): Promise<string | undefined> {
    const challenge = session.challenge;
    if (!challenge) return undefined;
    const credential = await this.credentials.get(ref.registry);
    this.logger?.('registry credentials', { registry: ref.registry, source: credential?.source ?? 'none (anonymous)' });
    if (challenge.scheme === 'basic') {
      if (credential?.registryToken) return `Bearer ${credential.registryToken}`;
      if (credential?.username !== undefined && credential.password !== undefined) return basic(credential.username, credential.password);
      return undefined;
    }
    if (credential?.registryToken) return `Bearer ${credential.registryToken}`;
    const scopes = [`repository:${ref.repository}:${scope === 'push' ? 'push,pull' : 'pull'}`];
    const extra = challenge.params.scope;
    if (extra && !scopes.includes(extra)) scopes.push(extra);
    const key = scopes.join(' ');
    let token = session.tokens.get(key);
    if (!token || refresh) {
      token = this.fetchToken(challenge, scopes, credential, ref, display);
      token.catch(() => session.tokens.delete(key));
      session.tokens.set(key, token);
    }
    return `Bearer ${await token}`;
  }

  private async fetchToken(
    challenge: AuthChallenge,
    scopes: readonly string[],
    credential: Credential | undefined,
    ref: Reference,
    display: string,
  ): Promise<string> {
    const realm = challenge.params.realm;
    if (!realm) throw new OciError('AUTH_FAILED', `authentication failed for ${display}: bearer challenge without realm`);
    const service = challenge.params.service ?? '';
    const parseToken = async (method: string, url: string, response: HttpResponse): Promise<string | undefined> => {
      if (response.statusCode === 404 && method === 'POST') {
        await response.body.dump();
        return undefined;
      }
      if (response.statusCode !== 200) throw await this.statusError(ref, display, method, url, response);
      const body = JSON.parse((await readBody(response)).toString('utf8')) as { token?: string; access_token?: string };
      const token = body.token || body.access_token;
      if (!token) throw new OciError('AUTH_FAILED', `authentication failed for ${display}: ${method} ${url}: no token in response`);
      return token;
    };
    try {
      if (credential?.identityToken) {
        const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: credential.identityToken, service, client_id: 'pacto' });
        form.set('scope', scopes.join(' '));
        const token = await this.transport.exchange(
          { method: 'POST', url: realm, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() },
          (response) => parseToken('POST', realm, response),
        );
        if (token) return token;
      }
      const url = new URL(realm);
      if (service) url.searchParams.set('service', service);
      for (const scope of scopes) url.searchParams.append('scope', scope);
      const headers: Record<string, string> = {};
      if (credential?.username !== undefined && credential.password !== undefined) {
        headers.authorization = basic(credential.username, credential.password);
      }
      const token = await this.transport.exchange({ method: 'GET', url: url.toString(), headers }, (response) =>
        parseToken('GET', url.toString(), response),
      );
      return token as string;
    } catch (error) {
      throw this.networkError(display, 'GET', realm, error);
    }
  }

  /**
   * One authenticated exchange. With `retry`, transient failures are retried by the transport; a 401 under a
   * Bearer challenge refreshes the token once.
   */
  private async call<T>(
    ref: Reference,
    display: string,
    scope: Scope,
    req: { method: HttpMethod; path: string; headers?: Record<string, string>; body?: Uint8Array | (() => AsyncIterable<Uint8Array>); signal?: AbortSignal },
    handle: (response: HttpResponse, url: string) => Promise<T>,
    retry = true,
  ): Promise<T> {
    const session = await this.session(ref, display);
    const url = new URL(req.path, session.base).toString();
    for (let refreshed = false; ; refreshed = true) {
      const authorization = await this.authorization(session, ref, display, scope, refreshed);
      const request = {
        method: req.method,
        url,
        headers: { ...req.headers, ...(authorization ? { authorization } : {}) },
        ...(req.body === undefined ? {} : { body: req.body }),
        ...(req.signal === undefined ? {} : { signal: req.signal }),
      };
      const onResponse = async (response: HttpResponse): Promise<T | typeof AUTH_RETRY> => {
        if (response.statusCode === 401 && !refreshed && session.challenge?.scheme === 'bearer') {
          await response.body.dump();
          return AUTH_RETRY;
        }
        return handle(response, url);
      };
      let result: T | typeof AUTH_RETRY;
      try {
        result = retry ? await this.transport.exchange(request, onResponse) : await onResponse(await this.transport.send(request));
      } catch (error) {
        if (error instanceof OciError || error instanceof RetryableError) throw error;
        // Without retry here, the caller retries a larger unit (a whole upload) and needs the raw fault.
        if (!retry && isTransientError(error)) throw error;
        throw this.networkError(display, req.method, url, error);
      }
      if (result !== AUTH_RETRY) return result;
    }
  }

  // ---- manifests ------------------------------------------------------------------------------------------

  /** HEAD on the manifest: true when it exists, false on 404, OciError otherwise (oci.md §7.1). */
  async manifestExists(ref: Reference, display = formatReference(ref)): Promise<boolean> {
    const path = `/v2/${ref.repository}/manifests/${manifestIdentifier(ref)}`;
    return this.call(ref, display, 'pull', { method: 'HEAD', path, headers: { accept: MANIFEST_ACCEPT_HEAD.join(', ') } }, async (response, url) => {
      await response.body.dump();
      if (response.statusCode === 200) return true;
      if (response.statusCode === 404) return false;
      throw await this.statusError(ref, display, 'HEAD', url, response);
    });
  }

  /** GET the manifest; for a digest reference the bytes are verified against it. */
  async getManifest(ref: Reference, display = formatReference(ref)): Promise<FetchedManifest> {
    const path = `/v2/${ref.repository}/manifests/${manifestIdentifier(ref)}`;
    return this.call(ref, display, 'pull', { method: 'GET', path, headers: { accept: MANIFEST_ACCEPT_GET.join(', ') } }, async (response, url) => {
      if (response.statusCode !== 200) throw await this.statusError(ref, display, 'GET', url, response);
      const bytes = await readBody(response);
      const digest = sha256(bytes);
      if (ref.digest && ref.digest !== digest) {
        throw new OciError('DIGEST_MISMATCH', `manifest digest mismatch for ${display}: got ${digest}`);
      }
      const mediaType = (header(response, 'content-type') ?? '').split(';')[0]?.trim() ?? '';
      return { bytes, mediaType, digest };
    });
  }

  /** PUT the manifest under `ref`'s tag (or digest); returns the digest, checked against the registry's. */
  async putManifest(ref: Reference, bytes: Uint8Array, mediaType: string, display = formatReference(ref)): Promise<string> {
    const path = `/v2/${ref.repository}/manifests/${manifestIdentifier(ref)}`;
    const expected = sha256(bytes);
    return this.call(ref, display, 'push', { method: 'PUT', path, headers: { 'content-type': mediaType }, body: bytes }, async (response, url) => {
      if (response.statusCode !== 201 && response.statusCode !== 200) throw await this.statusError(ref, display, 'PUT', url, response);
      await response.body.dump();
      const returned = header(response, 'docker-content-digest');
      if (returned && returned !== expected) {
        throw new OciError('DIGEST_MISMATCH', `registry returned digest ${returned}, expected ${expected}`);
      }
      return expected;
    });
  }

  // ---- blobs ----------------------------------------------------------------------------------------------

  async blobExists(ref: Reference, digest: string, display = formatReference(ref)): Promise<boolean> {
    const path = `/v2/${ref.repository}/blobs/${digest}`;
    return this.call(ref, display, 'push', { method: 'HEAD', path }, async (response, url) => {
      await response.body.dump();
      if (response.statusCode === 200) return true;
      if (response.statusCode === 404) return false;
      throw await this.statusError(ref, display, 'HEAD', url, response);
    });
  }

  /** Downloads a blob (following redirects, without forwarding credentials to other hosts) and verifies it. */
  async getBlob(ref: Reference, descriptor: Descriptor, options: BlobOptions = {}): Promise<Buffer> {
    return (await this.fetchBlob(ref, descriptor, undefined, options)).bytes;
  }

  /**
   * `getBlob` that also feeds the bytes to a reader from `open` as they arrive (one reader per attempt), so
   * parsing overlaps the download; the reader's `end` is only awaited once the blob matched its digest.
   * Errors of `end` are passed on as thrown.
   */
  async readBlob<T>(ref: Reference, descriptor: Descriptor, open: () => BlobReader<T>, options: BlobOptions = {}): Promise<{ bytes: Buffer; value: T }> {
    const { bytes, reader } = await this.fetchBlob(ref, descriptor, open, options);
    return { bytes, value: await (reader as BlobReader<T>).end() };
  }

  private async fetchBlob<T>(
    ref: Reference,
    descriptor: Descriptor,
    open: (() => BlobReader<T>) | undefined,
    options: BlobOptions,
  ): Promise<{ bytes: Buffer; reader: BlobReader<T> | undefined }> {
    const display = options.display ?? formatReference(ref);
    const session = await this.session(ref, display);
    const origin = new URL(session.base).origin;
    let url = new URL(`/v2/${ref.repository}/blobs/${descriptor.digest}`, session.base).toString();
    let refreshed = false;
    for (let hop = 0; hop <= 5; ) {
      const sameOrigin = new URL(url).origin === origin;
      const authorization = sameOrigin ? await this.authorization(session, ref, display, 'pull', refreshed) : undefined;
      let received: Buffer | undefined;
      let reader: BlobReader<T> | undefined;
      const accept = (status: number): Writable | undefined => {
        if (status !== 200) return undefined;
        reader = open?.();
        return verifyingSink(descriptor, options.onProgress, reader, this.hasher, (bytes) => {
          received = bytes;
        });
      };
      let response: StreamedResponse;
      try {
        response = await this.transport.streamExchange({ method: 'GET', url, headers: authorization ? { authorization } : {} }, accept);
      } catch (error) {
        if (error instanceof OciError) throw error;
        throw this.networkError(display, 'GET', url, error);
      }
      if (response.statusCode === 200 && received) return { bytes: received, reader };
      reader?.abort();
      if (response.statusCode === 401 && sameOrigin && !refreshed && session.challenge?.scheme === 'bearer') {
        refreshed = true;
        continue;
      }
      const location = response.headers.location;
      if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string') {
        url = new URL(location, url).toString();
        hop++;
        continue;
      }
      throw this.statusErrorFrom(ref, display, 'GET', url, response.statusCode, response.body.toString('utf8'));
    }
    throw new OciError('UNREACHABLE', `registry unreachable for ${display}: too many redirects`);
  }

  /**
   * Uploads a blob unless the registry has it; restarts the whole upload on transient failures. A blob whose
   * digest is still being computed (`PendingBlob`) is sent while it is hashed, in `PATCH` requests, and the
   * digest goes into the final `PUT`; once the digest is known a `HEAD` asks whether the registry already has
   * it, and if so the upload is cancelled.
   */
  async uploadBlob(ref: Reference, blob: Blob | PendingBlob, options: { display?: string; onProgress?: ProgressListener } = {}): Promise<'uploaded' | 'exists'> {
    const display = options.display ?? formatReference(ref);
    if (typeof blob.digest !== 'string') return this.uploadPendingBlob(ref, blob as PendingBlob, display, options.onProgress);
    const known = blob as Blob;
    if (await this.blobExists(ref, known.digest, display)) {
      this.logger?.('blob already present', { digest: known.digest, bytes: known.size });
      options.onProgress?.({ direction: 'upload', digest: known.digest, transferred: known.size, total: known.size, present: true });
      return 'exists';
    }
    try {
      await this.transport.retrying(() => this.sendBlob(ref, display, known.bytes, known.digest, options.onProgress, undefined));
    } catch (error) {
      throw this.networkError(display, 'upload', `blob ${known.digest}`, error);
    }
    return 'uploaded';
  }

  private async uploadPendingBlob(ref: Reference, blob: PendingBlob, display: string, onProgress: ProgressListener | undefined): Promise<'uploaded' | 'exists'> {
    const cancel = new AbortController();
    const present = blob.digest.then(async (digest) => {
      const exists = await this.blobExists(ref, digest, display);
      if (exists) cancel.abort();
      return exists;
    });
    present.catch(() => undefined);
    try {
      await this.transport.retrying(() => this.sendBlob(ref, display, blob.bytes, blob.digest, onProgress, { present, signal: cancel.signal }));
    } catch (error) {
      if (cancel.signal.aborted) return this.alreadyPresent(await blob.digest, blob.bytes.byteLength, onProgress);
      if (error instanceof OciError) throw error;
      throw this.networkError(display, 'upload', `blob ${await blob.digest.catch(() => '(digest unknown)')}`, error);
    }
    if (await present) return this.alreadyPresent(await blob.digest, blob.bytes.byteLength, onProgress);
    return 'uploaded';
  }

  private alreadyPresent(digest: string, size: number, onProgress: ProgressListener | undefined): 'exists' {
    this.logger?.('blob already present', { digest, bytes: size });
    onProgress?.({ direction: 'upload', digest, transferred: size, total: size, present: true });
    return 'exists';
  }

  /**
   * One upload session for `bytes`. With `pending`, the bytes always go as PATCH requests (the digest is not known
   * yet) and the session is dropped instead of completed when the registry turns out to have the blob.
   */
  private async sendBlob(
    ref: Reference,
    display: string,
    bytes: Uint8Array,
    digest: string | Promise<string>,
    onProgress: ProgressListener | undefined,
    pending: { present: Promise<boolean>; signal: AbortSignal } | undefined,
  ): Promise<void> {
    const size = bytes.byteLength;
    const label = typeof digest === 'string' ? digest : '';
    let location = await this.startUpload(ref, display);
    const signal = pending?.signal;
    const progress = (base: number, part: Uint8Array) => async function* slices(): AsyncIterable<Uint8Array> {
      for (let offset = 0; offset < part.length; offset += PROGRESS_SLICE) {
        const slice = part.subarray(offset, offset + PROGRESS_SLICE);
        yield slice;
        onProgress?.({ direction: 'upload', digest: label, transferred: base + offset + slice.length, total: size });
      }
    };
    const expectStatus = async (response: HttpResponse, url: string, method: string, ok: number[]): Promise<void> => {
      if (ok.includes(response.statusCode)) {
        await response.body.dump();
        return;
      }
      if (isTransientStatus(response.statusCode)) {
        await response.body.dump();
        throw new RetryableError(`${method} ${url}: ${response.statusCode}`);
      }
      throw await this.statusError(ref, display, method, url, response);
    };
    if (typeof digest === 'string' && size <= this.chunkSize) {
      const url = withDigest(location, digest);
      await this.call(
        ref,
        display,
        'push',
        { method: 'PUT', path: url, headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) }, body: progress(0, bytes) },
        (response) => expectStatus(response, url, 'PUT', [201]),
        false,
      );
      return;
    }
    try {
      for (let start = 0; start < size; start += this.chunkSize) {
        const chunk = bytes.subarray(start, start + this.chunkSize);
        const url = location;
        location = await this.call(
          ref,
          display,
          'push',
          {
            method: 'PATCH',
            path: url,
            headers: {
              'content-type': 'application/octet-stream',
              'content-length': String(chunk.length),
              'content-range': `${start}-${start + chunk.length - 1}`,
            },
            body: progress(start, chunk),
            ...(signal ? { signal } : {}),
          },
          async (response) => {
            const next = header(response, 'location');
            await expectStatus(response, url, 'PATCH', [202]);
            return next ? new URL(next, url).toString() : url;
          },
          false,
        );
      }
      if (pending && (await pending.present)) throw signal?.reason ?? new Error('blob already present');
    } catch (error) {
      if (signal?.aborted) await this.cancelUpload(ref, display, location);
      throw error;
    }
    const url = withDigest(location, await digest);
    await this.call(ref, display, 'push', { method: 'PUT', path: url, headers: { 'content-length': '0' } }, (response) =>
      expectStatus(response, url, 'PUT', [201]),
      false,
    );
  }

  /** Drops an upload session the registry need not keep (best effort: it expires anyway). */
  private async cancelUpload(ref: Reference, display: string, location: string): Promise<void> {
    await this.call(ref, display, 'push', { method: 'DELETE', path: location }, async (response) => {
      await response.body.dump();
    }, false).catch(() => undefined);
  }

  private async startUpload(ref: Reference, display: string): Promise<string> {
    return this.call(ref, display, 'push', { method: 'POST', path: `/v2/${ref.repository}/blobs/uploads/` }, async (response, url) => {
      if (response.statusCode !== 202) throw await this.statusError(ref, display, 'POST', url, response);
      await response.body.dump();
      const location = header(response, 'location');
      if (!location) throw new OciError('UNREACHABLE', `registry unreachable for ${display}: POST ${url}: no upload location`);
      return new URL(location, url).toString();
    });
  }

  // ---- tags -----------------------------------------------------------------------------------------------

  /**
   * All tags of the repository, following `Link` pagination; cached per repository for the process.
   * `refresh` asks the registry again (a long-running reader, such as the dashboard, sees new tags).
   */
  listTags(ref: Reference, options: { refresh?: boolean } = {}): Promise<string[]> {
    const key = `${ref.registry}/${ref.repository}`;
    let pending = options.refresh ? undefined : this.tagLists.get(key);
    if (!pending) {
      pending = this.fetchTags(ref);
      pending.catch(() => this.tagLists.delete(key));
      this.tagLists.set(key, pending);
    }
    return pending;
  }

  private async fetchTags(ref: Reference): Promise<string[]> {
    const display = ref.name;
    const tags: string[] = [];
    let path: string | undefined = `/v2/${ref.repository}/tags/list?n=${this.tagPageSize}`;
    for (let page = 0; path && page < 1000; page++) {
      const current: string = path;
      path = await this.call(ref, display, 'pull', { method: 'GET', path: current }, async (response, url) => {
        if (response.statusCode !== 200) throw await this.statusError(ref, display, 'GET', url, response);
        const body = JSON.parse((await readBody(response)).toString('utf8')) as { tags?: string[] | null };
        tags.push(...(body.tags ?? []));
        const link = header(response, 'link');
        const next = link === undefined ? undefined : nextLink(link);
        return next ? new URL(next, url).toString() : undefined;
      });
    }
    return tags;
  }
}
