import { useCallback, useEffect, useState } from 'preact/hooks';
import { staticBundlePath, staticDataPath, type StoredBundle } from '../../src/shared/data-keys.ts';

// Where the data comes from: the live API (`pacto dashboard`) or the JSON files of an export
// (`pacto dashboard --export`), which marks its index.html with a <meta>.

export const STATIC = document.querySelector('meta[name="pacto-dashboard-data"]')?.getAttribute('content') === 'static';

export class LoadError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly hint?: string,
  ) {
    super(message);
  }
}

const cache = new Map<string, Promise<unknown>>();

async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new LoadError(`cannot reach the dashboard: ${(error as Error).message}`, 0);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new LoadError(`${url} answered ${response.status} with something that is not JSON`, response.status);
  }
  if (!response.ok) {
    const error = (body as { error?: { message?: string; hint?: string } } | undefined)?.error;
    throw new LoadError(error?.message ?? `${url} answered ${response.status}`, response.status, error?.hint);
  }
  return body as T;
}

/** `GET <api path>` (e.g. `/api/services`), from the server or from the export's files; cached per page load. */
export function getApi<T>(apiPath: string): Promise<T> {
  let pending = cache.get(apiPath);
  if (!pending) {
    if (STATIC) {
      const file = staticDataPath(apiPath.split('?')[0]!);
      pending = file === undefined ? Promise.reject(new LoadError(`not available in an exported dashboard: ${apiPath}`, 404)) : fetchJson<T>(file);
    } else {
      pending = fetchJson<T>(apiPath.slice(1));
    }
    pending.catch(() => cache.delete(apiPath));
    cache.set(apiPath, pending);
  }
  return pending as Promise<T>;
}

/** `POST <api path>` with a JSON body (live dashboard only). */
export function postApi<T>(apiPath: string, body: unknown): Promise<T> {
  return fetchJson<T>(apiPath.slice(1), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

const changes = new EventTarget();

/**
 * Forgets every cached answer and makes every mounted view load its data again, keeping what it shows until
 * the new answer arrives (after `POST /api/refresh`, and while discovery runs).
 */
export function forgetApi(): void {
  cache.clear();
  changes.dispatchEvent(new Event('change'));
}

function useDataEpoch(): number {
  const [epoch, setEpoch] = useState(0);
  useEffect(() => {
    const bump = () => setEpoch((e) => e + 1);
    changes.addEventListener('change', bump);
    return () => changes.removeEventListener('change', bump);
  }, []);
  return epoch;
}

/** A version's bundle in an export; `current` is the service's current contract. */
export function getStoredBundle(name: string, version: string | 'current'): Promise<StoredBundle> {
  return fetchJson<StoredBundle>(staticBundlePath(name, version));
}

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: LoadError | undefined;
  readonly loading: boolean;
  reload(): void;
}

/** Loads `apiPath` (null: nothing to load) and re-renders when it arrives. */
export function useApi<T>(apiPath: string | null): Loaded<T> {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: LoadError }>({ path: null });
  const [round, setRound] = useState(0);
  const epoch = useDataEpoch();
  useEffect(() => {
    if (apiPath === null) return;
    let live = true;
    getApi<T>(apiPath).then(
      (data) => live && setState({ path: apiPath, data }),
      (error: unknown) => live && setState({ path: apiPath, error: error instanceof LoadError ? error : new LoadError(String(error), 0) }),
    );
    return () => {
      live = false;
    };
  }, [apiPath, round, epoch]);
  const reload = useCallback(() => {
    if (apiPath !== null) cache.delete(apiPath);
    setRound((r) => r + 1);
  }, [apiPath]);
  const current = state.path === apiPath;
  return { data: current ? state.data : undefined, error: current ? state.error : undefined, loading: apiPath !== null && !current, reload };
}
