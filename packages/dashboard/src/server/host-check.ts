// DNS rebinding: a page on `evil.example` can make its own name resolve to 127.0.0.1 and then read a local
// server as if it were same-origin. The browser still sends `Host: evil.example`, so a server that answers only
// to the names it was bound to cannot be read that way. The rule is the project's for every server
// (CONTRIBUTING.md, "Servers"): the bound address, `localhost` and `127.0.0.1` (and `[::1]`); a server bound to
// a wildcard address on purpose (`--host 0.0.0.0`) is meant to be reached by other names and accepts any.

export interface HostPolicy {
  readonly anyHost: boolean;
  /** Lower-case host names without port; IPv6 addresses in brackets. */
  readonly names: ReadonlySet<string>;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD_ADDRESSES = new Set(['', '0.0.0.0', '::', '[::]']);

export function hostPolicy(boundHost: string): HostPolicy {
  const bound = boundHost.toLowerCase();
  if (WILDCARD_ADDRESSES.has(bound)) return { anyHost: true, names: new Set(LOOPBACK_NAMES) };
  const name = bound.includes(':') && !bound.startsWith('[') ? `[${bound}]` : bound;
  return { anyHost: false, names: new Set([...LOOPBACK_NAMES, name]) };
}

/** The host name of a `Host` header or URL authority, lower-case, without the port. */
export function hostName(authority: string): string {
  const text = authority.trim().toLowerCase();
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    return close < 0 ? text : text.slice(0, close + 1);
  }
  const colon = text.indexOf(':');
  return colon < 0 ? text : text.slice(0, colon);
}

/** May a request with this `Host` header be answered? A missing header is refused. */
export function isAllowedHost(hostHeader: string | undefined, policy: HostPolicy): boolean {
  if (hostHeader === undefined || hostHeader === '') return false;
  return policy.anyHost || policy.names.has(hostName(hostHeader));
}

/**
 * May a request with this `Origin` be answered (servers check it before a browser page of another site can
 * change state, and the MCP specification asks for it)? No `Origin` (not a browser, or a same-origin GET), an
 * `http(s)` origin whose host the policy accepts, or the one extra origin of `--cors-origin`.
 */
export function isAllowedOrigin(originHeader: string | undefined, policy: HostPolicy, corsOrigin?: string): boolean {
  if (originHeader === undefined) return true;
  if (corsOrigin !== undefined && originHeader === corsOrigin) return true;
  let origin: URL;
  try {
    origin = new URL(originHeader);
  } catch {
    return false;
  }
  if (origin.protocol !== 'http:' && origin.protocol !== 'https:') return false;
  return policy.anyHost || policy.names.has(hostName(origin.host));
}
