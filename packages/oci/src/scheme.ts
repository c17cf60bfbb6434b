import { isIPv4 } from 'node:net';

/** How to reach a registry: HTTPS only, HTTPS then plain HTTP, or plain HTTP only (oci.md §10.1). */
export type SchemePolicy = 'https' | 'https-then-http' | 'http';

function splitHost(registry: string): string {
  if (registry.startsWith('[')) return registry.slice(1, registry.indexOf(']')).toLowerCase();
  const colon = registry.lastIndexOf(':');
  return (colon >= 0 ? registry.slice(0, colon) : registry).toLowerCase();
}

function isPrivateIPv4(host: string): boolean {
  if (!isIPv4(host)) return false;
  const [a = 0, b = 0] = host.split('.').map(Number);
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/**
 * Registries reachable without TLS: loopback and private addresses may fall back to HTTP; hosts listed in
 * `PACTO_INSECURE_REGISTRIES` (comma-separated, with or without port) always use plain HTTP.
 */
export function schemePolicy(registry: string, insecureRegistries: readonly string[] = []): SchemePolicy {
  const host = splitHost(registry);
  const listed = insecureRegistries.map((entry) => entry.trim().toLowerCase()).filter(Boolean);
  if (listed.includes(registry.toLowerCase()) || listed.includes(host)) return 'http';
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1' || isPrivateIPv4(host)) {
    return 'https-then-http';
  }
  return 'https';
}

/** Parses `PACTO_INSECURE_REGISTRIES`. */
export function insecureRegistriesFromEnv(env: NodeJS.ProcessEnv): string[] {
  return (env.PACTO_INSECURE_REGISTRIES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}
