import { randomBytes } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { PactoError } from '@pacto/schema';
import type { DashboardApi } from '../api/dashboard-api.js';
import type { ContractEntry } from '../fleet/contract-entry.js';
import { staticBundlePath, staticDataPath, type StoredBundle } from '../shared/data-keys.js';

// `pacto dashboard --export <dir>`: the same web app as a static site, with the API's answers written as JSON
// files next to it (data/…) and every version's bundle, so the browser computes diffs itself. Hash routing
// keeps deep links working on any static host. The site is built in a sibling directory and renamed into
// place, so a failure leaves no half-written export behind.

/** Marks a directory as an export, so a later export may replace it. */
const MARKER = 'data/export.json';

/** The `<meta>` the web app reads to know it runs from static files. */
export const STATIC_MODE_META = '<meta name="pacto-dashboard-data" content="static">';

export interface ExportResult {
  readonly dir: string;
  readonly services: number;
  readonly files: number;
}

export class ExportError extends PactoError {
  override readonly name = 'ExportError';
}

export async function exportDashboard(api: DashboardApi, target: string, uiDir: string): Promise<ExportResult> {
  const dir = resolve(target);
  await checkTarget(dir);
  await api.fleet.complete();
  const staging = join(dirname(dir), `.${basename(dir)}.pacto-export-${randomBytes(4).toString('hex')}`);
  let files = 0;
  const write = async (path: string, content: string | Uint8Array): Promise<void> => {
    const file = join(staging, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
    files += 1;
  };
  const writeJson = (path: string, value: unknown) => write(path, JSON.stringify(value));
  try {
    await mkdir(dirname(dir), { recursive: true });
    await cp(uiDir, staging, { recursive: true, filter: (source) => !source.endsWith('.map') });
    const index = await readFile(join(staging, 'index.html'), 'utf8');
    await writeFile(join(staging, 'index.html'), index.replace('<head>', `<head>\n    ${STATIC_MODE_META}`));

    const services = api.services();
    const data = (apiPath: string) => staticDataPath(apiPath)!;
    await writeJson(data('/api/services'), services);
    await writeJson(data('/api/graph'), api.graph());
    await writeJson(data('/api/sources'), api.sources());
    for (const { name } of services) {
      const path = `/api/services/${encodeURIComponent(name)}`;
      const versions = await api.versions(name);
      await writeJson(data(path), api.service(name));
      await writeJson(data(`${path}/versions`), versions);
      await writeJson(data(`${path}/sources`), api.serviceSources(name));
      await writeJson(data(`${path}/graph`), await api.serviceGraph(name));
      await writeJson(data(`${path}/dependents`), api.dependents(name));
      await writeJson(data(`${path}/refs`), api.refs(name));
      const service = api.fleet.index().services.get(name)!;
      await writeJson(staticBundlePath(name, 'current'), storedBundle(service.primary));
      const source = api.fleet.historySource(name);
      const repo = source?.repositoryOf(name);
      if (source && repo) {
        for (const step of await source.history(repo)) await writeJson(staticBundlePath(name, step.entry.version), storedBundle(step.entry));
      }
    }
    await writeJson(MARKER, { generator: 'pacto dashboard --export', version: api.health().version, services: services.length });
    await rm(dir, { recursive: true, force: true });
    await rename(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (error instanceof PactoError) throw error;
    throw new ExportError('EXPORT_FAILED', `writing the dashboard export to ${target}: ${(error as Error).message}`, { cause: error });
  }
  return { dir, services: api.services().length, files: files };
}

/** Refuses a target that exists and is neither empty nor an earlier export (nothing of the user's is replaced). */
async function checkTarget(dir: string): Promise<void> {
  let entries: string[];
  try {
    if (!(await stat(dir)).isDirectory()) throw new ExportError('EXPORT_TARGET', `${dir} exists and is not a directory`);
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (entries.length === 0) return;
  try {
    await stat(join(dir, MARKER));
  } catch {
    throw new ExportError('EXPORT_TARGET', `${dir} is not empty and is not an earlier dashboard export`, {
      hint: 'give a new or empty directory; an earlier export is replaced as a whole',
    });
  }
}

function storedBundle(entry: ContractEntry): StoredBundle {
  const files: StoredBundle['files'] = {};
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const path of entry.listing) {
    const bytes = entry.bundle.files?.readFile(path);
    if (bytes === undefined) continue;
    try {
      files[path] = { text: decoder.decode(bytes) };
    } catch {
      files[path] = { base64: Buffer.from(bytes).toString('base64') };
    }
  }
  if (files['pacto.yaml'] === undefined) files['pacto.yaml'] = { text: entry.bundle.text };
  return { fileName: entry.bundle.fileName, version: entry.version, files };
}
