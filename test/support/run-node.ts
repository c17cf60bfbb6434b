import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** The vitest command line of this repository, to run a nested suite as a user would. */
export const VITEST = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

export interface CommandRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `file <args>` as a child process with `env` (default: this one's), its output collected. */
export function runCommand(file: string, args: readonly string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: options.cwd ?? REPO, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `node <args>` with colours off, so output can be compared. */
export function runNode(args: readonly string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CommandRun> {
  return runCommand(process.execPath, args, { cwd: options.cwd ?? REPO, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, CI: '1', ...options.env } });
}
