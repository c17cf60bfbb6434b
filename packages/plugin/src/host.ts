import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { extractBundle } from '@pacto/bundle';
import { parseResponse, plannedFiles, PluginError, type GeneratedFile, type GenerateResponse } from './protocol.js';

export { buildRequest, parseOptionItems, plannedFiles, PluginError, PROTOCOL_VERSION } from './protocol.js';
export type { GenerateRequest, GenerateResponse, GeneratedFile, PluginErrorCode } from './protocol.js';

/** The executable name of plugin `name` (cli.md §4.12). */
export const pluginExecutableName = (name: string) => `pacto-plugin-${name}`;

/** Default limits of a plugin run: 60 s, 64 MiB of stdout. */
export const PLUGIN_TIMEOUT_MS = 60_000;
export const PLUGIN_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** The user plugin directory: `$XDG_CONFIG_HOME/pacto/plugins`, else `~/.config/pacto/plugins`. */
export function pluginDirectory(env: Readonly<Record<string, string | undefined>>): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'pacto', 'plugins');
}

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    if (!(await stat(path)).isFile()) return false;
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Finds `pacto-plugin-<name>`: the first executable file of that name on `PATH`, then a regular file in the
 * user plugin directory (cli.md §4.12). A name that could climb directories is refused.
 */
export async function findPlugin(name: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<string> {
  if (name === '' || /[/\\\0]/.test(name)) {
    throw new PluginError(`invalid plugin name ${JSON.stringify(name)}: a plugin name has no "/"`, { code: 'PLUGIN_NOT_FOUND' });
  }
  const file = pluginExecutableName(name);
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    // An empty PATH entry means the current directory, as in a shell.
    const candidate = join(dir || '.', file);
    if (await isExecutableFile(candidate)) return candidate;
  }
  const inConfig = join(pluginDirectory(env), file);
  if (await isFile(inConfig)) return inConfig;
  throw new PluginError(`plugin ${JSON.stringify(name)} not found (looked for ${file} in $PATH and ~/.config/pacto/plugins/)`, {
    code: 'PLUGIN_NOT_FOUND',
    hint: `put an executable named ${file} on PATH or in ${pluginDirectory(env)}/`,
  });
}

export interface RunPluginOptions {
  /** Milliseconds before the plugin is stopped; 0 waits forever. Default 60 s. */
  readonly timeoutMs?: number;
  /** Most bytes read from stdout. Default 64 MiB. */
  readonly maxOutputBytes?: number;
  /** Receives the plugin's stderr as it arrives (the CLI passes it through under `-v`). */
  readonly onStderr?: (chunk: Buffer) => void;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

/** Bytes of stderr kept for the failure message: the start is what explains a failure. */
const STDERR_KEPT = 64 * 1024;

/**
 * The line of a plugin's stderr that names the failure. One line is used as it is; from several (a stack
 * trace, a Python traceback) the first that reads like an error (`Error: …`, `ValueError: …`, `panic: …`), else the first.
 */
export function failureLine(stderr: string): { line: string; more: number } {
  const lines = stderr
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length <= 1) return { line: lines[0] ?? '', more: 0 };
  const named = lines.find((line) => /^([\w.$]*(Error|Exception)|panic|fatal|error)\b.*:/.test(line));
  return { line: named ?? lines[0]!, more: lines.length - 1 };
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    // The plugin leads its own process group: whatever it started goes with it.
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`);

/**
 * Runs a plugin executable with protocol v1: the request as one JSON document on stdin (then closed),
 * the response read from stdout. The plugin gets no arguments, the environment and the working directory.
 * Fails with the messages of cli.md §4.12, plus a timeout and an output cap of our own.
 */
export function runPluginProcess(
  executable: string,
  plugin: string,
  request: unknown,
  options: RunPluginOptions = {},
): Promise<GenerateResponse> {
  const timeoutMs = options.timeoutMs ?? PLUGIN_TIMEOUT_MS;
  const maxOutput = options.maxOutputBytes ?? PLUGIN_MAX_OUTPUT_BYTES;
  return new Promise<GenerateResponse>((resolve, reject) => {
    const child = spawn(executable, [], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let failure: PluginError | undefined;
    let settled = false;
    const stop = (error: PluginError) => {
      failure ??= error;
      killGroup(child.pid);
      // Something the plugin started in another group may still hold the pipes open: stop reading.
      child.stdout.destroy();
      child.stderr.destroy();
    };
    // The plugin leads its own group, out of reach of the terminal's Ctrl-C: stop it with us, then die of
    // the same signal as we would have without this handler.
    const onSignal = (signal: NodeJS.Signals) => {
      killGroup(child.pid);
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      process.kill(process.pid, signal);
    };
    const onExit = () => killGroup(child.pid);
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal).once('exit', onExit);
    const timer =
      timeoutMs > 0
        ? setTimeout(
            () =>
              stop(
                new PluginError(`plugin ${plugin} did not finish within ${seconds(timeoutMs)} and was stopped`, {
                  code: 'PLUGIN_TIMEOUT',
                  hint: 'allow it longer with --timeout (e.g. --timeout 5m), or check that it reads its request from stdin',
                }),
              ),
            timeoutMs,
          )
        : undefined;
    const finish = (outcome: () => GenerateResponse) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal).off('exit', onExit);
      try {
        resolve(outcome());
      } catch (error) {
        reject(error);
      }
    };

    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxOutput) {
        stop(
          new PluginError(`plugin ${plugin} returned invalid output: more than ${maxOutput / (1024 * 1024)} MiB on stdout`, {
            code: 'PLUGIN_OUTPUT_TOO_LARGE',
          }),
        );
        return;
      }
      if (!failure) stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      options.onStderr?.(chunk);
      if (stderr.length < STDERR_KEPT) stderr += chunk.toString('utf8');
    });
    // A plugin that exits without reading its request closes the pipe: not a failure of ours.
    child.stdin.on('error', () => undefined);
    child.on('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EACCES' ? 'permission denied' : error.code === 'ENOENT' ? 'no such file' : error.message;
      finish(() => {
        throw new PluginError(`plugin ${plugin}: cannot run ${executable}: ${reason}`, {
          code: 'PLUGIN_FAILED',
          ...(error.code === 'EACCES' ? { hint: `make it executable: chmod +x ${executable}` } : {}),
          cause: error,
        });
      });
    });
    child.on('close', (code, signal) =>
      finish(() => {
        if (failure) throw failure;
        if (code !== 0) {
          const { line, more } = failureLine(stderr);
          const exit = signal ? `signal: ${signal === 'SIGKILL' ? 'killed' : signal}` : `exit status ${code}`;
          throw new PluginError(`plugin ${plugin}: ${line || exit}`, {
            code: 'PLUGIN_FAILED',
            ...(more > 0 ? { hint: `the plugin wrote ${more + 1} lines to stderr; re-run with -v to see them all` } : {}),
          });
        }
        return parseResponse(plugin, Buffer.concat(stdout).toString('utf8'));
      }),
    );
    child.stdin.end(JSON.stringify(request));
  });
}

/**
 * Writes a plugin's files under `outputDir` (created 0755; parents 0755, files 0644, existing files
 * replaced, unrelated files left alone). Every path is checked first, and the files are staged and moved in
 * place, so a refused or failed response writes nothing. Returns the number of files written.
 */
export async function writeGeneratedFiles(plugin: string, outputDir: string, files: readonly GeneratedFile[]): Promise<number> {
  const planned = plannedFiles(plugin, files);
  if (planned.size === 0) return 0;
  const encoder = new TextEncoder();
  const contents = new Map<string, Uint8Array>();
  for (const [path, content] of planned) contents.set(path, encoder.encode(content));
  await extractBundle({ files: contents }, outputDir);
  return planned.size;
}
