import { createHash } from 'node:crypto';
import { contractBundleFromContents } from '@pacto/bundle';
import { diffContracts, type DiffInput } from '@pacto/diff';
import { listCachedReferences, parseReference, type OciClient, type Reference } from '@pacto/oci';
import { compareVersions, parseVersion, type SemanticVersion } from '@pacto/schema';
import type { BundleResolver } from '@pacto/validate';
import pLimit, { type LimitFunction } from 'p-limit';
import type { Classification, RepositoryStatus, SourceType, Step } from '../api/model.js';
import { createEntry, unreadableEntry, type ContractEntry } from '../fleet/contract-entry.js';
import { asArray, asString } from '../fleet/contract-fields.js';
import { repositoryKey } from '../fleet/fleet-index.js';

// The OCI source and the offline cache source of cli.md §4.14. A repository's semver tags are its version
// history; the highest is the current contract. Dependency refs of every contract read lead to more
// repositories (discovered ones). Pulls go through the registry client, so the bundle cache on disk serves
// what was pulled before; the cache source reads nothing else.

/** Failures that say the repository cannot be read now (the contract itself is not at fault). */
const REPOSITORY_FAILURES = new Set(['UNREACHABLE', 'AUTH_FAILED', 'NOT_FOUND', 'NO_SEMVER_TAGS', 'INVALID_REFERENCE']);

export interface HistoryStep {
  readonly entry: ContractEntry;
  /** Against the previous version; null for the first one or when either side does not parse. */
  readonly classification: Classification | null;
}

interface Repository {
  readonly key: string;
  readonly reference: Reference;
  readonly discovered: boolean;
  status: 'pending' | 'ok' | 'error';
  error: string | null;
  /** Semver tags, lowest version first. */
  tags: string[];
  current: ContractEntry | undefined;
  readonly versions: Map<string, Promise<ContractEntry>>;
  history: Promise<HistoryStep[]> | undefined;
  latestStep: Step | null | undefined;
}

export interface RegistrySourceOptions {
  readonly type: Extract<SourceType, 'oci' | 'cache'>;
  readonly client: OciClient;
  /** Registry requests in flight at once. */
  readonly concurrency: number;
  readonly resolver: BundleResolver;
  /** Called whenever what the source shows changed. */
  readonly onChange: () => void;
  /** The cache directory the cache source lists. */
  readonly cacheDir?: string;
}

export class RegistrySource {
  readonly type: 'oci' | 'cache';
  private readonly repositories = new Map<string, Repository>();
  private readonly limit: LimitFunction;
  private readonly invalidArguments: RepositoryStatus[] = [];
  /** The cache source's tags per repository, from the cache listing. */
  private cachedTags = new Map<string, string[]>();
  /** The repository whose current contract names each service. */
  private readonly byService = new Map<string, Repository>();
  private discoveries = 0;

  constructor(private readonly options: RegistrySourceOptions) {
    this.type = options.type;
    this.limit = pLimit(Math.max(1, options.concurrency));
  }

  get discovering(): boolean {
    return this.discoveries > 0;
  }

  /** Adds a repository given by the user (`oci://` optional; a tag or digest is ignored). */
  addRepository(text: string): void {
    try {
      this.repository(text, false);
    } catch (error) {
      this.invalidArguments.push({ ref: text, status: 'error', error: (error as Error).message, discovered: false, versionCount: 0, service: null });
    }
  }

  /** The repositories of the cache directory (cache source). */
  async loadCacheListing(): Promise<number> {
    const byRepository = new Map<string, string[]>();
    for (const ref of await listCachedReferences(this.options.cacheDir ?? '')) {
      if (ref.includes('@')) continue;
      const colon = ref.lastIndexOf(':');
      const key = repositoryKey(ref.slice(0, colon));
      if (key === undefined) continue;
      byRepository.set(key, [...(byRepository.get(key) ?? []), ref.slice(colon + 1)]);
      this.repository(ref.slice(0, colon), false);
    }
    this.cachedTags = byRepository;
    return byRepository.size;
  }

  /** Current contracts of the repositories read so far. */
  entries(): ContractEntry[] {
    return [...this.repositories.values()].flatMap((repo) => (repo.current ? [repo.current] : []));
  }

  /** The repositories with their state (`/api/sources`). */
  status(): RepositoryStatus[] {
    const repos = [...this.repositories.values()].map(
      (repo): RepositoryStatus => ({
        ref: repo.reference.name,
        status: repo.status,
        error: repo.error,
        discovered: repo.discovered,
        versionCount: repo.tags.length,
        service: repo.current?.name ?? null,
      }),
    );
    return [...this.invalidArguments, ...repos];
  }

  /** The repository whose current contract is the service `name`'s, if this source has one. */
  repositoryOf(name: string): Repository | undefined {
    return this.byService.get(name);
  }

  /** The classification of the latest step of a service's history, once known. */
  latestStep(name: string): Step | null {
    return this.repositoryOf(name)?.latestStep ?? null;
  }

  /**
   * One discovery pass: lists the tags of every repository again, reads new current versions, and follows the
   * `oci://` dependency refs of every contract read (and of `extraRefs`, from the other sources) to repositories
   * not seen yet, until no new one turns up.
   */
  async discover(extraRefs: readonly string[] = []): Promise<void> {
    this.discoveries += 1;
    this.options.onChange();
    try {
      const tasks = new Map<string, Promise<void>>();
      const schedule = (repo: Repository): void => {
        if (tasks.has(repo.key)) return;
        tasks.set(
          repo.key,
          this.refresh(repo).then(() => {
            for (const next of this.follow(repo.current ? dependencyRefs(repo.current) : [])) schedule(next);
          }),
        );
      };
      for (const next of this.follow(extraRefs)) schedule(next);
      for (const repo of this.repositories.values()) schedule(repo);
      let settled = 0;
      while (settled !== tasks.size) {
        settled = tasks.size;
        await Promise.all(tasks.values());
      }
    } finally {
      this.discoveries -= 1;
      this.options.onChange();
    }
  }

  /**
   * Classifies the latest step of every repository with two versions or more (the overview's "breaking steps
   * in recent history"), in the background after a discovery.
   */
  async classifyLatestSteps(): Promise<void> {
    // One change a second at most: every change invalidates the fleet-wide answers, and a thousand
    // repositories classified one by one would keep them from ever being reused.
    let last = 0;
    let pending = false;
    const changed = () => {
      if (Date.now() - last < 1000) return void (pending = true);
      last = Date.now();
      pending = false;
      this.options.onChange();
    };
    await Promise.all(
      [...this.repositories.values()].map(async (repo) => {
        if (repo.latestStep !== undefined || repo.tags.length < 2 || !repo.current) return;
        const previous = await this.version(repo, repo.tags.at(-2)!);
        const classification = classify(previous, repo.current);
        repo.latestStep = classification === null ? null : { from: previous.version, to: repo.current.version, classification };
        changed();
      }),
    );
    if (pending) this.options.onChange();
  }

  /** Every version of a repository, lowest first, each classified against the one before. */
  history(repo: Repository): Promise<HistoryStep[]> {
    repo.history ??= (async () => {
      const entries = await Promise.all(repo.tags.map((tag) => this.version(repo, tag)));
      return entries.map((entry, i) => ({ entry, classification: i === 0 ? null : classify(entries[i - 1]!, entry) }));
    })();
    return repo.history;
  }

  /** A version of a repository, read once. */
  version(repo: Repository, tag: string): Promise<ContractEntry> {
    let pending = repo.versions.get(tag);
    if (!pending) {
      pending = this.read(repo, tag);
      pending.catch(() => repo.versions.delete(tag));
      repo.versions.set(tag, pending);
    }
    return pending;
  }

  /** Forgets what was read, so the next discovery reads everything again (`POST /api/refresh`). */
  invalidate(): void {
    for (const repo of this.repositories.values()) {
      repo.versions.clear();
      repo.history = undefined;
      repo.latestStep = undefined;
    }
  }

  private repository(text: string, discovered: boolean): Repository {
    const parsed = parseReference(text);
    const key = `${parsed.registry}/${parsed.repository}`;
    const known = this.repositories.get(key);
    if (known) return known;
    const reference: Reference = { registry: parsed.registry, repository: parsed.repository, name: parsed.name };
    const repo: Repository = {
      key,
      reference,
      discovered,
      status: 'pending',
      error: null,
      tags: [],
      current: undefined,
      versions: new Map(),
      history: undefined,
      latestStep: undefined,
    };
    this.repositories.set(key, repo);
    return repo;
  }

  /** Repositories named by `oci://` refs that this source did not know (the cache source knows only its own). */
  private follow(refs: readonly string[]): Repository[] {
    const added: Repository[] = [];
    for (const ref of refs) {
      if (!ref.startsWith('oci://')) continue;
      const key = repositoryKey(ref);
      if (key === undefined || this.repositories.has(key)) continue;
      if (this.type === 'cache' && !this.cachedTags.has(key)) continue;
      added.push(this.repository(ref, true));
    }
    return added;
  }

  private async refresh(repo: Repository): Promise<void> {
    try {
      const all =
        this.type === 'cache'
          ? (this.cachedTags.get(repo.key) ?? [])
          : await this.limit(() => this.options.client.registry.listTags(repo.reference, { refresh: true }));
      const tags = semverTags(all);
      if (tags.length === 0) throw Object.assign(new Error(all.length === 0 ? 'no tags found' : 'no semver tags found'), { code: 'NO_SEMVER_TAGS' });
      if (tags.join('\n') !== repo.tags.join('\n')) {
        repo.tags = tags;
        repo.history = undefined;
        repo.latestStep = undefined;
      }
      const current = await this.version(repo, tags.at(-1)!);
      if (repo.current && this.byService.get(repo.current.name) === repo) this.byService.delete(repo.current.name);
      repo.current = current;
      this.byService.set(current.name, repo);
      repo.status = 'ok';
      repo.error = null;
    } catch (error) {
      // A repository that was readable before keeps its last contract; the error says why it is stale.
      repo.status = 'error';
      repo.error = (error as Error).message;
    }
    this.options.onChange();
  }

  private async read(repo: Repository, tag: string): Promise<ContractEntry> {
    const ref = `${repo.reference.name}:${tag}`;
    const common = { source: this.type, ref, repository: repo.key, tag, fallbackName: lastSegment(repo.reference.repository), fallbackVersion: tag.replace('_', '+') };
    let pulled;
    try {
      pulled = await this.limit(() => this.options.client.pull(ref));
    } catch (error) {
      if (REPOSITORY_FAILURES.has((error as { code?: string }).code ?? '')) throw error;
      return unreadableEntry({ ...common, message: (error as Error).message });
    }
    try {
      const bundle = contractBundleFromContents(pulled.contents, `${pulled.ref}/pacto.yaml`);
      const hash = `sha256:${createHash('sha256').update(pulled.archive).digest('hex')}`;
      return await createEntry({ ...common, bundle, listing: [...pulled.contents.files.keys()], hash }, this.options.resolver);
    } catch (error) {
      return unreadableEntry({ ...common, message: (error as Error).message });
    }
  }
}

/** Semver tags (build metadata stored as `_`), lowest version first. */
export function semverTags(tags: readonly string[]): string[] {
  const parsed: { tag: string; version: SemanticVersion }[] = [];
  for (const tag of tags) {
    const result = parseVersion(tag.replace('_', '+'));
    if (result.ok) parsed.push({ tag, version: result.version });
  }
  return parsed.sort((a, b) => compareVersions(a.version, b.version) || (a.tag < b.tag ? -1 : 1)).map((p) => p.tag);
}

export function dependencyRefs(entry: ContractEntry): string[] {
  const contract = entry.validation.contract as Record<string, unknown> | undefined;
  return asArray(contract?.['dependencies']).flatMap((dep) => asString(dep['ref']) ?? []);
}

/** The classification between two versions, or null when either does not parse. */
export function classify(from: ContractEntry, to: ContractEntry): Classification | null {
  const a = diffInput(from);
  const b = diffInput(to);
  if (a === undefined || b === undefined) return null;
  try {
    return diffContracts(a, b).classification;
  } catch {
    return null;
  }
}

export function diffInput(entry: ContractEntry): DiffInput | undefined {
  const contract = entry.validation.contract;
  if (contract === undefined) return undefined;
  return { contract, files: entry.bundle.files, listing: entry.listing };
}


function lastSegment(repository: string): string {
  return repository.slice(repository.lastIndexOf('/') + 1);
}
