import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { PACTO_BIN } from '../support/run-pacto.js';

/** A port nobody listens on right now (bound once on 127.0.0.1:0, then released). */
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

export interface ServingPacto {
  readonly child: ChildProcess;
  readonly url: string;
  stderr(): string;
  /** Sends `signal` to the server's PID and resolves with its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface ServeOptions {
  readonly cwd?: string;
  readonly timeoutMs?: number;
  readonly env?: Record<string, string | undefined>;
  /** The stderr line that says the server listens; its first group is the URL (default: `doc --serve`'s). */
  readonly ready?: RegExp;
}

/** Starts a serving command (`pacto doc <args> --serve`, `pacto dashboard`) from the built CLI and waits for its banner. */
export function servePacto(args: readonly string[], options: ServeOptions = {}): Promise<ServingPacto> {
  const child = spawn(process.execPath, [PACTO_BIN, ...args], {
    cwd: options.cwd,
    env: { ...process.env, PACTO_NO_UPDATE_CHECK: '1', NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`pacto ${args[0]} did not start: ${stderr}`));
    }, options.timeoutMs ?? 15_000);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = (options.ready ?? /Serving documentation at (http:\/\/\S+)\nPress Ctrl\+C to stop\n/).exec(stderr);
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
      reject(new Error(`pacto ${args[0]} exited with ${code}: ${stderr}`));
    });
  });
}
