import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

// The built CLI, run as a user runs it (PACTO_TEST_BIN points at another build).
export const PACTO_BIN = process.env.PACTO_TEST_BIN ?? fileURLToPath(new URL('../../../cli/dist/pacto.js', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PactoRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function pactoEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { ...process.env, PACTO_NO_UPDATE_CHECK: '1', NO_COLOR: '1', PACTO_DASHBOARD_REPO: '', ...env };
}

/** Runs `pacto <args>` to completion. */
export function runPacto(args: readonly string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<PactoRun> {
  if (!existsSync(PACTO_BIN)) throw new Error(`${PACTO_BIN} is missing: run \`pnpm build\` first`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PACTO_BIN, ...args], { cwd: options.cwd, env: pactoEnv(options.env ?? {}), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface ServingDashboard {
  readonly child: ChildProcess;
  readonly url: string;
  stderr(): string;
  /** Sends `signal` to the dashboard's PID and resolves with its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `pacto dashboard <args>` and waits for its "running at" line. */
export function serveDashboard(args: readonly string[], options: { env?: Record<string, string | undefined>; cwd?: string; timeoutMs?: number } = {}): Promise<ServingDashboard> {
  if (!existsSync(PACTO_BIN)) throw new Error(`${PACTO_BIN} is missing: run \`pnpm build\` first`);
  const child = spawn(process.execPath, [PACTO_BIN, 'dashboard', ...args], { cwd: options.cwd, env: pactoEnv(options.env ?? {}), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`pacto dashboard did not start: ${stderr}`));
    }, options.timeoutMs ?? 30_000);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /Pacto Dashboard running at (http:\/\/\S+)\n/.exec(stderr);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        child,
        url: match[1]!,
        stderr: () => stderr,
        stop(signal = 'SIGTERM') {
          if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, signal);
          return exited;
        },
      });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`pacto dashboard exited with ${code}: ${stderr}`));
    });
  });
}

/** A plain static file server over `dir` (what GitHub Pages or any web server does). */
export async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const handler = sirv(dir, { dev: false, etag: true });
  const server: Server = createHttpServer((req, res) => handler(req, res, () => {
    res.statusCode = 404;
    res.end('not found');
  }));
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
