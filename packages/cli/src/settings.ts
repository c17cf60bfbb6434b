import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type OutputFormat = 'text' | 'json' | 'markdown' | 'github' | 'sarif' | 'codequality';

export interface GlobalFlags {
  outputFormat: string | undefined;
  verbose: boolean | undefined;
  noCache: boolean | undefined;
  config: string | undefined;
}

/** The settings registry access depends on (cache reading and location). */
export type RegistrySettings = Pick<Settings, 'noCache' | 'cacheDir' | 'verbose'>;

export interface Settings {
  outputFormat: OutputFormat;
  verbose: boolean;
  noCache: boolean;
  cacheDir: string | undefined;
}

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'markdown', 'github', 'sarif', 'codequality'];
const TRUE_WORDS = new Set(['1', 't', 'true', 'TRUE', 'True']);
const FALSE_WORDS = new Set(['0', 'f', 'false', 'FALSE', 'False']);

function envBool(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  return undefined;
}

/**
 * Reads the optional YAML config file of cli.md §2.3. Only flat `key: value` lines are
 * needed for the recognised keys, and a broken file is ignored (spec README), so a tiny
 * line reader keeps `yaml` out of every command's start-up.
 */
function readConfigFile(explicit: string | undefined, cwd: string, env: Record<string, string | undefined>): Record<string, string> {
  const candidates = explicit
    ? [explicit]
    : [join(cwd, 'pacto.yaml'), join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'pacto', 'pacto.yaml')];
  for (const file of candidates) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const values: Record<string, string> = {};
    for (const line of text.split('\n')) {
      const match = /^(output-format|no-cache|verbose|cache-dir):\s*["']?([^"'#\s]+)["']?\s*(#.*)?$/.exec(line);
      if (match) values[match[1]!] = match[2]!;
    }
    return values;
  }
  return {};
}

/** Flag > environment > config file > default (cli.md §2.2). */
export function resolveSettings(flags: GlobalFlags, env: Record<string, string | undefined>, cwd: string): Settings {
  const config = readConfigFile(flags.config ?? env.PACTO_CONFIG, cwd, env);
  const format = flags.outputFormat ?? env.PACTO_OUTPUT_FORMAT ?? config['output-format'] ?? 'text';
  return {
    // Unknown formats fall back to text, as the Go tool does (cli.md §1.4).
    outputFormat: (FORMATS as readonly string[]).includes(format) ? (format as OutputFormat) : 'text',
    verbose: flags.verbose ?? envBool(env.PACTO_VERBOSE) ?? envBool(config.verbose) ?? false,
    noCache: flags.noCache ?? envBool(env.PACTO_NO_CACHE) ?? envBool(config['no-cache']) ?? false,
    cacheDir: env.PACTO_CACHE_DIR ?? config['cache-dir'],
  };
}
