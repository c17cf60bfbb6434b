import type { ServiceSummary, Sources } from '../../../src/api/model.ts';
import { ClassBadge, ErrorBox, Loading, ServiceLink } from '../components.tsx';
import { useApi } from '../data.ts';
import { href } from '../router.ts';

export function OverviewView() {
  const services = useApi<ServiceSummary[]>('/api/services');
  const sources = useApi<Sources>('/api/sources');
  if (services.error) return <ErrorBox error={services.error} />;
  if (!services.data) return <Loading what="services" />;
  const list = services.data;
  const invalid = list.filter((s) => !s.valid);
  const belowMinimum = list.filter((s) => s.readiness && !s.readiness.passing);
  const expiring = list.filter((s) => s.readiness && (s.readiness.expiringSoon > 0 || s.readiness.expired > 0));
  const breaking = list.filter((s) => s.latestStep?.classification === 'BREAKING');
  const warnings = list.filter((s) => s.phase === 'Warning');
  const active = sources.data?.sources.filter((s) => s.enabled).map((s) => s.type) ?? [];
  return (
    <div data-testid="overview">
      <h1>Overview</h1>
      <p class="muted">
        {active.length > 0 ? `Sources: ${active.join(', ')}` : ''}
        {sources.data?.discovering ? ' · discovering contracts in the registries…' : ''}
      </p>
      <div class="cards">
        <Card label="services" value={list.length} link={href(['services'])} />
        <Card label="valid" value={list.length - invalid.length} link={href(['services'], { validity: 'valid' })} />
        <Card label="invalid" value={invalid.length} link={href(['services'], { validity: 'invalid' })} />
        <Card label="with warnings" value={warnings.length} link={href(['services'], { validity: 'warning' })} />
        <Card label="dependencies" value={list.reduce((n, s) => n + s.dependencyCount, 0)} link={href(['graph'])} />
      </div>
      <h2>Needs attention</h2>
      {invalid.length + belowMinimum.length + expiring.length + breaking.length === 0 ? (
        <p class="muted" data-testid="attention-empty">
          Nothing needs attention: every contract is valid, readiness is met and no recent version broke compatibility.
        </p>
      ) : (
        <div class="attention">
          <Attention title="Invalid contracts" testid="attention-invalid" items={invalid} detail={(s) => `${s.compliance.errors} error${s.compliance.errors === 1 ? '' : 's'}`} />
          <Attention
            title="Readiness below minimum"
            testid="attention-readiness"
            items={belowMinimum}
            detail={(s) => `score ${s.readiness!.score} of ${s.readiness!.minScore}`}
          />
          <Attention
            title="Expiring or expired evidence"
            testid="attention-expiring"
            items={expiring}
            detail={(s) => [s.readiness!.expired ? `${s.readiness!.expired} expired` : '', s.readiness!.expiringSoon ? `${s.readiness!.expiringSoon} expiring within 30 days` : ''].filter(Boolean).join(', ')}
          />
          <div class="panel" data-testid="attention-breaking" hidden={breaking.length === 0}>
            <strong>Breaking changes in recent versions</strong>
            <ul>
              {breaking.map((s) => (
                <li key={s.name}>
                  <ServiceLink name={s.name} /> {s.latestStep!.from} → {s.latestStep!.to}{' '}
                  <a href={href(['diff'], { from_name: s.name, from_version: s.latestStep!.from, to_name: s.name, to_version: s.latestStep!.to })}>
                    <ClassBadge classification="BREAKING" />
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}

function Card({ label, value, link }: { label: string; value: number; link: string }) {
  return (
    <a class="card" href={link} data-testid={`count-${label.replace(/ /g, '-')}`}>
      <div class="value">{value}</div>
      <div class="label">{label}</div>
    </a>
  );
}

function Attention({ title, items, detail, testid }: { title: string; items: ServiceSummary[]; detail: (s: ServiceSummary) => string; testid: string }) {
  if (items.length === 0) return null;
  const shown = items.slice(0, 50);
  return (
    <div class="panel" data-testid={testid}>
      <strong>
        {title} ({items.length})
      </strong>
      <ul>
        {shown.map((s) => (
          <li key={s.name}>
            <ServiceLink name={s.name} /> <span class="muted">{detail(s)}</span>
          </li>
        ))}
      </ul>
      {items.length > shown.length ? <p class="muted">and {items.length - shown.length} more</p> : null}
    </div>
  );
}
