import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { PactoError } from '@pacto/schema';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { DashboardError, type DashboardApi } from '../api/dashboard-api.js';
import { openApiDocument } from '../api/openapi.js';
import { hostPolicy, isAllowedHost, isAllowedOrigin } from './host-check.js';
import { loadAssets, type Asset } from './static-assets.js';

export interface DashboardServerOptions {
  /** Bind address (default 127.0.0.1). */
  readonly host?: string;
  /** Port (default 3000; 0 picks a free one). */
  readonly port?: number;
  /** One extra origin allowed to call the API from a browser (`--cors-origin`). */
  readonly corsOrigin?: string;
  /** The built web app (`dist/ui` of this package). */
  readonly uiDir: string;
  /** Serve `/api/debug/*` (`--diagnostics`). */
  readonly diagnostics?: boolean;
}

export interface RunningDashboard {
  /** `http://<host>:<port>`, with a wildcard host shown as 127.0.0.1. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

// The page may load scripts, styles and data only from itself; the graph draws on canvases (blob: images).
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** The HTTP layer of the dashboard: the JSON API of cli.md §4.14, its OpenAPI description and the web app. */
export function createDashboardApp(api: DashboardApi, options: DashboardServerOptions & { assets: ReadonlyMap<string, Asset> }): Hono {
  const app = new Hono();
  const policy = hostPolicy(options.host ?? '127.0.0.1');
  const openapi = JSON.stringify(openApiDocument(api.health().version));

  app.use('*', async (c, next) => {
    if (!isAllowedHost(c.req.header('host'), policy)) {
      return c.text(`403 forbidden: this server does not answer to host ${JSON.stringify(c.req.header('host') ?? '')} (it answers to ${[...policy.names].join(', ')})\n`, 403);
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS' && !isAllowedOrigin(c.req.header('origin'), policy, options.corsOrigin)) {
      return errorResponse(c, new DashboardError(403, 'FORBIDDEN_ORIGIN', `requests from origin ${JSON.stringify(c.req.header('origin'))} are not allowed`, { hint: 'start the dashboard with --cors-origin <origin> to allow one' }));
    }
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
  });
  if (options.corsOrigin) {
    app.use('*', cors({ origin: options.corsOrigin, allowMethods: ['GET', 'POST'], allowHeaders: ['content-type'], maxAge: 600 }));
  }
  app.use('/api/*', bodyLimit({ maxSize: 64 * 1024, onError: (c) => errorResponse(c, new DashboardError(413, 'BODY_TOO_LARGE', 'the request body is larger than 64 KiB')) }));

  const jsonBody = async (c: Context): Promise<unknown> => {
    if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
      throw new DashboardError(415, 'UNSUPPORTED_MEDIA_TYPE', 'the request body must be application/json');
    }
    try {
      return await c.req.json();
    } catch {
      throw new DashboardError(400, 'BAD_REQUEST', 'the request body is not valid JSON');
    }
  };

  app.get('/health', (c) => c.json(api.health()));
  app.get('/metrics', (c) => c.json(api.metrics()));
  // The fleet-wide answers are serialised once per fleet generation: they are what every page asks first.
  const serialised = new Map<string, { generation: number; body: string }>();
  const fleetWide = (key: string, compute: () => unknown) => (c: Context) => {
    let known = serialised.get(key);
    if (known?.generation !== api.fleet.generation) {
      const generation = api.fleet.generation;
      known = { generation, body: JSON.stringify(compute()) };
      serialised.set(key, known);
    }
    return c.body(known.body, 200, { 'content-type': 'application/json' });
  };

  app.get('/api/services', fleetWide('services', () => api.services()));
  app.get('/api/services/:name', (c) => c.json(api.service(c.req.param('name'))));
  app.get('/api/services/:name/versions', async (c) => c.json(await api.versions(c.req.param('name'))));
  app.get('/api/services/:name/sources', (c) => c.json(api.serviceSources(c.req.param('name'))));
  app.get('/api/services/:name/graph', async (c) => c.json(await api.serviceGraph(c.req.param('name'))));
  app.get('/api/services/:name/dependents', (c) => c.json(api.dependents(c.req.param('name'))));
  app.get('/api/services/:name/refs', (c) => c.json(api.refs(c.req.param('name'))));
  app.get('/api/graph', fleetWide('graph', () => api.graph()));
  app.get('/api/diff', async (c) => c.json(await api.diff(c.req.query())));
  app.get('/api/sources', (c) => c.json(api.sources()));
  app.post('/api/refresh', async (c) => c.json(await api.refresh()));
  app.post('/api/resolve', async (c) => c.json(await api.resolve(await jsonBody(c))));
  app.post('/api/versions', async (c) => c.json(await api.listVersions(await jsonBody(c))));
  if (options.diagnostics) {
    app.get('/api/debug/sources', (c) => c.json(api.sources()));
    app.get('/api/debug/services', (c) => c.json(api.debugServices()));
  }
  app.get('/openapi.json', (c) => c.body(openapi, 200, { 'content-type': 'application/json' }));
  app.get('/openapi', (c) => c.redirect('/openapi.json', 301));
  app.get('/schemas', (c) => c.redirect('/openapi.json', 301));
  app.get('/docs', (c) => c.redirect('/#/api', 302));
  app.all('/api/*', (c) => errorResponse(c, new DashboardError(404, 'NOT_FOUND', `no API endpoint ${c.req.method} ${c.req.path}`, { hint: 'GET /openapi.json describes the API' })));

  app.get('*', (c) => {
    const asset = options.assets.get(c.req.path);
    if (!asset) return c.text('404 not found\n', 404);
    c.header('content-type', asset.type);
    c.header('cache-control', asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (asset.type.startsWith('text/html')) c.header('content-security-policy', CONTENT_SECURITY_POLICY);
    return c.body(asset.body as Uint8Array<ArrayBuffer>);
  });

  app.onError((error, c) => errorResponse(c, error));
  return app;
}

function errorResponse(c: Context, error: unknown): Response {
  if (error instanceof DashboardError) {
    return c.json({ error: { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) } }, error.status as 400);
  }
  if (error instanceof PactoError) {
    return c.json({ error: { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) } }, 500);
  }
  return c.json({ error: { code: 'INTERNAL', message: `unexpected error: ${(error as Error).message}` } }, 500);
}

/** Starts the dashboard's HTTP server. A listen failure is one line worded like the Go tool's. */
export async function startDashboardServer(api: DashboardApi, options: DashboardServerOptions): Promise<RunningDashboard> {
  const assets = await loadAssets(options.uiDir);
  const app = createDashboardApp(api, { ...options, assets });
  const server = createServer(getRequestListener(app.fetch));
  // Idle keep-alive connections of a browser must not hold the process open after Ctrl+C.
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 3000;
  await listen(server, host, port);
  const bound = (server.address() as AddressInfo).port;
  const shown = host === '' || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${bound}`,
    host,
    port: bound,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason =
        { EADDRINUSE: 'bind: address already in use', EACCES: 'bind: permission denied', EADDRNOTAVAIL: 'bind: cannot assign requested address', ENOTFOUND: 'lookup: no such host', EAI_AGAIN: 'lookup: no such host' }[
          error.code ?? ''
        ] ?? error.message;
      reject(new PactoError('LISTEN_FAILED', `listen: listen tcp ${host}:${port}: ${reason}`, { cause: error }));
    });
    server.listen(port, host, () => resolve());
  });
}
