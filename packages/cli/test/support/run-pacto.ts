import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// PACTO_TEST_BIN points the tests at another build (e.g. a private one while others rebuild dist/).
export const PACTO_BIN = process.env.PACTO_TEST_BIN ?? fileURLToPath(new URL('../../dist/pacto.js', import.meta.url));

export interface PactoRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built CLI as a user would: a real child process, real files. `pnpm test` builds
 * first; running vitest alone needs `pnpm build` once.
 */
export function runPacto(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {},
): Promise<PactoRun> {
  if (!existsSync(PACTO_BIN)) throw new Error(`${PACTO_BIN} is missing: run \`pnpm build\` first`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PACTO_BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, PACTO_NO_UPDATE_CHECK: '1', NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
