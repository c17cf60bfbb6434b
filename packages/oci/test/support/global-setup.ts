import type { TestProject } from 'vitest/node';
import { startRegistry, type RegistryProcess } from './registry-process.js';

/** What the global setup shares with tests through vitest `inject`. */
export interface RegistryContext {
  /** Anonymous registry, e.g. `127.0.0.1:41234`. */
  readonly anonymousRegistry: string;
  /** Registry with htpasswd basic auth. */
  readonly authRegistry: string;
  readonly authUsername: string;
  readonly authPassword: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    registries: RegistryContext;
  }
}

/**
 * Starts two real `docker-registry` processes (one anonymous, one with htpasswd basic auth) for the
 * whole test run and stops them by PID afterwards. Usable from any package's vitest.config.ts.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started: RegistryProcess[] = [];
  try {
    const anonymous = await startRegistry();
    started.push(anonymous);
    const credentials = { username: 'pacto', password: 'test-secret' };
    const authenticated = await startRegistry({ basicAuth: credentials });
    started.push(authenticated);
    project.provide('registries', {
      anonymousRegistry: anonymous.host,
      authRegistry: authenticated.host,
      authUsername: credentials.username,
      authPassword: credentials.password,
    });
  } catch (error) {
    await Promise.all(started.map((registry) => registry.stop()));
    throw error;
  }
  return async () => {
    await Promise.all(started.map((registry) => registry.stop()));
  };
}
