import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CliError } from './cli-error.js';
import { hostPolicy, refuseForeignRequest } from './http/host-check.js';

/** The page, served on every path, and the files served on their own paths (e.g. `/_pacto/mermaid.min.js`). */
export interface DocPage {
  readonly html: string;
  readonly assets?: ReadonlyMap<string, { readonly contentType: string; readonly body: Buffer }>;
}

export interface RunningDocServer {
  /** The address actually bound (the port differs from the requested one only for port 0). */
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves one HTML page on every path but those of its assets (cli.md §4.8 `--serve`) to requests addressed to the bound host,
 * `localhost` or `127.0.0.1` only (DNS rebinding). A listen failure becomes one line worded like the
 * Go tool's (`listen: listen tcp 127.0.0.1:8484: bind: address already in use`).
 */
export async function startDocServer(page: DocPage, host: string, port: number): Promise<RunningDocServer> {
  const html = Buffer.from(page.html, 'utf8');
  const policy = hostPolicy(host);
  const server = createServer((request, response) => {
    if (refuseForeignRequest(request, response, policy)) return;
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const asset = page.assets?.get(path);
    const body = asset?.body ?? html;
    response.writeHead(200, {
      'content-type': asset?.contentType ?? 'text/html; charset=utf-8',
      'content-length': body.length,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // Scripts only from this server (Mermaid and its start script); Mermaid styles its SVG inline.
      'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:",
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await listen(server, host, port);
  const address = server.address() as AddressInfo;
  return {
    host,
    port: address.port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Listens on host:port; a failure is one `listen: listen tcp <host>:<port>: <reason>` line, as the Go tool words it. */
export function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(new CliError(`listen: listen tcp ${host}:${port}: ${listenErrorText(error)}`, { cause: error }));
    });
    server.listen(port, host, () => resolve());
  });
}

function listenErrorText(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return 'bind: address already in use';
    case 'EACCES':
      return 'bind: permission denied';
    case 'EADDRNOTAVAIL':
      return 'bind: cannot assign requested address';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'lookup: no such host';
    default:
      return error.message;
  }
}

/** Resolves on the first SIGINT or SIGTERM, then stops listening for both. */
export function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
