import { useState } from 'preact/hooks';
import type { ServiceDetails, VersionInfo } from '../../../src/api/model.ts';
import { ClassBadge, ErrorBox, Findings, Loading, PhaseBadge, Section, ServiceLink, TableHead } from '../components.tsx';
import { useApi } from '../data.ts';
import { href } from '../router.ts';

export function ServiceView({ name }: { name: string }) {
  const path = `/api/services/${encodeURIComponent(name)}`;
  const service = useApi<ServiceDetails>(path);
  const versions = useApi<VersionInfo[]>(`${path}/versions`);
  const [marked, setMarked] = useState<number | undefined>();
  if (service.error) return <ErrorBox error={service.error} />;
  if (!service.data) return <Loading what={name} />;
  const s = service.data;
  const findings = [...s.validation.errors, ...s.validation.warnings];
  const showLine = (line: number | undefined) => {
    setMarked(line);
    requestAnimationFrame(() => document.getElementById(`contract-line-${line}`)?.scrollIntoView({ block: 'center' }));
  };

  return (
    <div data-testid="service-page">
      <h1>
        {s.name} <span class="muted mono">{s.version}</span> <PhaseBadge phase={s.phase} />
      </h1>
      <p class="muted">
        {s.owner ? `Owner ${s.owner} · ` : ''}from <span class="mono">{s.ref}</span> ({s.sources.join(', ')}) ·{' '}
        <a href={href(['graph'], { focus: s.name })}>show in the graph</a> ·{' '}
        <a href={href(['diff'], { from_name: s.name, to_name: s.name })}>compare versions</a>
      </p>

      <Section title="Summary">
        <dl class="kv">
          <dt>Contract format</dt>
          <dd>{s.pactoVersion ?? '—'}</dd>
          <dt>Workload</dt>
          <dd>{[s.workload, s.stateType].filter(Boolean).join(', ') || '—'}</dd>
          {s.image ? (
            <>
              <dt>Image</dt>
              <dd class="mono">{s.image}</dd>
            </>
          ) : null}
          {s.chart ? (
            <>
              <dt>Chart</dt>
              <dd class="mono">{s.chart}</dd>
            </>
          ) : null}
          <dt>Dependencies</dt>
          <dd>{s.dependencyCount}</dd>
          <dt>Dependents</dt>
          <dd>{s.dependentCount}</dd>
          <dt>Blast radius</dt>
          <dd title="Services that transitively require this one">{s.blastRadius}</dd>
          {s.scaling ? (
            <>
              <dt>Scaling</dt>
              <dd data-testid="scaling">{scalingText(s.scaling)}</dd>
            </>
          ) : null}
        </dl>
      </Section>

      {findings.length > 0 ? (
        <Section title={`Findings (${s.validation.errors.length} errors, ${s.validation.warnings.length} warnings)`} id="findings">
          <Findings findings={findings} contractFile={s.fileName} onSelect={(f) => showLine(f.line)} />
        </Section>
      ) : null}

      {s.interfaces.length > 0 ? (
        <Section title="Interfaces">
          <table>
            <TableHead columns={['Name', 'Type', 'Port', 'Visibility', 'Contract']} />
            <tbody>
              {s.interfaces.map((i) => (
                <tr key={i.name}>
                  <td>{i.name}</td>
                  <td>{i.type}</td>
                  <td>{i.port ?? '—'}</td>
                  <td>{i.visibility ?? '—'}</td>
                  <td>
                    {i.contractFile ? <span class="mono">{i.contractFile}</span> : '—'}
                    {i.operations.length > 0 ? (
                      <ul class="ops">
                        {i.operations.map((op) => (
                          <li key={`${op.method} ${op.path}`}>
                            <span class="method">{op.method}</span>
                            <span class="mono">{op.path}</span> {op.summary ? <span class="muted">{op.summary}</span> : null}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {i.operationsError ? <div class="muted">{i.operationsError}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}

      {s.configurations.length > 0 ? (
        <Section title="Configuration">
          {s.configurations.map((c) => (
            <div key={c.name}>
              <h3>
                {c.name} {c.schemaFile ? <span class="muted mono">{c.schemaFile}</span> : null} {c.ref ? <span class="muted mono">{c.ref}</span> : null}
              </h3>
              {c.error ? <p class="muted">{c.error}</p> : null}
              {c.properties.length > 0 ? (
                <table>
                  <TableHead columns={['Property', 'Type', 'Required', 'Default', 'Description']} />
                  <tbody>
                    {c.properties.map((p) => (
                      <tr key={p.name}>
                        <td class="mono">{p.name}</td>
                        <td>{p.types.join(' | ') || '—'}</td>
                        <td>{p.required ? 'yes' : 'no'}</td>
                        <td class="mono">{p.default === undefined ? '—' : JSON.stringify(p.default)}</td>
                        <td>
                          {p.description ?? ''}
                          {p.values ? <span class="muted"> ({p.values.map((v) => JSON.stringify(v)).join(', ')})</span> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
              {c.valueKeys.length > 0 ? <p class="muted">Values set: {c.valueKeys.join(', ')}</p> : null}
            </div>
          ))}
        </Section>
      ) : null}

      {s.policies.length > 0 ? (
        <Section title="Policies">
          <ul>
            {s.policies.map((p, i) => (
              <li key={i} class="mono">
                {p.name ?? ''} {p.schemaFile ?? p.ref ?? ''}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section title={`Dependencies (${s.dependencies.length})`}>
        {s.dependencies.length === 0 ? (
          <p class="muted">None declared.</p>
        ) : (
          <table data-testid="dependencies">
            <TableHead columns={['Name', 'Service', 'Compatibility', 'Required', 'Ref']} />
            <tbody>
              {s.dependencies.map((d) => (
                <tr key={d.ref}>
                  <td>{d.name}</td>
                  <td>{d.resolved ? <ServiceLink name={d.target} /> : <span class="badge external">{d.target} (not in any source)</span>}</td>
                  <td class="mono">{d.compatibility || '—'}</td>
                  <td>{d.required ? 'required' : 'optional'}</td>
                  <td class="mono">{d.ref}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section title={`Dependents (${s.dependents.length})`}>
        {s.dependents.length === 0 ? (
          <p class="muted">No service in the dashboard depends on {s.name}.</p>
        ) : (
          <table data-testid="dependents">
            <TableHead columns={['Service', 'Version', 'State', 'Compatibility', 'Required']} />
            <tbody>
              {s.dependents.map((d) => (
                <tr key={d.name + d.ref}>
                  <td>
                    <ServiceLink name={d.name} />
                  </td>
                  <td class="mono">{d.version}</td>
                  <td>
                    <PhaseBadge phase={d.phase} />
                  </td>
                  <td class="mono">{d.compatibility || '—'}</td>
                  <td>{d.required ? 'required' : 'optional'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      {s.readiness ? (
        <Section title={`Readiness ${s.readiness.score}/${s.readiness.minScore} ${s.readiness.passing ? '(met)' : '(below minimum)'}`}>
          <table data-testid="readiness">
            <TableHead columns={['Check', 'Type', 'Weight', 'Status', 'Expires', 'Evidence']} />
            <tbody>
              {s.readinessChecks.map((c) => (
                <tr key={c.id}>
                  <td>{c.id}</td>
                  <td>{c.type}</td>
                  <td>{c.weight}</td>
                  <td>
                    <span class={`badge ${c.status === 'Current' && (c.daysRemaining ?? 99) <= 30 ? 'warn' : c.status}`}>{c.status}</span>
                  </td>
                  <td class="mono">
                    {c.expires}
                    {c.daysRemaining !== null ? <span class="muted"> (in {c.daysRemaining} days)</span> : null}
                  </td>
                  <td>{c.evidence}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}

      <Section title="Version history" id="versions">
        {versions.error ? <ErrorBox error={versions.error} /> : null}
        {!versions.data && !versions.error ? <Loading what="versions" /> : null}
        {versions.data && versions.data.length === 0 ? <p class="muted">No published versions: {s.name} is only in the local directory.</p> : null}
        {versions.data && versions.data.length > 0 ? (
          <table data-testid="versions">
            <TableHead columns={['Version', 'Change from the previous version', 'Reference', 'Digest']} />
            <tbody>
              {versions.data.map((v, i) => {
                const previous = versions.data![i + 1];
                return (
                  <tr key={v.version} class={v.classification === 'BREAKING' ? 'breaking' : ''} data-testid="version-row" data-version={v.version}>
                    <td class="mono">
                      {v.version} {v.isCurrent ? <span class="badge ok">current</span> : null}
                    </td>
                    <td>
                      {previous ? (
                        <a href={href(['diff'], { from_name: s.name, from_version: previous.version, to_name: s.name, to_version: v.version })}>
                          <ClassBadge classification={v.classification} />
                        </a>
                      ) : (
                        <span class="muted">first version</span>
                      )}
                    </td>
                    <td class="mono">{v.ref}</td>
                    <td class="mono muted">{v.hash ? v.hash.slice(7, 19) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </Section>

      <Section title="Contract">
        <p class="muted mono">{s.fileName}</p>
        <pre class="block numbered" data-testid="contract-text">
          {s.contractText.split('\n').map((line, i) => (
            <span key={i} id={`contract-line-${i + 1}`} class={`contract-line${marked === i + 1 ? ' marked' : ''}`}>
              {line}
              {'\n'}
            </span>
          ))}
        </pre>
      </Section>
    </div>
  );
}

/** `3 replicas`, `2–10 replicas`: how many instances the contract asks for, in words. */
function scalingText(scaling: Record<string, unknown>): string {
  const count = (value: unknown) => (typeof value === 'number' ? value : undefined);
  const replicas = (n: number) => `${n} replica${n === 1 ? '' : 's'}`;
  const [min, max, fixed] = [count(scaling['min']), count(scaling['max']), count(scaling['replicas'])];
  if (min !== undefined && max !== undefined && min !== max) return `${min}–${replicas(max)}`;
  const only = fixed ?? min ?? max;
  return only === undefined ? 'not stated' : replicas(only);
}
