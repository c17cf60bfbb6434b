import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pactoCredentialsPath } from './credentials-file.js';
import { DOCKER_HUB_HOST } from './reference.js';

/** What to authenticate with (oci.md §10.2). `source` names where it came from, for error messages. */
export interface Credential {
  readonly username?: string;
  readonly password?: string;
  /** Bearer token used as is (`PACTO_REGISTRY_TOKEN`, Docker `registrytoken`). */
  readonly registryToken?: string;
  /** OAuth2 refresh token exchanged at the token realm (Docker `identitytoken`). */
  readonly identityToken?: string;
  readonly source: string;
}

/** Looks up credentials for a registry host (`ghcr.io`, `localhost:5000`, `index.docker.io`). */
export interface CredentialStore {
  get(registry: string): Promise<Credential | undefined>;
}

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
}

/** Runs a program without a shell; used for `gh` and `docker-credential-*`. */
export type CommandRunner = (command: string, args: readonly string[], stdin?: string) => Promise<CommandResult>;

export interface CredentialChainOptions {
  /** Credentials given on the command line; win over everything. */
  readonly explicit?: Omit<Credential, 'source'>;
  readonly env?: NodeJS.ProcessEnv;
  readonly homeDir?: string;
  readonly runCommand?: CommandRunner;
  /** Receives one line per source that was skipped and why (a malformed entry, an unreadable file): `-v` output. */
  readonly debug?: (message: string) => void;
}

export const runCommand: CommandRunner = (command, args, stdin) =>
  new Promise((resolve) => {
    let stdout = '';
    let child;
    try {
      child = spawn(command, [...args], { stdio: ['pipe', 'pipe', 'ignore'], timeout: 10_000 });
    } catch {
      resolve({ code: -1, stdout: '' });
      return;
    }
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', () => resolve({ code: -1, stdout: '' }));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin ?? '');
  });

function decodeAuth(auth: string): { username: string; password: string } | undefined {
  const decoded = Buffer.from(auth, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** `https://host:5000/v1/` -> `host:5000`; `docker.io` -> `index.docker.io`. */
function keyHost(key: string): string {
  const host = key.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? '';
  return host === 'docker.io' || host === 'registry-1.docker.io' ? DOCKER_HUB_HOST : host;
}

type AuthEntry = { auth?: string; username?: string; password?: string; identitytoken?: string; registrytoken?: string };

const AUTH_ENTRY_FIELDS = ['auth', 'username', 'password', 'identitytoken', 'registrytoken'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Why an `auths` entry cannot be used, or undefined when it is well-formed. */
function malformedEntry(entry: unknown): string | undefined {
  if (!isObject(entry)) return `the entry is ${describeType(entry)}, not an object`;
  for (const field of AUTH_ENTRY_FIELDS) {
    const value = entry[field];
    if (value !== undefined && typeof value !== 'string') return `"${field}" is ${describeType(value)}, not a string`;
  }
  return undefined;
}

type Debug = (message: string) => void;

/**
 * The credential of `registry` in a config file's `auths`, or undefined. A malformed `auths` or entry means no
 * credentials from this file (oci.md §11.1), said through `debug`, never a crash.
 */
function credentialFromAuths(auths: unknown, registry: string, source: string, debug: Debug): Credential | undefined {
  if (auths === undefined || auths === null) return undefined;
  if (!isObject(auths)) {
    debug(`ignoring ${source}: "auths" is ${describeType(auths)}, not an object`);
    return undefined;
  }
  const key = Object.hasOwn(auths, registry) ? registry : Object.keys(auths).find((k) => keyHost(k) === registry);
  if (key === undefined) return undefined;
  const problem = malformedEntry(auths[key]);
  if (problem !== undefined) {
    debug(`ignoring the credentials for ${key} in ${source}: ${problem}`);
    return undefined;
  }
  return entryToCredential(auths[key] as AuthEntry, source);
}

function entryToCredential(entry: AuthEntry, source: string): Credential | undefined {
  if (entry.registrytoken) return { registryToken: entry.registrytoken, source };
  if (entry.identitytoken) {
    const base = entry.auth ? decodeAuth(entry.auth) : undefined;
    return { identityToken: entry.identitytoken, ...(base ? { username: base.username } : {}), source };
  }
  if (entry.auth) {
    const decoded = decodeAuth(entry.auth);
    return decoded ? { ...decoded, source } : undefined;
  }
  if (entry.username && entry.password) return { username: entry.username, password: entry.password, source };
  return undefined;
}

/** A config file's JSON object; undefined when it does not exist, and (said through `debug`) when it cannot be used. */
async function readJson(path: string, debug: Debug): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') debug(`ignoring ${path}: ${(error as Error).message}`);
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (isObject(parsed)) return parsed;
    debug(`ignoring ${path}: it holds ${describeType(parsed)}, not a JSON object`);
  } catch (error) {
    debug(`ignoring ${path}: not valid JSON (${(error as Error).message})`);
  }
  return undefined;
}

async function fromHelper(helper: string, registry: string, run: CommandRunner, debug: Debug): Promise<Credential | undefined> {
  const serverUrl = registry === DOCKER_HUB_HOST ? 'https://index.docker.io/v1/' : registry;
  const source = `docker-credential-${helper}`;
  const result = await run(source, ['get'], serverUrl);
  if (result.code !== 0) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(result.stdout);
  } catch {
    debug(`ignoring the answer of ${source}: not valid JSON`);
    return undefined;
  }
  const answer = isObject(parsed) ? parsed : {};
  const { Username: username, Secret: secret } = answer;
  if (typeof secret !== 'string' || (username !== undefined && typeof username !== 'string')) {
    debug(`ignoring the answer of ${source}: "Secret" and "Username" must be strings`);
    return undefined;
  }
  if (secret === '') return undefined;
  if (username === '<token>') return { identityToken: secret, source };
  return { username: username ?? '', password: secret, source };
}

function dockerConfigCandidates(env: NodeJS.ProcessEnv, home: string): string[] {
  const candidates: string[] = [];
  if (env.DOCKER_CONFIG) candidates.push(join(env.DOCKER_CONFIG, 'config.json'));
  candidates.push(join(home, '.docker', 'config.json'));
  if (env.REGISTRY_AUTH_FILE) candidates.push(env.REGISTRY_AUTH_FILE);
  if (env.XDG_RUNTIME_DIR) candidates.push(join(env.XDG_RUNTIME_DIR, 'containers', 'auth.json'));
  return candidates;
}

/**
 * The credential chain of oci.md §11.1: explicit, environment, Pacto's config.json, `gh auth token` (GitHub
 * registries), the first existing Docker/Podman config (credHelpers, credsStore, auths), else anonymous.
 * Results are cached per registry for the life of the store.
 */
export function credentialChain(options: CredentialChainOptions = {}): CredentialStore {
  const env = options.env ?? process.env;
  const home = options.homeDir ?? homedir();
  const run = options.runCommand ?? runCommand;
  const debug = options.debug ?? (() => undefined);
  const cache = new Map<string, Promise<Credential | undefined>>();

  const lookup = async (registry: string): Promise<Credential | undefined> => {
    if (options.explicit) return { ...options.explicit, source: 'command line' };
    if (env.PACTO_REGISTRY_TOKEN) return { registryToken: env.PACTO_REGISTRY_TOKEN, source: 'PACTO_REGISTRY_TOKEN' };
    if (env.PACTO_REGISTRY_USERNAME && env.PACTO_REGISTRY_PASSWORD) {
      return { username: env.PACTO_REGISTRY_USERNAME, password: env.PACTO_REGISTRY_PASSWORD, source: 'PACTO_REGISTRY_USERNAME/PASSWORD' };
    }
    const pactoPath = pactoCredentialsPath(env, home);
    const pacto = await readJson(pactoPath, debug);
    const fromPacto = pacto ? credentialFromAuths(pacto.auths, registry, pactoPath, debug) : undefined;
    if (fromPacto) return fromPacto;

    if (registry === 'ghcr.io' || registry === 'docker.pkg.github.com') {
      const gh = await run('gh', ['auth', 'token']);
      const token = gh.code === 0 ? gh.stdout.trim() : '';
      if (token) return { username: 'x-access-token', password: token, source: 'gh auth token' };
    }

    for (const path of dockerConfigCandidates(env, home)) {
      const config = await readJson(path, debug);
      if (!config) continue;
      const helpers = isObject(config.credHelpers) ? config.credHelpers : {};
      const named = Object.hasOwn(helpers, registry) ? helpers[registry] : config.credsStore;
      if (named !== undefined && typeof named !== 'string') debug(`ignoring the credential helper for ${registry} in ${path}: it is ${describeType(named)}, not a string`);
      if (typeof named === 'string' && named !== '') {
        const fromStore = await fromHelper(named, registry, run, debug);
        if (fromStore) return fromStore;
      }
      return credentialFromAuths(config.auths, registry, path, debug);
    }
    return undefined;
  };

  return {
    get(registry) {
      let pending = cache.get(registry);
      if (!pending) {
        pending = lookup(registry);
        cache.set(registry, pending);
      }
      return pending;
    },
  };
}
