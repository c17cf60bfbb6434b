import { spawn } from 'node:child_process';
import { PACTO_BIN } from './run-pacto.js';

const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;

/**
 * Runs the built CLI under a real pseudo-terminal (util-linux `script`), so stdout and stderr are TTYs as
 * in a person's terminal. Returns what the terminal showed (both streams, `\r\n` line ends) and the exit code.
 */
export function runPactoInPty(args: readonly string[], env: Record<string, string | undefined> = {}): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, PACTO_BIN, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    // The caller's NO_COLOR / FORCE_COLOR decide; the defaults of runPacto do not apply here.
    const base: Record<string, string | undefined> = { ...process.env, PACTO_NO_UPDATE_CHECK: '1' };
    delete base.NO_COLOR;
    delete base.FORCE_COLOR;
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
