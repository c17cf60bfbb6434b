import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostName, hostPolicy, isAllowedHost, isAllowedOrigin, type HostPolicy } from '@pacto/dashboard';

// DNS rebinding: a web page on `evil.example` can make its own name resolve to 127.0.0.1 and then read
// a local server as if it were same-origin. The browser still sends `Host: evil.example`, so a server
// that answers only to the names it was bound to cannot be read that way (docs/decisions.md, "Servers").
// The rule is written once, in @pacto/dashboard (whose server is a library the CLI cannot lend code to);
// this file adds the refusal of a plain Node server.

export { hostName, hostPolicy, isAllowedHost, isAllowedOrigin };
export type { HostPolicy };

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
