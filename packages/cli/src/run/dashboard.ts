import { join } from 'node:path';
import { createDashboard, exportDashboard, formatDetectedSources, formatNoSources, formatRunning, startDashboardServer, type Dashboard } from '@pacto/dashboard';
import { defaultCacheDir, OciClient } from '@pacto/oci';
import { buildInfo } from '../build-info.js';
import { CliError, UsageError } from '../cli-error.js';
import { waitForStopSignal } from '../doc-server.js';
import { ociClientOptions } from '../oci-session.js';
import type { CommandIO } from './command-io.js';

export interface DashboardRequest {
  readonly args: readonly string[];
  readonly env: Record<string, string | undefined>;
  readonly cwd: string;
  readonly host: string;
  readonly port: number;
  readonly corsOrigin: string | undefined;
  readonly diagnostics: boolean;
  readonly exportDir: string | undefined;
  readonly namespace: string | undefined;
}

/** `oci://` arguments are repositories, any other is the local directory (cli.md §4.14). */
export function dashboardSources(args: readonly string[], env: Record<string, string | undefined>): { localDir: string; repositories: string[] } {
  const repositories: string[] = [];
  let localDir: string | undefined;
  for (const arg of args) {
    if (arg.startsWith('oci://')) {
      if (arg === 'oci://') throw new UsageError('empty OCI reference: "oci://"', { code: 'INVALID_ARGUMENT', usage: 'pacto dashboard' });
      repositories.push(arg);
    } else if (localDir !== undefined) {
      throw new UsageError(`only one local path is allowed, got both "${localDir}" and "${arg}"`, { code: 'INVALID_ARGUMENT', usage: 'pacto dashboard' });
    } else {
      localDir = arg;
    }
  }
  if (repositories.length === 0) {
    for (const repo of (env['PACTO_DASHBOARD_REPO'] ?? '').split(',')) if (repo.trim() !== '') repositories.push(repo.trim());
  }
  return { localDir: localDir ?? '.', repositories };
}

/** The work of `pacto dashboard`: detect the sources, then serve until Ctrl+C, or write a static export. */
export async function runDashboard(io: CommandIO, request: DashboardRequest): Promise<number> {
  const { localDir, repositories } = dashboardSources(request.args, request.env);
  const client = new OciClient(ociClientOptions(io.settings, request.env as NodeJS.ProcessEnv));
  const cacheDir = io.settings.cacheDir ?? defaultCacheDir(request.env as NodeJS.ProcessEnv);
  const dashboard = await createDashboard({
    version: buildInfo.version,
    client,
    localDir,
    repositories,
    noCache: io.settings.noCache,
    cwd: request.cwd,
    ...(cacheDir === undefined ? {} : { cacheDir }),
  });
  try {
    const sources = dashboard.fleet.sources();
    if (!sources.some((source) => source.enabled)) {
      io.err(formatNoSources(sources));
      throw new CliError('at least one data source must be available', {
        hint: 'run it in a directory with pacto.yaml files, or give oci://<registry>/<repository> arguments',
      });
    }
    io.err(formatDetectedSources(sources));
    if (request.namespace) io.err(`warning: --namespace ${request.namespace} has no effect: there is no Kubernetes source in this version\n`);
    // The web app's files: the CLI build copies them from @pacto/dashboard to dist/dashboard-ui, beside this
    // run module's dist/run/, so an installed CLI needs no @pacto/dashboard package.
    const uiDir = join(__dirname, '..', 'dashboard-ui');
    if (request.exportDir !== undefined) return await exportSite(io, dashboard, request.exportDir, uiDir);

    const server = await startDashboardServer(dashboard.api, {
      host: request.host,
      port: request.port,
      uiDir,
      diagnostics: request.diagnostics,
      ...(request.corsOrigin ? { corsOrigin: request.corsOrigin } : {}),
    });
    io.err(formatRunning(server.url, sources));
    void dashboard.fleet.start().then(() => io.debug(`discovery done: ${dashboard.api.services().length} services`));
    await waitForStopSignal();
    await server.close();
    return 0;
  } finally {
    await dashboard.close();
    await client.close();
  }
}

async function exportSite(io: CommandIO, dashboard: Dashboard, dir: string, uiDir: string): Promise<number> {
  await dashboard.fleet.complete();
  for (const source of dashboard.fleet.sources()) {
    for (const repo of source.repositories ?? []) if (repo.status === 'error') io.err(`warning: ${repo.ref}: ${repo.error}\n`);
  }
  const result = await exportDashboard(dashboard.api, dir, uiDir);
  if (io.settings.outputFormat === 'json') io.out(`${JSON.stringify({ dir: result.dir, services: result.services, files: result.files }, null, 2)}\n`);
  else io.out(`Exported ${result.services} service${result.services === 1 ? '' : 's'} to ${result.dir}\n`);
  return 0;
}
