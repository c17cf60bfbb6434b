import { createBundleResolver, OciClient, type OciClientOptions } from '@pacto/oci';
import { DashboardApi } from './api/dashboard-api.js';
import type { SourceInfo } from './api/model.js';
import { Fleet, type FleetOptions } from './fleet/fleet.js';

export interface DashboardOptions extends Omit<FleetOptions, 'client'> {
  /** The version `/health` reports. */
  readonly version: string;
  /** A registry client to share; otherwise one is made from `clientOptions` (and closed by `close`). */
  readonly client?: OciClient;
  readonly clientOptions?: OciClientOptions;
  /** The clock readiness is evaluated at. */
  readonly now?: () => Date;
}

export interface Dashboard {
  readonly fleet: Fleet;
  readonly api: DashboardApi;
  /** Stops background discovery and closes the registry client it made. */
  close(): Promise<void>;
}

/**
 * Detects the sources and prepares the API; nothing is fetched from a registry until `fleet.start()`
 * (or `fleet.ready()`) runs the first discovery.
 */
export async function createDashboard(options: DashboardOptions): Promise<Dashboard> {
  const client = options.client ?? new OciClient({ ...options.clientOptions, ...(options.noCache ? { noCache: true } : {}) });
  const fleet = await Fleet.open({ ...options, client });
  const resolver = createBundleResolver({ client, ...(options.cwd ? { cwd: options.cwd } : {}) });
  const api = new DashboardApi(fleet, { version: options.version, client, resolver, ...(options.now ? { now: options.now } : {}) });
  return {
    fleet,
    api,
    close: async () => {
      fleet.close();
      if (options.client === undefined) await client.close();
    },
  };
}

/** The `Detected sources:` block of cli.md §4.14. */
export function formatDetectedSources(sources: readonly SourceInfo[]): string {
  const lines = sources.map((source) => `  ${source.type}: ${source.enabled ? 'enabled' : 'disabled'} (${source.reason})`);
  return `Detected sources:\n${lines.join('\n')}\n`;
}

/** The lines printed once the server listens (cli.md §4.14). */
export function formatRunning(url: string, sources: readonly SourceInfo[]): string {
  const active = sources.filter((source) => source.enabled).map((source) => source.type);
  return `\nPacto Dashboard running at ${url}\nSources: ${active.join(', ')}\nPress Ctrl+C to stop\n`;
}

/** The block printed when no source can provide contracts (cli.md §4.14). */
export function formatNoSources(sources: readonly SourceInfo[]): string {
  return `No data sources detected:\n${sources.map((source) => `  ${source.type}: ${source.reason}`).join('\n')}\n`;
}
