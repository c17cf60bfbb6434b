import { createBundleResolver, type OciClient } from '@pacto/oci';
import type { BundleResolver } from '@pacto/validate';
import type { SourceInfo, SourceType } from '../api/model.js';
import { scanLocal } from '../sources/local-source.js';
import { dependencyRefs, RegistrySource } from '../sources/registry-source.js';
import type { ContractEntry } from './contract-entry.js';
import { buildFleetIndex, type FleetIndex } from './fleet-index.js';

// The dashboard's sources and their lifecycle (cli.md §4.14): detected once at start, then a discovery pass
// in the background and again every minute (local directory re-read, OCI tag lists re-listed, dependency refs
// followed). Every change bumps `generation`; the merged index is rebuilt on demand once per generation.

export interface FleetOptions {
  /** The local directory (contracts in and under it); undefined for none. */
  readonly localDir?: string;
  /** OCI repositories, `oci://` optional. */
  readonly repositories?: readonly string[];
  readonly client: OciClient;
  /** The bundle cache directory, listed by the cache source when no OCI repository is given. */
  readonly cacheDir?: string;
  /** Skip the cache source (`--no-cache`). */
  readonly noCache?: boolean;
  /** Registry requests in flight at once (default 8). */
  readonly concurrency?: number;
  /** Milliseconds between background discovery passes (default 60 000; 0 turns them off). */
  readonly rediscoverIntervalMs?: number;
  /** Directory relative policy refs resolve against (default: the working directory). */
  readonly cwd?: string;
}

interface LocalState {
  readonly dir: string;
  entries: readonly ContractEntry[];
  reason: string;
}

export class Fleet {
  generation = 0;
  private readonly local: LocalState | undefined;
  private readonly oci: RegistrySource | undefined;
  private readonly cache: RegistrySource | undefined;
  private readonly cacheReason: string;
  private indexed: { generation: number; index: FleetIndex } | undefined;
  private pass: Promise<void> | undefined;
  private firstPass: Promise<void> | undefined;
  private classification: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private readonly resolver: BundleResolver;

  private constructor(
    private readonly options: FleetOptions,
    parts: { resolver: BundleResolver; local?: LocalState; oci?: RegistrySource; cache?: RegistrySource; cacheReason: string },
  ) {
    this.resolver = parts.resolver;
    this.local = parts.local;
    this.oci = parts.oci;
    this.cache = parts.cache;
    this.cacheReason = parts.cacheReason;
  }

  /** Detects the sources (reads the local directory and lists the cache; no registry request yet). */
  static async open(options: FleetOptions): Promise<Fleet> {
    const resolver = createBundleResolver({ client: options.client, ...(options.cwd ? { cwd: options.cwd } : {}) });
    let fleet: Fleet | undefined;
    const onChange = () => fleet?.changed();
    const common = { client: options.client, concurrency: options.concurrency ?? 8, resolver, onChange };
    let local: LocalState | undefined;
    if (options.localDir !== undefined) {
      const scan = await scanLocal(options.localDir, resolver);
      local = { dir: options.localDir, entries: scan.entries, reason: scan.reason };
    }
    let oci: RegistrySource | undefined;
    if ((options.repositories ?? []).length > 0) {
      oci = new RegistrySource({ type: 'oci', ...common });
      for (const repository of options.repositories ?? []) oci.addRepository(repository);
    }
    let cache: RegistrySource | undefined;
    let cacheReason: string;
    if (options.noCache) cacheReason = 'disabled by --no-cache';
    else if (oci) cacheReason = 'a live OCI source is configured';
    else if (options.cacheDir === undefined) cacheReason = 'no cache directory (no home directory and PACTO_CACHE_DIR is not set)';
    else {
      const candidate = new RegistrySource({ type: 'cache', ...common, cacheDir: options.cacheDir });
      const count = await candidate.loadCacheListing();
      if (count > 0) cache = candidate;
      cacheReason = count > 0 ? `${count} repositor${count === 1 ? 'y' : 'ies'} in ${options.cacheDir}` : `no bundles in ${options.cacheDir}`;
    }
    fleet = new Fleet(options, { resolver, ...(local ? { local } : {}), ...(oci ? { oci } : {}), ...(cache ? { cache } : {}), cacheReason });
    return fleet;
  }

  /** Starts the background discovery; the returned promise settles when the first pass is complete. */
  start(): Promise<void> {
    this.firstPass ??= this.discover(false);
    const interval = this.options.rediscoverIntervalMs ?? 60_000;
    if (interval > 0 && this.timer === undefined) {
      this.timer = setInterval(() => void this.discover(true), interval);
      this.timer.unref();
    }
    return this.firstPass;
  }

  /** The first discovery pass, started if needed. */
  ready(): Promise<void> {
    return this.firstPass ?? this.start();
  }

  /** The first discovery pass and the classification of every history's latest step (what an export shows). */
  async complete(): Promise<void> {
    await this.ready();
    await this.classification;
  }

  /** Forgets what was read and runs a discovery pass now (`POST /api/refresh`). */
  async refresh(): Promise<void> {
    await this.pass;
    this.oci?.invalidate();
    this.cache?.invalidate();
    await this.discover(true);
  }

  close(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  get discovering(): boolean {
    return this.pass !== undefined || Boolean(this.oci?.discovering) || Boolean(this.cache?.discovering);
  }

  /** The merged index of the current entries, rebuilt once per generation. */
  index(): FleetIndex {
    if (this.indexed?.generation !== this.generation) {
      this.indexed = { generation: this.generation, index: buildFleetIndex(this.entries()) };
    }
    return this.indexed.index;
  }

  /** The OCI (or else cache) source that holds the version history of a service. */
  historySource(name: string): RegistrySource | undefined {
    if (this.oci?.repositoryOf(name)) return this.oci;
    if (this.cache?.repositoryOf(name)) return this.cache;
    return undefined;
  }

  /** The registry source to resolve references with: OCI, else the cache. */
  registrySources(): RegistrySource[] {
    return [this.oci, this.cache].filter((source): source is RegistrySource => source !== undefined);
  }

  sources(): SourceInfo[] {
    const index = this.index();
    const countOf = (type: SourceType) => [...index.services.values()].filter((service) => service.entries.some((e) => e.source === type)).length;
    const out: SourceInfo[] = [];
    const local = this.local;
    out.push(
      local === undefined
        ? { type: 'local', enabled: false, reason: 'no local directory', location: null, serviceCount: 0 }
        : { type: 'local', enabled: local.entries.length > 0, reason: local.reason, location: local.dir, serviceCount: countOf('local') },
    );
    if (this.oci) {
      const repositories = this.oci.status();
      const failing = repositories.filter((repo) => repo.status === 'error');
      const allFailed = repositories.length > 0 && failing.length === repositories.length;
      const discovered = repositories.filter((repo) => repo.discovered).length;
      out.push({
        type: 'oci',
        enabled: !allFailed,
        reason: allFailed
          ? (failing[0]?.error ?? 'no repository could be read')
          : `${repositories.length - discovered} repositor${repositories.length - discovered === 1 ? 'y' : 'ies'}${discovered > 0 ? `, ${discovered} discovered through dependencies` : ''}${failing.length > 0 ? `, ${failing.length} failing` : ''}`,
        location: null,
        serviceCount: countOf('oci'),
        repositories,
      });
    } else {
      out.push({ type: 'oci', enabled: false, reason: 'no oci:// argument and PACTO_DASHBOARD_REPO is not set', location: null, serviceCount: 0 });
    }
    out.push(
      this.cache
        ? { type: 'cache', enabled: true, reason: this.cacheReason, location: this.options.cacheDir ?? null, serviceCount: countOf('cache'), repositories: this.cache.status() }
        : { type: 'cache', enabled: false, reason: this.cacheReason, location: this.options.cacheDir ?? null, serviceCount: 0 },
    );
    out.push({ type: 'k8s', enabled: false, reason: 'not available in this version; see docs/dashboard.md', location: null, serviceCount: 0 });
    return out;
  }

  /** Source types that can provide contracts now. */
  activeSources(): SourceType[] {
    return this.sources()
      .filter((source) => source.enabled)
      .map((source) => source.type);
  }

  changed(): void {
    this.generation += 1;
  }

  private entries(): ContractEntry[] {
    return [...(this.local?.entries ?? []), ...(this.oci?.entries() ?? []), ...(this.cache?.entries() ?? [])];
  }

  private discover(rescanLocal: boolean): Promise<void> {
    if (this.pass) return this.pass;
    const pass = this.runPass(rescanLocal).finally(() => {
      this.pass = undefined;
      this.changed();
      // Not part of the pass: the overview fills in the latest steps as they are classified.
      this.classification = Promise.all(this.registrySources().map((source) => source.classifyLatestSteps().catch(() => undefined))).then(() => undefined);
    });
    this.pass = pass;
    return pass;
  }

  private async runPass(rescanLocal: boolean): Promise<void> {
    if (rescanLocal && this.local) await this.rescanLocal(this.local);
    const localRefs = (this.local?.entries ?? []).flatMap(dependencyRefs);
    for (const source of this.registrySources()) await source.discover(localRefs);
  }

  private async rescanLocal(local: LocalState): Promise<void> {
    const scan = await scanLocal(local.dir, this.resolver);
    const before = local.entries.map((e) => `${e.dir}\u0000${e.hash}`).join('\n');
    const after = scan.entries.map((e) => `${e.dir}\u0000${e.hash}`).join('\n');
    local.reason = scan.reason;
    if (before !== after) {
      local.entries = scan.entries;
      this.changed();
    }
  }
}
