import { useEffect, useState } from 'preact/hooks';
import type { DiffResult, ServiceSummary, VersionInfo } from '../../../src/api/model.ts';
import { ClassBadge, ErrorBox, Loading, TableHead } from '../components.tsx';
import { getApi, getStoredBundle, LoadError, STATIC, useApi } from '../data.ts';
import { href, navigate, type Route } from '../router.ts';

const KEYS = ['from_name', 'from_version', 'to_name', 'to_version'] as const;

/** Compares two versions of one service or of two services; every comparison has a URL. */
export function DiffView({ route }: { route: Route }) {
  const query = Object.fromEntries(KEYS.map((key) => [key, route.query.get(key) ?? ''])) as Record<(typeof KEYS)[number], string>;
  const services = useApi<ServiceSummary[]>('/api/services');
  const set = (changes: Partial<typeof query>) => navigate(href(['diff'], { ...query, ...changes }), true);
  const ready = query.from_name !== '' && query.to_name !== '';
  const diff = useDiff(ready ? query : undefined);

  return (
    <div>
      <h1>Diff</h1>
      <p class="muted">Classified changes between two versions (diff.md): the old side on the left, the new one on the right.</p>
      <div class="toolbar">
        <Side label="Old" services={services.data} name={query.from_name} version={query.from_version} onChange={(name, version) => set({ from_name: name, from_version: version })} />
        <span>→</span>
        <Side label="New" services={services.data} name={query.to_name} version={query.to_version} onChange={(name, version) => set({ to_name: name, to_version: version })} />
      </div>
      {!ready ? <p class="muted">Choose a service on both sides (the current version is used when no version is chosen).</p> : null}
      {diff.error ? <ErrorBox error={diff.error} /> : null}
      {ready && !diff.data && !diff.error ? <Loading what="the diff" /> : null}
      {diff.data ? <DiffReport diff={diff.data} /> : null}
    </div>
  );
}

export function DiffReport({ diff }: { diff: DiffResult }) {
  const changes = diff.changes ?? [];
  const breaking = changes.filter((c) => c.classification === 'BREAKING').length;
  return (
    <div data-testid="diff-result" data-classification={diff.classification}>
      <p>
        <strong class="mono">
          {diff.from.name}@{diff.from.version}
        </strong>{' '}
        →{' '}
        <strong class="mono">
          {diff.to.name}@{diff.to.version}
        </strong>
        : <ClassBadge classification={diff.classification} big /> {changes.length} change{changes.length === 1 ? '' : 's'}
        {breaking > 0 ? `, ${breaking} breaking` : ''}
      </p>
      {changes.length === 0 ? (
        <p class="muted">No changes.</p>
      ) : (
        <table data-testid="changes">
          <TableHead columns={['Classification', 'Change', 'Path', 'Old', 'New', 'Why']} />
          <tbody>
            {changes.map((c, i) => (
              <tr key={i} class={c.classification === 'BREAKING' ? 'breaking' : ''} data-testid="change-row" data-classification={c.classification}>
                <td>
                  <ClassBadge classification={c.classification} />
                </td>
                <td>{c.type}</td>
                <td class="mono">{c.path}</td>
                <td class="mono">{c.oldValue === undefined ? '' : JSON.stringify(c.oldValue)}</td>
                <td class="mono">{c.newValue === undefined ? '' : JSON.stringify(c.newValue)}</td>
                <td>{c.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(diff.dependencyDiffs ?? []).length > 0 ? (
        <>
          <h2>Dependencies</h2>
          {diff.dependencyDiffs!.map((d) => (
            <p key={d.name}>
              {d.name}: <ClassBadge classification={d.classification} />
            </p>
          ))}
        </>
      ) : null}
    </div>
  );
}

function Side(props: { label: string; services: ServiceSummary[] | undefined; name: string; version: string; onChange: (name: string, version: string) => void }) {
  const versions = useApi<VersionInfo[]>(props.name ? `/api/services/${encodeURIComponent(props.name)}/versions` : null);
  const id = props.label.toLowerCase();
  return (
    <span class="row">
      <label>
        {props.label}{' '}
        <select value={props.name} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value, '')} data-testid={`${id}-name`}>
          <option value="">choose a service</option>
          {(props.services ?? []).map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <select value={props.version} onChange={(e) => props.onChange(props.name, (e.target as HTMLSelectElement).value)} aria-label={`${props.label} version`} data-testid={`${id}-version`}>
        <option value="">current</option>
        {(versions.data ?? []).map((v) => (
          <option key={v.version} value={v.version}>
            {v.version}
          </option>
        ))}
      </select>
    </span>
  );
}

/** The live API computes diffs; an export computes them in the browser from the exported bundles. */
function useDiff(query: Record<string, string> | undefined): { data?: DiffResult; error?: LoadError } {
  const key = query === undefined ? '' : new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '')).toString();
  const [state, setState] = useState<{ key: string; data?: DiffResult; error?: LoadError }>({ key: '' });
  useEffect(() => {
    if (query === undefined) return;
    let live = true;
    const pending = STATIC ? diffInBrowser(query) : getApi<DiffResult>(`/api/diff?${key}`);
    pending.then(
      (data) => live && setState({ key, data }),
      (error: unknown) => live && setState({ key, error: error instanceof LoadError ? error : new LoadError((error as Error).message, 0) }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state.key === key ? state : {};
}

async function diffInBrowser(query: Record<string, string>): Promise<DiffResult> {
  const [engines, from, to] = await Promise.all([
    import('../engines.ts'),
    storedSide(query['from_name']!, query['from_version'] ?? ''),
    storedSide(query['to_name']!, query['to_version'] ?? ''),
  ]);
  return engines.diffStored(from, to);
}

async function storedSide(name: string, version: string) {
  if (version === '') return { name, bundle: await getStoredBundle(name, 'current') };
  try {
    return { name, bundle: await getStoredBundle(name, version) };
  } catch (error) {
    const current = await getStoredBundle(name, 'current');
    if (current.version === version) return { name, bundle: current };
    throw new LoadError(`service "${name}" has no version "${version}"`, 404, (error as Error).message);
  }
}
