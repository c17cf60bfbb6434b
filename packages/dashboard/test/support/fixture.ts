import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OciClient } from '@pacto/oci';
import { fleetContract, planFleet, pushFleet, serviceName, type PlannedService } from './fleet.mjs';

export interface FleetFixture {
  readonly registry: string;
  readonly prefix: string;
  readonly plan: readonly PlannedService[];
  /** The local directory: a local-only service, a local copy of svc-01 and a contract with a typo. */
  readonly localDir: string;
  /** The repositories given to the dashboard: the second half; the rest is found through dependency refs. */
  readonly repositories: readonly string[];
  /** An empty bundle cache for the dashboard (tests never read the user's). */
  readonly cacheDir: string;
}

/** The built web app (`pnpm build` makes it; `pnpm test` builds first). */
export const UI_BUILD = fileURLToPath(new URL('../../dist/ui/', import.meta.url));

export function tempDir(prefix = 'pacto-dashboard-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The typo of the local `broken` contract: `servce:` on line 3, column 1. */
export const TYPO_LINE = 3;

/** Pushes a fleet of `count` services (three versions each) and writes the local directory. */
export async function createFleet(registry: string, count = 32): Promise<FleetFixture> {
  const prefix = `fleet-${process.pid}-${Date.now().toString(36)}`;
  const plan = planFleet({ registry, prefix, count });
  const client = new OciClient({ cacheDir: null, env: {} });
  try {
    await pushFleet(plan, client);
  } finally {
    await client.close();
  }
  const localDir = tempDir();
  const write = (dir: string, text: string) => {
    mkdirSync(join(localDir, dir), { recursive: true });
    writeFileSync(join(localDir, dir, 'pacto.yaml'), text);
  };
  write(
    'checkout',
    fleetContract({
      name: 'checkout',
      version: '0.3.0',
      owner: 'team-payments',
      port: 7000,
      dependencies: [
        { name: serviceName(3), ref: `oci://${registry}/${prefix}/${serviceName(3)}`, required: true, compatibility: '^2.0.0' },
        { name: serviceName(1), ref: `file://../${serviceName(1)}`, required: false, compatibility: '>=2.0.0-0' },
        { name: 'fraud-check', ref: `oci://${registry}/${prefix}/fraud-check`, required: false, compatibility: '^1.0.0' },
      ],
      configurationRefs: [`oci://${registry}/${prefix}/${serviceName(0)}:2.0.0`],
      workload: 'service',
      stateful: false,
      scaling: [2, 4],
    }),
  );
  // The working copy of svc-01: ahead of the registry, so the local contract wins the merge.
  write(serviceName(1), plan[1]!.versions[2]!.text.replace('version: 2.0.0', 'version: 2.1.0-dev'));
  write('broken', 'pactoVersion: "1.1"\n\nservce:\n  name: broken\n  version: 1.0.0\n');
  return {
    registry,
    prefix,
    plan,
    localDir,
    repositories: plan.slice(Math.floor(count / 2)).map((service) => `oci://${service.repository}`),
    cacheDir: tempDir('pacto-dashboard-cache-'),
  };
}
