import type { Sources } from '../../../src/api/model.ts';
import { ErrorBox, Loading, TableHead } from '../components.tsx';
import { useApi } from '../data.ts';

export function SourcesView() {
  const sources = useApi<Sources>('/api/sources');
  if (sources.error) return <ErrorBox error={sources.error} />;
  if (!sources.data) return <Loading what="sources" />;
  return (
    <div>
      <h1>Sources</h1>
      <p class="muted">
        Contracts are merged by service name; the local directory wins over OCI registries, which win over the bundle cache.
        {sources.data.discovering ? ' Discovery is running.' : ''}
      </p>
      <table data-testid="sources">
        <TableHead columns={['Source', 'State', 'Why', 'Services']} />
        <tbody>
          {sources.data.sources.map((source) => (
            <tr key={source.type} data-testid="source-row" data-type={source.type} data-enabled={String(source.enabled)}>
              <td>
                {source.type}
                {source.location ? <div class="muted mono">{source.location}</div> : null}
              </td>
              <td>
                <span class={`badge ${source.enabled ? 'ok' : 'Unknown'}`}>{source.enabled ? 'enabled' : 'disabled'}</span>
              </td>
              <td>{source.reason}</td>
              <td>{source.serviceCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sources.data.sources
        .filter((source) => (source.repositories ?? []).length > 0)
        .map((source) => (
          <section key={source.type}>
            <h2>{source.type === 'oci' ? 'OCI repositories' : 'Cached repositories'}</h2>
            <table data-testid={`repositories-${source.type}`}>
              <TableHead columns={['Repository', 'State', 'Service', 'Versions']} />
              <tbody>
                {source.repositories!.map((repo) => (
                  <tr key={repo.ref} data-testid="repository-row" data-status={repo.status}>
                    <td class="mono">
                      {repo.ref}
                      {repo.discovered ? <span class="muted"> (found through a dependency)</span> : null}
                    </td>
                    <td>
                      <span class={`badge ${repo.status === 'ok' ? 'ok' : repo.status === 'error' ? 'bad' : 'Unknown'}`}>{repo.status}</span>
                      {repo.error ? <div class="muted">{repo.error}</div> : null}
                    </td>
                    <td>{repo.service ?? '—'}</td>
                    <td>{repo.versionCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
    </div>
  );
}
