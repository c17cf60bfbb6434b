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

function findEntry(auths: Record<string, AuthEntry> | undefined, registry: string): AuthEntry | undefined {
  if (!auths) return undefined;
  if (auths[registry]) return auths[registry];
  for (const [key, entry] of Object.entries(auths)) if (keyHost(key) === registry) return entry;
  return undefined;
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

async function readJson(path: string): Promise<Record<string, unknown> | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function fromHelper(helper: string, registry: string, run: CommandRunner): Promise<Credential | undefined> {
  const serverUrl = registry === DOCKER_HUB_HOST ? 'https://index.docker.io/v1/' : registry;
  const result = await run(`docker-credential-${helper}`, ['get'], serverUrl);
  if (result.code !== 0) return undefined;
  try {
    const parsed = JSON.parse(result.stdout) as { Username?: string; Secret?: string };
    if (!parsed.Secret) return undefined;
    const source = `docker-credential-${helper}`;
    if (parsed.Username === '<token>') return { identityToken: parsed.Secret, source };
    return { username: parsed.Username ?? '', password: parsed.Secret, source };
  } catch {
    return undefined;
  }
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
  const cache = new Map<string, Promise<Credential | undefined>>();

  const lookup = async (registry: string): Promise<Credential | undefined> => {
    if (options.explicit) return { ...options.explicit, source: 'command line' };
    if (env.PACTO_REGISTRY_TOKEN) return { registryToken: env.PACTO_REGISTRY_TOKEN, source: 'PACTO_REGISTRY_TOKEN' };
    if (env.PACTO_REGISTRY_USERNAME && env.PACTO_REGISTRY_PASSWORD) {
      return { username: env.PACTO_REGISTRY_USERNAME, password: env.PACTO_REGISTRY_PASSWORD, source: 'PACTO_REGISTRY_USERNAME/PASSWORD' };
    }
    const pactoPath = pactoCredentialsPath(env, home);
    const pacto = await readJson(pactoPath);
    const pactoEntry = findEntry(pacto?.auths as Record<string, AuthEntry> | undefined, registry);
    const fromPacto = pactoEntry ? entryToCredential(pactoEntry, pactoPath) : undefined;
    if (fromPacto) return fromPacto;

    if (registry === 'ghcr.io' || registry === 'docker.pkg.github.com') {
      const gh = await run('gh', ['auth', 'token']);
      const token = gh.code === 0 ? gh.stdout.trim() : '';
      if (token) return { username: 'x-access-token', password: token, source: 'gh auth token' };
    }

    for (const path of dockerConfigCandidates(env, home)) {
      const config = await readJson(path);
      if (!config) continue;
      const helpers = config.credHelpers as Record<string, string> | undefined;
      const helper = helpers?.[registry] ?? (typeof config.credsStore === 'string' ? config.credsStore : undefined);
      if (helper) {
        const fromStore = await fromHelper(helper, registry, run);
        if (fromStore) return fromStore;
      }
      const entry = findEntry(config.auths as Record<string, AuthEntry> | undefined, registry);
      return entry ? entryToCredential(entry, path) : undefined;
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
