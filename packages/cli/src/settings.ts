import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { UsageError } from './cli-error.js';
import { invalidChoice } from './flags.js';

export type OutputFormat = 'text' | 'json' | 'markdown' | 'github' | 'sarif' | 'codequality';

/** Every value `--output-format` can have; each command accepts a subset (PactoCommand.formats). */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'markdown', 'github', 'sarif', 'codequality'];

export interface GlobalFlags {
  outputFormat: string | undefined;
  verbose: boolean | undefined;
  noCache: boolean | undefined;
  config: string | undefined;
}

/** The settings registry access depends on (cache reading and location, `-v` logging). */
export type RegistrySettings = Pick<Settings, 'noCache' | 'cacheDir' | 'debug'>;

/** A `-v` line: a message and logfmt fields. A no-op without `-v`. */
export type DebugLog = (message: string, fields?: Readonly<Record<string, string | number | boolean | undefined>>) => void;

export interface Settings {
  outputFormat: OutputFormat;
  verbose: boolean;
  noCache: boolean;
  cacheDir: string | undefined;
  /**
   * The config file as read (`{}` without one). The keys above are already applied; commands with settings
   * of their own (`dashboard:`) read their section here.
   */
  config: Readonly<Record<string, unknown>>;
  /** Logs what the command does under `-v` (set by PactoCommand; absent where nothing logs). */
  debug?: DebugLog;
}

export interface ResolvedSettings {
  readonly settings: Settings;
  /** What `-v` reports about where the settings came from (config file used, ignored, values dropped). */
  readonly notes: readonly string[];
}

const TRUE_WORDS = new Set(['1', 't', 'true', 'TRUE', 'True']);
const FALSE_WORDS = new Set(['0', 'f', 'false', 'FALSE', 'False']);
const BOOLEAN_WORDS = ['1', 't', 'true', '0', 'f', 'false'];

// The config keys of cli.md §2.3. A file without any of them at the start of a line (a contract, usually)
// is not parsed at all, which keeps the YAML library out of the start-up of every command.
const CONFIG_KEY_LINE = /^(output-format|no-cache|verbose|cache-dir|dashboard)\s*:/m;

type Source = { readonly name: string; readonly strict: boolean };

function parseBoolean(value: unknown, source: string, strict: boolean, notes: string[]): boolean | undefined {
  if (value === undefined || value === '' || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  const text = String(value);
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  if (strict) throw invalidChoice(source, text, BOOLEAN_WORDS);
  notes.push(`${source}: ${JSON.stringify(text)} is not a boolean, ignored`);
  return undefined;
}

function parseFormat(value: unknown, source: string, strict: boolean, notes: string[]): OutputFormat | undefined {
  if (value === undefined || value === '' || value === null) return undefined;
  const text = String(value);
  if ((OUTPUT_FORMATS as readonly string[]).includes(text)) return text as OutputFormat;
  if (strict) throw invalidChoice(source, text, OUTPUT_FORMATS);
  notes.push(`${source}: ${JSON.stringify(text)} is not an output format, ignored`);
  return undefined;
}

function configDir(env: Record<string, string | undefined>): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'pacto');
}

async function parseConfigText(text: string): Promise<Record<string, unknown>> {
  const yaml = await import('yaml');
  // The bundled CLI imports yaml's CommonJS build, whose exports arrive as the default export.
  const { parse } = (yaml as unknown as { default?: typeof yaml }).default ?? yaml;
  const value: unknown = parse(text);
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error('expected a mapping of settings');
  return value as Record<string, unknown>;
}

/**
 * Reads the config file of cli.md §2.3. An explicit one (`--config`, `PACTO_CONFIG`) must exist and be
 * valid: anything wrong with it is a usage error. One found by search (`./pacto.yaml`, which is usually
 * the contract itself, then `<config dir>/pacto.yaml`) is used only when it parses; otherwise it is
 * ignored and `-v` says why, so a broken contract is reported by the command, not here.
 */
interface ConfigFile {
  readonly values: Record<string, unknown>;
  readonly file: string | undefined;
  /** Explicit: every problem is a usage error. */
  readonly strict: boolean;
}

async function readConfig(
  explicit: (Source & { readonly path: string }) | undefined,
  cwd: string,
  env: Record<string, string | undefined>,
  notes: string[],
): Promise<ConfigFile> {
  if (explicit) {
    const file = resolve(cwd, explicit.path);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        throw new UsageError(`config file ${explicit.path} does not exist`, {
          code: 'CONFIG_NOT_FOUND',
          hint: `check the path given to ${explicit.name}`,
        });
      }
      throw new UsageError(`cannot read config file ${explicit.path}: ${code === 'EISDIR' ? 'it is a directory' : (error as Error).message}`, {
        code: 'INVALID_CONFIG',
        cause: error,
      });
    }
    try {
      const values = await parseConfigText(text);
      notes.push(`config file ${file} read (${explicit.name})`);
      return { values, file, strict: true };
    } catch (error) {
      throw new UsageError(`config file ${explicit.path} cannot be parsed: ${firstLine(error)}`, { code: 'INVALID_CONFIG', cause: error });
    }
  }
  for (const file of [join(cwd, 'pacto.yaml'), join(configDir(env), 'pacto.yaml')]) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    // The first file found is the config file (cli.md §2.3), even a contract with no settings in it.
    if (!CONFIG_KEY_LINE.test(text)) {
      notes.push(`config file ${file} holds no settings`);
      return { values: {}, file, strict: false };
    }
    try {
      const values = await parseConfigText(text);
      notes.push(`config file ${file} read`);
      return { values, file, strict: false };
    } catch (error) {
      notes.push(`config file ${file} ignored: it cannot be parsed (${firstLine(error)})`);
      return { values: {}, file, strict: false };
    }
  }
  notes.push(`no config file (looked for ${join(cwd, 'pacto.yaml')} and ${join(configDir(env), 'pacto.yaml')})`);
  return { values: {}, file: undefined, strict: false };
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0]!.replace(/[.:]$/, '');
}

/**
 * Flag > environment > config file > default (cli.md §2.2). Values are checked wherever they come from:
 * a flag, an environment variable or an explicit config file with a value outside its enumeration is a
 * usage error (exit 2); a searched config file's bad value is dropped with a note. `formats` are those the
 * command prints: another one given as a flag is an error, while one from the environment or a config
 * file (shared by every command) falls back to text.
 */
export async function resolveSettings(
  flags: GlobalFlags,
  env: Record<string, string | undefined>,
  cwd: string,
  formats: readonly OutputFormat[] = OUTPUT_FORMATS,
  usage?: string,
): Promise<ResolvedSettings> {
  const notes: string[] = [];
  if (flags.outputFormat !== undefined && !(formats as readonly string[]).includes(flags.outputFormat)) {
    throw invalidChoice('--output-format', flags.outputFormat, formats, usage);
  }
  const envFormat = parseFormat(env.PACTO_OUTPUT_FORMAT, 'PACTO_OUTPUT_FORMAT', true, notes);
  const envVerbose = parseBoolean(env.PACTO_VERBOSE, 'PACTO_VERBOSE', true, notes);
  const envNoCache = parseBoolean(env.PACTO_NO_CACHE, 'PACTO_NO_CACHE', true, notes);

  const explicitPath = flags.config || env.PACTO_CONFIG || undefined;
  const explicit = explicitPath === undefined ? undefined : { path: explicitPath, name: flags.config ? '--config' : 'PACTO_CONFIG', strict: true };
  const config = await readConfig(explicit, cwd, env, notes);
  const where = (key: string) => (config.file ? `${key} in ${explicit?.path ?? config.file}` : key);
  const configFormat = parseFormat(config.values['output-format'], where('output-format'), config.strict, notes);
  const configVerbose = parseBoolean(config.values.verbose, where('verbose'), config.strict, notes);
  const configNoCache = parseBoolean(config.values['no-cache'], where('no-cache'), config.strict, notes);
  let configCacheDir: string | undefined;
  const rawCacheDir = config.values['cache-dir'];
  if (typeof rawCacheDir === 'string' && rawCacheDir !== '') configCacheDir = rawCacheDir;
  else if (rawCacheDir !== undefined && rawCacheDir !== null) {
    if (config.strict) throw new UsageError(`invalid value ${JSON.stringify(rawCacheDir)} for ${where('cache-dir')}: expected a directory path`, { code: 'INVALID_CONFIG' });
    notes.push(`${where('cache-dir')}: not a directory path, ignored`);
  }

  let outputFormat: OutputFormat = (flags.outputFormat as OutputFormat | undefined) ?? envFormat ?? configFormat ?? 'text';
  if (!formats.includes(outputFormat)) {
    notes.push(`output format ${outputFormat} (${envFormat ? 'PACTO_OUTPUT_FORMAT' : where('output-format')}) is not one of this command's (${formats.join(', ')}): using text`);
    outputFormat = 'text';
  }
  return {
    settings: {
      outputFormat,
      verbose: flags.verbose ?? envVerbose ?? configVerbose ?? false,
      noCache: flags.noCache ?? envNoCache ?? configNoCache ?? false,
      cacheDir: env.PACTO_CACHE_DIR || configCacheDir,
      config: config.values,
    },
    notes,
  };
}

/** Whether a failure should be reported as JSON, judged from the raw inputs (settings may be what failed). */
export function jsonRequested(flag: string | undefined, env: Record<string, string | undefined>): boolean {
  return flag !== undefined ? flag === 'json' : env.PACTO_OUTPUT_FORMAT === 'json';
}
