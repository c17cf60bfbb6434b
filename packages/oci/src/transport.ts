import type { IncomingHttpHeaders } from 'node:http';
import { Writable } from 'node:stream';
import { Agent, EnvHttpProxyAgent, request, stream, type Dispatcher } from 'undici';
import { OciError } from './error.js';
import type { OciLogger } from './types.js';

export type HttpMethod = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

/** A replayable request: a body given as a factory is re-created for each attempt. */
export interface HttpRequest {
  readonly method: HttpMethod;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Uint8Array | string | (() => AsyncIterable<Uint8Array>);
  /** Aborts the request (and its body) when signalled. */
  readonly signal?: AbortSignal;
}

export type HttpResponse = Dispatcher.ResponseData;

export interface TransportOptions {
  /** Waits between attempts; its length + 1 is the number of attempts (oci.md §10.3: about 1 s then 3 s). */
  readonly retryDelaysMs?: readonly number[];
  readonly userAgent?: string;
  /** Custom undici dispatcher; by default an Agent (or EnvHttpProxyAgent when proxy variables are set). */
  readonly dispatcher?: Dispatcher;
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Longest wait for the next bytes (response headers, a body chunk, or the registry reading an upload) before an
   * attempt fails; default `PACTO_HTTP_TIMEOUT` from `env`, else 30 s. There is no limit on an attempt's total time.
   */
  readonly idleTimeoutMs?: number;
  /** Told about every request (for `-v`). */
  readonly logger?: OciLogger;
}

export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m)?$/;

/** `PACTO_HTTP_TIMEOUT` (`30s`, `500ms`, `2m`, or seconds as a number) in milliseconds; the default when unset. */
export function idleTimeoutFromEnv(env: NodeJS.ProcessEnv): number {
  const text = env.PACTO_HTTP_TIMEOUT?.trim();
  if (text === undefined || text === '') return DEFAULT_IDLE_TIMEOUT_MS;
  const match = DURATION.exec(text);
  const value = match ? Number(match[1]) * (match[2] === 'ms' ? 1 : match[2] === 'm' ? 60_000 : 1000) : NaN;
  if (!(value >= 1)) {
    throw new OciError('INVALID_TIMEOUT', `invalid PACTO_HTTP_TIMEOUT ${JSON.stringify(text)}: expected a duration such as 30s, 500ms or 2m`);
  }
  return Math.round(value);
}

/** True for the error undici raises when the idle timeout passes (no headers, or no body bytes, in time). */
export function isIdleTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
}

/** A URL as logged: without its query (upload state, digests) and without credentials. */
function loggedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return url.split('?')[0]!;
  }
}

const TRANSIENT_STATUSES = new Set([408, 429, 499, 500, 502, 503, 504, 522]);
const TRANSIENT_ERROR_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'ERR_STREAM_PREMATURE_CLOSE',
  'Z_BUF_ERROR',
]);

export function isTransientStatus(status: number): boolean {
  return TRANSIENT_STATUSES.has(status);
}

/** Connection resets, broken pipes, premature ends and timeouts; a refused connection is not transient. */
export function isTransientError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && TRANSIENT_ERROR_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Thrown by `exchange` handlers to ask for another attempt (e.g. a body that ended early). */
export class RetryableError extends Error {
  override readonly name = 'RetryableError';
}

function jitter(ms: number): number {
  return Math.round(ms * (0.9 + Math.random() * 0.2));
}

function defaultDispatcher(env: NodeJS.ProcessEnv): Dispatcher {
  const connect = { timeout: 30_000 };
  const proxied = env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy;
  return proxied ? new EnvHttpProxyAgent({ connect }) : new Agent({ connect, keepAliveTimeout: 10_000 });
}

/** HTTP with undici's streaming `request` API and the retry policy of oci.md §10.3. */
export class Transport {
  readonly userAgent: string;
  readonly idleTimeoutMs: number;
  private readonly delays: readonly number[];
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly logger: OciLogger | undefined;

  constructor(options: TransportOptions = {}) {
    this.logger = options.logger;
    this.userAgent = options.userAgent ?? 'pacto/dev';
    this.delays = options.retryDelaysMs ?? [1000, 3000];
    this.idleTimeoutMs = options.idleTimeoutMs ?? idleTimeoutFromEnv(options.env ?? process.env);
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher = options.dispatcher ?? defaultDispatcher(options.env ?? process.env);
  }

  /** One attempt, no retry; the caller must consume or dump the body. */
  async send(req: HttpRequest): Promise<HttpResponse> {
    const body = typeof req.body === 'function' ? req.body() : req.body;
    const started = Date.now();
    try {
      const response = await request(req.url, {
        method: req.method,
        headers: { 'user-agent': this.userAgent, ...req.headers },
        body: body as Dispatcher.DispatchOptions['body'],
        dispatcher: this.dispatcher,
        headersTimeout: this.idleTimeoutMs,
        bodyTimeout: this.idleTimeoutMs,
        ...(req.signal ? { signal: req.signal } : {}),
      });
      this.logger?.('registry request', { method: req.method, url: loggedUrl(req.url), status: response.statusCode, ms: Date.now() - started });
      return response;
    } catch (error) {
      this.logger?.('registry request failed', { method: req.method, url: loggedUrl(req.url), error: (error as { code?: string }).code ?? (error as Error).message });
      throw error;
    }
  }

  /**
   * Sends `req` and hands the response to `handle`, retrying the whole exchange (including reading the body)
   * on transient statuses and network faults. After the last attempt a transient status is handed over as is.
   */
  async exchange<T>(req: HttpRequest, handle: (response: HttpResponse) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const canRetry = attempt < this.delays.length;
      try {
        const response = await this.send(req);
        if (canRetry && isTransientStatus(response.statusCode)) {
          await response.body.dump().catch(() => undefined);
          await this.pause(attempt);
          continue;
        }
        return await handle(response);
      } catch (error) {
        if (canRetry && (error instanceof RetryableError || isTransientError(error))) {
          await this.pause(attempt);
          continue;
        }
        throw error;
      }
    }
  }

  /**
   * Streams the response body straight into the sink `accept` returns for its status (undici's `stream` API:
   * no async iteration per chunk, which matters for 40 MB blobs). Without a sink the body is collected, for
   * error details and redirects. Retries like `exchange`; `accept` is called again for every attempt.
   */
  async streamExchange(
    req: HttpRequest,
    accept: (statusCode: number, headers: IncomingHttpHeaders) => Writable | undefined,
  ): Promise<StreamedResponse> {
    for (let attempt = 0; ; attempt++) {
      const canRetry = attempt < this.delays.length;
      let statusCode = 0;
      let headers: IncomingHttpHeaders = {};
      const collected: Buffer[] = [];
      const started = Date.now();
      try {
        await stream(
          req.url,
          {
            method: req.method,
            headers: { 'user-agent': this.userAgent, ...req.headers },
            dispatcher: this.dispatcher,
            headersTimeout: this.idleTimeoutMs,
            bodyTimeout: this.idleTimeoutMs,
            opaque: undefined,
          },
          (data) => {
            statusCode = data.statusCode;
            headers = data.headers as IncomingHttpHeaders;
            const sink = canRetry && isTransientStatus(statusCode) ? undefined : accept(statusCode, headers);
            return (
              sink ??
              new Writable({
                write(chunk: Buffer, _encoding, callback) {
                  if (collected.length < 64) collected.push(chunk);
                  callback();
                },
              })
            );
          },
        );
        this.logger?.('registry request', { method: req.method, url: loggedUrl(req.url), status: statusCode, ms: Date.now() - started });
        if (canRetry && isTransientStatus(statusCode)) {
          await this.pause(attempt);
          continue;
        }
        return { statusCode, headers, body: Buffer.concat(collected) };
      } catch (error) {
        this.logger?.('registry request failed', { method: req.method, url: loggedUrl(req.url), error: (error as { code?: string }).code ?? (error as Error).message });
        if (canRetry && (error instanceof RetryableError || isTransientError(error))) {
          await this.pause(attempt);
          continue;
        }
        throw error;
      }
    }
  }

  /** Runs `operation` with the same retry policy (used to restart whole blob uploads). */
  async retrying<T>(operation: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await operation();
      } catch (error) {
        if (attempt < this.delays.length && (error instanceof RetryableError || isTransientError(error))) {
          await this.pause(attempt);
          continue;
        }
        throw error;
      }
    }
  }

  private pause(attempt: number): Promise<void> {
    const ms = jitter(this.delays[attempt] ?? 0);
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }
}

/** Status and headers of a streamed exchange; `body` holds the start of a body no sink took. */
export interface StreamedResponse {
  readonly statusCode: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** Reads a whole body into one buffer. */
export async function readBody(response: HttpResponse): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of response.body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** First value of a response header. */
export function header(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
