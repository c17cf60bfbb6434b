import type { ServiceSummary } from '../../../src/api/model.ts';
import { ErrorBox, Loading, PhaseBadge, ServiceLink } from '../components.tsx';
import { useApi } from '../data.ts';
import { href, navigate, type Route } from '../router.ts';

type SortKey = 'name' | 'version' | 'phase' | 'blastRadius' | 'dependentCount' | 'dependencyCount' | 'readiness';

const SORTS: Record<SortKey, (a: ServiceSummary, b: ServiceSummary) => number> = {
  name: (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  version: (a, b) => a.version.localeCompare(b.version, undefined, { numeric: true }),
  phase: (a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase),
  blastRadius: (a, b) => b.blastRadius - a.blastRadius,
  dependentCount: (a, b) => b.dependentCount - a.dependentCount,
  dependencyCount: (a, b) => b.dependencyCount - a.dependencyCount,
  readiness: (a, b) => (a.readiness?.score ?? 101) - (b.readiness?.score ?? 101),
};
const PHASES = ['NonCompliant', 'Warning', 'Unknown', 'Compliant'];

/** The filters of the list live in the URL, so a filtered list can be shared. */
export function ServicesView({ route }: { route: Route }) {
  const services = useApi<ServiceSummary[]>('/api/services');
  const q = route.query.get('q') ?? '';
  const owner = route.query.get('owner') ?? '';
  const workload = route.query.get('workload') ?? '';
  const state = route.query.get('state') ?? '';
  const validity = route.query.get('validity') ?? '';
  const sort = (route.query.get('sort') ?? 'name') as SortKey;
  const set = (key: string, value: string) => {
    const query = Object.fromEntries(route.query.entries());
    navigate(href(['services'], { ...query, [key]: value }), true);
  };

  if (services.error) return <ErrorBox error={services.error} />;
  if (!services.data) return <Loading what="services" />;
  const all = services.data;
  const options = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null && v !== ''))].sort();
  const needle = q.trim().toLowerCase();
  const shown = all
    .filter((s) => needle === '' || s.name.toLowerCase().includes(needle) || (s.owner ?? '').toLowerCase().includes(needle))
    .filter((s) => owner === '' || s.owner === owner)
    .filter((s) => workload === '' || s.workload === workload)
    .filter((s) => state === '' || s.stateType === state)
    .filter((s) => validity === '' || (validity === 'valid' ? s.valid : validity === 'invalid' ? !s.valid : s.phase === 'Warning'))
    .sort(SORTS[sort] ?? SORTS.name);

  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort === key ? 'descending' : undefined}>
      <button class="sort" type="button" onClick={() => set('sort', key)}>
        {label}
        {sort === key ? ' ▾' : ''}
      </button>
    </th>
  );

  return (
    <div>
      <h1>Services</h1>
      <div class="toolbar">
        <input type="search" placeholder="Search name or owner" aria-label="Search" value={q} onInput={(e) => set('q', (e.target as HTMLInputElement).value)} data-testid="search" />
        <Select label="Owner" value={owner} values={options(all.map((s) => s.owner))} onChange={(v) => set('owner', v)} />
        <Select label="Workload" value={workload} values={options(all.map((s) => s.workload))} onChange={(v) => set('workload', v)} />
        <Select label="State" value={state} values={options(all.map((s) => s.stateType))} onChange={(v) => set('state', v)} />
        <Select label="Validity" value={validity} values={['valid', 'warning', 'invalid']} onChange={(v) => set('validity', v)} />
        <span class="muted" data-testid="service-count">
          {shown.length} of {all.length}
        </span>
      </div>
      <table data-testid="services-table">
        <thead>
          <tr>
            {header('name', 'Name')}
            {header('version', 'Version')}
            <th>Owner</th>
            {header('phase', 'State')}
            <th>Workload</th>
            <th>Sources</th>
            {header('dependencyCount', 'Deps')}
            {header('dependentCount', 'Dependents')}
            {header('blastRadius', 'Blast radius')}
            {header('readiness', 'Readiness')}
          </tr>
        </thead>
        <tbody>
          {shown.map((s) => (
            <tr key={s.name} data-testid="service-row" data-name={s.name}>
              <td>
                <ServiceLink name={s.name} />
              </td>
              <td class="mono">{s.version}</td>
              <td>{s.owner ?? <span class="muted">—</span>}</td>
              <td>
                <PhaseBadge phase={s.phase} />
              </td>
              <td>{[s.workload, s.stateType].filter(Boolean).join(', ') || <span class="muted">—</span>}</td>
              <td>
                {s.sources.map((source) => (
                  <span key={source} class="badge source">
                    {source}
                  </span>
                ))}
              </td>
              <td>{s.dependencyCount}</td>
              <td>{s.dependentCount}</td>
              <td>{s.blastRadius}</td>
              <td>{s.readiness ? `${s.readiness.score}/${s.readiness.minScore}` : <span class="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 ? <p class="muted">No service matches.</p> : null}
    </div>
  );
}

function Select({ label, value, values, onChange }: { label: string; value: string; values: string[]; onChange: (value: string) => void }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)} data-testid={`filter-${label.toLowerCase()}`}>
        <option value="">any</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}
