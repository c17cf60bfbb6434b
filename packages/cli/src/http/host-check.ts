import type { IncomingMessage, ServerResponse } from 'node:http';

// DNS rebinding: a web page on `evil.example` can make its own name resolve to 127.0.0.1 and then read
// a local server as if it were same-origin. The browser still sends `Host: evil.example`, so a server
// that answers only to the names it was bound to cannot be read that way (docs/decisions.md, "Servers").

/** Which `Host` names a server answers to. */
export interface HostPolicy {
  /** Bound to a wildcard address (`0.0.0.0`, `::`) on purpose: reachable from the network, any name is accepted. */
  readonly anyHost: boolean;
  /** Lower-case host names without port; IPv6 addresses in brackets (`[::1]`). */
  readonly names: ReadonlySet<string>;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD_ADDRESSES = new Set(['', '0.0.0.0', '::', '[::]']);

/** The policy of a server bound to `boundHost` (the `--host` value): loopback names plus the bound name. */
export function hostPolicy(boundHost: string): HostPolicy {
  const bound = boundHost.toLowerCase();
  if (WILDCARD_ADDRESSES.has(bound)) return { anyHost: true, names: new Set(LOOPBACK_NAMES) };
  const name = bound.includes(':') && !bound.startsWith('[') ? `[${bound}]` : bound;
  return { anyHost: false, names: new Set([...LOOPBACK_NAMES, name]) };
}

/** The host name of a `Host` header or URL authority (`name`, `name:port`, `[v6]:port`), lower-case, no port. */
export function hostName(authority: string): string {
  const text = authority.trim().toLowerCase();
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    return close < 0 ? text : text.slice(0, close + 1);
  }
  const colon = text.indexOf(':');
  return colon < 0 ? text : text.slice(0, colon);
}

/** True when a request with this `Host` header may be answered. A missing header is refused. */
export function isAllowedHost(hostHeader: string | undefined, policy: HostPolicy): boolean {
  if (hostHeader === undefined || hostHeader === '') return false;
  return policy.anyHost || policy.names.has(hostName(hostHeader));
}

/**
 * True when a request with this `Origin` header may be answered (the MCP specification asks servers to
 * check it): no `Origin` (not a browser, or a same-origin GET), or an `http(s)` origin whose host is allowed.
 */
export function isAllowedOrigin(originHeader: string | undefined, policy: HostPolicy): boolean {
  if (originHeader === undefined) return true;
  let origin: URL;
  try {
    origin = new URL(originHeader);
  } catch {
    return false;
  }
  if (origin.protocol !== 'http:' && origin.protocol !== 'https:') return false;
  return policy.anyHost || policy.names.has(hostName(origin.host));
}

/**
 * Answers 403 and returns true when the request's `Host` (and `Origin`, when `checkOrigin`) is not allowed;
 * a request handler returns right after a true.
 */
export function refuseForeignRequest(
  request: IncomingMessage,
  response: ServerResponse,
  policy: HostPolicy,
  options: { checkOrigin?: boolean } = {},
): boolean {
  const hostOk = isAllowedHost(request.headers.host, policy);
  const originOk = !options.checkOrigin || isAllowedOrigin(request.headers.origin, policy);
  if (hostOk && originOk) return false;
  const what = hostOk ? `origin ${JSON.stringify(request.headers.origin)}` : `host ${JSON.stringify(request.headers.host ?? '')}`;
  const body = `403 forbidden: this server does not answer to ${what} (it answers to ${[...policy.names].join(', ')})\n`;
  response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' });
  response.end(request.method === 'HEAD' ? undefined : body);
  return true;
}
