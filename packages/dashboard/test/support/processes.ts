import { createServer as createHttpServer, type Server } from 'node:http';
import sirv from 'sirv';
import { servePacto, type ServingPacto } from '../../../cli/test/doc/serve-process.js';
import { runPacto as runBuiltPacto, type PactoRun } from '../../../cli/test/support/run-pacto.js';

// The built CLI, run as a user runs it, through the CLI's own test helpers. `PACTO_DASHBOARD_REPO` of the
// environment running the tests must not add repositories.

export { freePort } from '../../../cli/test/doc/serve-process.js';
export type { PactoRun };

const ISOLATED = { PACTO_DASHBOARD_REPO: '' };

export function runPacto(args: readonly string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<PactoRun> {
  return runBuiltPacto(args, { ...options, env: { ...ISOLATED, ...options.env } });
}

/** Starts `pacto dashboard <args>` and waits for its "running at" line. */
export function serveDashboard(args: readonly string[], options: { env?: Record<string, string | undefined> } = {}): Promise<ServingPacto> {
  return servePacto(['dashboard', ...args], { env: { ...ISOLATED, ...options.env }, timeoutMs: 30_000, ready: /Pacto Dashboard running at (http:\/\/\S+)\n/ });
}

/** A plain static file server over `dir` (what GitHub Pages or any web server does). */
export async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const handler = sirv(dir, { dev: false, etag: true });
  const server: Server = createHttpServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
