import { posix } from 'node:path';
import { stringify } from 'yaml';
import type { DependencyFetcher, DiffSide } from '../../src/index.js';
import { sideOf } from './fixtures.js';
import type { Files } from './fixtures.js';

export interface ServiceSpec {
  readonly version?: string;
  readonly deps?: readonly (string | { name?: string; ref: string; compatibility?: string; required?: boolean })[];
  readonly port?: number;
  readonly files?: Files;
}

/** Bundle files of a minimal service whose dependencies are local refs. */
export function serviceFiles(name: string, spec: ServiceSpec = {}): Files {
  const contract: Record<string, unknown> = { pactoVersion: '1.1', service: { name, version: spec.version ?? '1.0.0' } };
  if (spec.port !== undefined) contract.interfaces = [{ name: 'api', type: 'http', port: spec.port }];
  if (spec.deps?.length) {
    contract.dependencies = spec.deps.map((d) => {
      const dep = typeof d === 'string' ? { ref: d } : d;
      return { name: dep.name ?? posix.basename(dep.ref), ref: dep.ref, compatibility: dep.compatibility ?? '^1.0.0', ...(dep.required ? { required: true } : {}) };
    });
  }
  return { 'pacto.yaml': stringify(contract), ...spec.files };
}

/**
 * A fetcher over in-memory directories (`/ws/<dir>`), resolving local refs against `rootDir` like the CLI.
 * `delay` lets tests scramble completion order.
 */
export function memoryFetcher(dirs: Record<string, Files>, rootDir: string, delay?: (ref: string) => number): DependencyFetcher & { calls: string[] } {
  const calls: string[] = [];
  const fetcher = async (req: { ref: string }): Promise<DiffSide> => {
    calls.push(req.ref);
    if (delay) await new Promise((r) => setTimeout(r, delay(req.ref)));
    const path = posix.resolve(rootDir, req.ref.replace(/^file:\/\//, ''));
    const files = dirs[path];
    if (!files) throw new Error(`failed to access ${path}: no such file or directory`);
    return sideOf(files);
  };
  return Object.assign(fetcher, { calls });
}
