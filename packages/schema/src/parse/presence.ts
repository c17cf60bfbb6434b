import type { Contract } from '../model.js';

// contract.md §2.3: the three presence checks, first failure wins.
export interface PresenceFailure {
  readonly path: string;
  readonly message: string;
}

export function checkPresence(contract: Contract): PresenceFailure | undefined {
  if (!contract.pactoVersion) return { path: 'pactoVersion', message: 'pactoVersion is required' };
  if (!contract.service.name) return { path: 'service.name', message: 'service.name is required' };
  if (!contract.service.version) return { path: 'service.version', message: 'service.version is required' };
  return undefined;
}

/** `replicas` fixes the count: the typed contract reads it as min = max = replicas (generic document untouched). */
export function normaliseScaling(contract: Contract): void {
  const scaling = contract.scaling;
  if (scaling?.replicas !== undefined) {
    scaling.min = scaling.replicas;
    scaling.max = scaling.replicas;
  }
}
