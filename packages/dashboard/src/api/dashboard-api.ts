import { contractBundleFromContents } from '@pacto/bundle';
import { buildGraphJson, isLocalRef, resolveGraph, type DependencyFetcher, type DiffSide } from '@pacto/diff';
import { isPinned, parseReference, selectTag, type OciClient } from '@pacto/oci';
import { PactoError } from '@pacto/schema';
import type { BundleResolver } from '@pacto/validate';
import pLimit from 'p-limit';
import { createEntry, type ContractEntry } from '../fleet/contract-entry.js';
import type { Fleet } from '../fleet/fleet.js';
import { repositoryKey, type MergedService } from '../fleet/fleet-index.js';
import { diffResult } from '../shared/diff-result.js';
import { diffInput, semverTags, type RegistrySource } from '../sources/registry-source.js';
import type {
  CrossReference,
  Dependent,
  DiffResult,
  FleetGraph,
  ServiceDetails,
  ServiceGraph,
  ServiceRefs,
  ServiceSources,
  ServiceSummary,
  Sources,
  VersionInfo,
} from './model.js';
import { details, phaseOf, readinessOf, summarize, type ViewContext } from './service-view.js';

/** A request the API answers with an error status; `code` and `message` go into the JSON error body. */
export class DashboardError extends PactoError {
  override readonly name = 'DashboardError';
  readonly status: number;
  constructor(status: number, code: string, message: string, options: { cause?: unknown; hint?: string } = {}) {
    super(code, message, options);
    this.status = status;
  }
}

export interface DashboardApiOptions {
  /** The version `/health` reports (the CLI's). */
  readonly version: string;
  readonly client: OciClient;
  /** Resolves policy refs of contracts fetched by `POST /api/resolve`. */
  readonly resolver: BundleResolver;
  readonly now?: () => Date;
}

const notFound = (name: string) => new DashboardError(404, 'NOT_FOUND', `no service named "${name}"`, { hint: 'GET /api/services lists the services' });

/**
 * The answers of the JSON API (cli.md §4.14), independent of HTTP: the server serves them and the static export
 * writes them to files. Fleet-wide answers are computed once per fleet generation.
 */
export class DashboardApi {
  private memo = new Map<string, { generation: number; value: unknown }>();

  constructor(
    readonly fleet: Fleet,
    private readonly options: DashboardApiOptions,
  ) {}

  health(): { status: 'ok'; version: string } {
    return { status: 'ok', version: this.options.version };
  }

  metrics(): { serviceCount: number; sourceCount: number } {
    return { serviceCount: this.fleet.index().services.size, sourceCount: this.fleet.activeSources().length };
  }

  services(): ServiceSummary[] {
    return this.remember('services', () => {
      const context = this.context();
      return [...context.index.services.values()].map((service) => summarize(service, context));
    });
  }

  service(name: string): ServiceDetails {
    return details(this.merged(name), this.context());
  }

  /** Version history, newest first; [] for a service that no registry or cache has. */
  async versions(name: string): Promise<VersionInfo[]> {
    const service = this.merged(name);
    const source = this.fleet.historySource(name);
    const repo = source?.repositoryOf(name);
    if (!source || !repo) return [];
    const steps = await source.history(repo);
    return steps
      .map(
        (step): VersionInfo => ({
          version: step.entry.version,
          ref: step.entry.ref,
          hash: step.entry.hash,
          createdAt: null,
          classification: step.classification,
          isCurrent: step.entry.version === service.primary.version,
          source: source.type,
        }),
      )
      .reverse();
  }

  serviceSources(name: string): ServiceSources {
    const service = this.merged(name);
    const context = this.context();
    return {
      name,
      sources: service.entries.map((entry) => ({
        type: entry.source,
        ref: entry.ref,
        version: entry.version,
        phase: phaseOf(entry, readinessOf(entry, context.now)),
        valid: entry.validation.valid,
      })),
      merged: summarize(service, context),
    };
  }

  /** The dependency tree of a service (diff.md §9), its dependencies read from the dashboard's sources. */
  async serviceGraph(name: string): Promise<ServiceGraph> {
    const service = this.merged(name);
    const root = diffInput(service.primary);
    if (root === undefined || !('contract' in root)) {
      return { root: { name, version: service.primary.version } };
    }
    const graph = await resolveGraph(root, this.fleetFetcher(service.primary));
    return buildGraphJson(graph) as ServiceGraph;
  }

  dependents(name: string): Dependent[] {
    return this.service(name).dependents;
  }

  refs(name: string): ServiceRefs {
    this.merged(name);
    const context = this.context();
    const phase = (other: string) => {
      const service = context.index.services.get(other);
      return service ? phaseOf(service.primary, readinessOf(service.primary, context.now)) : null;
    };
    const reference = (other: string, edge: { ref: string; refType?: 'configuration' | 'policy' }): CrossReference => ({
      name: other,
      refType: edge.refType ?? 'configuration',
      ref: edge.ref,
      phase: phase(other),
    });
    return {
      references: (context.index.outgoing.get(name) ?? []).filter((e) => e.type === 'reference').map((e) => reference(e.target, e)),
      referencedBy: (context.index.incoming.get(name) ?? []).filter((e) => e.type === 'reference').map((e) => reference(e.source, e)),
    };
  }

  graph(): FleetGraph {
    return this.remember('graph', () => {
      const context = this.context();
      const { index } = context;
      const nodes: FleetGraph['nodes'] = [...index.services.values()].map((service) => ({
        id: service.name,
        name: service.name,
        version: service.primary.version,
        status: phaseOf(service.primary, readinessOf(service.primary, context.now)),
        source: service.primary.source,
        reason: null,
        blastRadius: index.blastRadius.get(service.name)?.length ?? 0,
      }));
      for (const [name, ref] of index.externals) {
        nodes.push({ id: name, name, version: null, status: 'external', source: null, reason: this.externalReason(ref), blastRadius: 0 });
      }
      const edges: FleetGraph['edges'] = index.edges.map((edge) => ({
        source: edge.source,
        target: edge.target,
        type: edge.type,
        required: edge.required,
        compatibility: edge.compatibility,
        ref: edge.ref,
        resolved: edge.resolved,
      }));
      return { nodes, edges };
    });
  }

  async diff(query: Readonly<Record<string, string | undefined>>): Promise<DiffResult> {
    const fromName = query['from_name'];
    const toName = query['to_name'];
    if (!fromName || !toName) {
      throw new DashboardError(400, 'BAD_REQUEST', 'from_name and to_name are required', {
        hint: 'GET /api/diff?from_name=<service>&from_version=<version>&to_name=<service>&to_version=<version>',
      });
    }
    const from = await this.entryAt(fromName, query['from_version'] || undefined);
    const to = await this.entryAt(toName, query['to_version'] || undefined);
    const side = (entry: ContractEntry) => {
      const input = diffInput(entry);
      if (input === undefined) {
        throw new DashboardError(422, 'UNPARSABLE_CONTRACT', `cannot compare ${entry.name}@${entry.version}: its contract does not parse`);
      }
      return { name: entry.name, version: entry.version, input };
    };
    return diffResult(side(from), side(to));
  }

  sources(): Sources {
    return { sources: this.fleet.sources(), discovering: this.fleet.discovering };
  }

  async refresh(): Promise<{ status: 'ok' }> {
    await this.fleet.refresh();
    return { status: 'ok' };
  }

  /** Fetches one contract by reference (cache first) and describes it; the fleet is not changed. */
  async resolve(body: unknown): Promise<ServiceDetails> {
    const { ref, compatibility } = requestBody(body, { ref: 'string', compatibility: 'string?' });
    requireOci(ref);
    let pulled;
    try {
      parseReference(ref);
      pulled = await this.options.client.pull(ref, !isPinned(ref) && compatibility ? { constraint: compatibility } : {});
    } catch (error) {
      throw registryError(error);
    }
    let bundle;
    try {
      bundle = contractBundleFromContents(pulled.contents, `${pulled.ref}/pacto.yaml`);
    } catch (error) {
      throw new DashboardError(422, 'INVALID_BUNDLE', (error as Error).message, { cause: error });
    }
    const entry = await createEntry(
      { source: 'oci', ref: pulled.ref, bundle, listing: [...pulled.contents.files.keys()], hash: null, fallbackName: ref, fallbackVersion: '' },
      this.options.resolver,
    );
    if (entry.validation.contract === undefined) {
      throw new DashboardError(422, 'INVALID_BUNDLE', entry.validation.errors[0]?.message ?? 'the contract does not parse');
    }
    return details({ name: entry.name, primary: entry, entries: [entry] }, this.context());
  }

  /** The semver tags of a repository, highest first; `fetch` also pulls each into the cache. */
  async listVersions(body: unknown): Promise<{ versions: string[] }> {
    const { ref, fetch } = requestBody(body, { ref: 'string', fetch: 'boolean?' });
    requireOci(ref);
    try {
      const parsed = parseReference(ref);
      const tags = semverTags(await this.options.client.registry.listTags(parsed, { refresh: true })).reverse();
      if (fetch) {
        const limit = pLimit(4);
        await Promise.all(tags.map((tag) => limit(() => this.options.client.pull(`${parsed.name}:${tag}`))));
      }
      return { versions: tags };
    } catch (error) {
      throw registryError(error);
    }
  }

  /** Every entry of every source, before merging (`/api/debug/services`, with `--diagnostics`). */
  debugServices(): { name: string; source: string; ref: string; version: string; hash: string | null; valid: boolean }[] {
    return [...this.fleet.index().services.values()].flatMap((service) =>
      service.entries.map((entry) => ({ name: entry.name, source: entry.source, ref: entry.ref, version: entry.version, hash: entry.hash, valid: entry.validation.valid })),
    );
  }

  private merged(name: string): MergedService {
    const service = this.fleet.index().services.get(name);
    if (!service) throw notFound(name);
    return service;
  }

  private context(): ViewContext {
    return {
      index: this.fleet.index(),
      now: (this.options.now ?? (() => new Date()))(),
      latestStep: (name) => this.fleet.historySource(name)?.latestStep(name) ?? null,
    };
  }

  private remember<T>(key: string, compute: () => T): T {
    const known = this.memo.get(key);
    if (known?.generation === this.fleet.generation) return known.value as T;
    const generation = this.fleet.generation;
    const value = compute();
    this.memo.set(key, { generation, value });
    return value;
  }

  /** A version of a service: the current contract when `version` is absent, else from the history first. */
  private async entryAt(name: string, version: string | undefined): Promise<ContractEntry> {
    const service = this.merged(name);
    if (version === undefined) return service.primary;
    const source = this.fleet.historySource(name);
    const repo = source?.repositoryOf(name);
    if (source && repo) {
      const tag = repo.tags.find((t) => t === version || t.replace('_', '+') === version);
      if (tag !== undefined) return source.version(repo, tag);
    }
    const entry = service.entries.find((e) => e.version === version);
    if (entry) return entry;
    throw new DashboardError(404, 'VERSION_NOT_FOUND', `service "${name}" has no version "${version}"`, {
      hint: `GET /api/services/${encodeURIComponent(name)}/versions lists its versions`,
    });
  }

  /** Why a graph target is not in the fleet. */
  private externalReason(ref: string): string {
    if (isLocalRef(ref)) return 'local reference outside the dashboard\'s directory';
    if (!ref.startsWith('oci://')) return 'unsupported reference';
    for (const source of this.fleet.registrySources()) {
      const key = repositoryKey(ref);
      const repo = source.status().find((r) => repositoryKey(r.ref) === key);
      if (repo?.status === 'error') return repo.error ?? 'repository could not be read';
      if (repo?.status === 'pending') return 'discovering';
    }
    return this.fleet.registrySources().length === 0 ? 'no OCI source: give the repository as an argument' : 'not found in any source';
  }

  /** Dependencies of a graph come from the fleet: the version a range selects from the history, else the current one. */
  private fleetFetcher(root: ContractEntry): DependencyFetcher {
    return async (request): Promise<DiffSide> => {
      const index = this.fleet.index();
      const target = index.target(request.ref, root);
      const service = index.services.get(target.name);
      if (!target.resolved || !service) throw new Error(`${request.ref}: ${this.externalReason(request.ref)}`);
      let entry = service.primary;
      const source: RegistrySource | undefined = this.fleet.historySource(target.name);
      const repo = source?.repositoryOf(target.name);
      if (source && repo && request.ref.startsWith('oci://')) {
        const tag = isPinned(request.ref) ? parseReference(request.ref).tag : selectTag(repo.tags, request.compatibility);
        if (tag !== undefined && repo.tags.includes(tag)) entry = await source.version(repo, tag);
      }
      const side = diffInput(entry);
      if (side === undefined || !('contract' in side)) throw new Error(`${request.ref}: the contract does not parse`);
      return side;
    };
  }
}


type FieldKind = 'string' | 'string?' | 'boolean?';
type Fields<T extends Record<string, FieldKind>> = {
  [K in keyof T]: T[K] extends 'string' ? string : T[K] extends 'string?' ? string | undefined : boolean | undefined;
};

/** Checks a JSON request body against the kinds of its fields (400 with the field's name otherwise). */
function requestBody<T extends Record<string, FieldKind>>(body: unknown, kinds: T): Fields<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new DashboardError(400, 'BAD_REQUEST', 'the request body must be a JSON object');
  }
  const out: Record<string, unknown> = {};
  for (const [key, kind] of Object.entries(kinds)) {
    const value = (body as Record<string, unknown>)[key];
    const type = kind.replace('?', '');
    if (value === undefined && kind.endsWith('?')) continue;
    if (typeof value !== type || (type === 'string' && value === '' && !kind.endsWith('?'))) {
      throw new DashboardError(400, 'BAD_REQUEST', `"${key}" must be a ${kind.endsWith('?') ? '' : 'non-empty '}${type}`);
    }
    out[key] = value;
  }
  return out as Fields<T>;
}

/** The API reads registries only: a bare name would go to Docker Hub, a path to the server's disk. */
function requireOci(ref: string): void {
  if (!ref.startsWith('oci://')) {
    throw new DashboardError(422, 'INVALID_REFERENCE', `expected an oci:// reference, got ${JSON.stringify(ref)}`, { hint: 'oci://<registry>/<repository>[:<tag>]' });
  }
}

/** The HTTP status of a registry failure (cli.md §4.14 `POST /api/resolve`). */
function registryError(error: unknown): DashboardError {
  if (error instanceof DashboardError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message;
  const status =
    {
      INVALID_REFERENCE: 422,
      INVALID_CONSTRAINT: 422,
      NO_MATCHING_TAG: 422,
      NO_SEMVER_TAGS: 422,
      EXTRACT_FAILED: 422,
      DIGEST_MISMATCH: 422,
      MISSING_CONTRACT: 422,
      AUTH_FAILED: 403,
      NOT_FOUND: 404,
    }[code] ?? 502;
  return new DashboardError(status, code || 'REGISTRY_FAILED', message, { cause: error });
}
