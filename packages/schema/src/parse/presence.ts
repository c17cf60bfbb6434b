import type { Contract } from '../contract-types.js';

// contract.md §2.3: the three presence checks, first failure wins.
export interface PresenceFailure {
  readonly path: string;
  readonly message: string;
  readonly hint: string;
}

export function checkPresence(contract: Contract): PresenceFailure | undefined {
  if (!contract.pactoVersion) {
    return { path: 'pactoVersion', message: 'pactoVersion is required', hint: 'add pactoVersion: "1.0" (or "1.1") as the first line' };
  }
  if (!contract.service.name) return { path: 'service.name', message: 'service.name is required', hint: 'add name: <service-name> under service' };
  if (!contract.service.version) {
    return { path: 'service.version', message: 'service.version is required', hint: 'add version: <semantic version>, e.g. 1.0.0, under service' };
  }
  return undefined;
}

/** `replicas` fixes the count: the typed contract reads it as min = max = replicas (generic document untouched). */
export function normaliseScaling(contract: Contract): void {
  const scaling = 'scaling' in contract ? contract.scaling : undefined;
  if (scaling?.replicas !== undefined) {
    scaling.min = scaling.replicas;
    scaling.max = scaling.replicas;
  }
}
