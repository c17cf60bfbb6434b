import type { ComponentChildren } from 'preact';
import type { ApiFinding, Classification, Phase } from '../../src/api/model.ts';
import type { LoadError } from './data.ts';
import { href } from './router.ts';

const PHASE_LABEL: Record<Phase, string> = { Compliant: 'compliant', Warning: 'warning', NonCompliant: 'invalid', Unknown: 'unknown' };

export function PhaseBadge({ phase }: { phase: Phase | 'external' }) {
  return <span class={`badge ${phase}`} data-phase={phase}>{phase === 'external' ? 'external' : PHASE_LABEL[phase]}</span>;
}

export function ClassBadge({ classification, big }: { classification: Classification | null; big?: boolean }) {
  if (classification === null) return <span class="muted">—</span>;
  return (
    <span class={`badge ${classification}${big ? ' big' : ''}`} data-classification={classification}>
      {classification}
    </span>
  );
}

export function ServiceLink({ name }: { name: string }) {
  return <a href={href(['services', name])}>{name}</a>;
}

export function ErrorBox({ error }: { error: LoadError | Error | string }) {
  const message = typeof error === 'string' ? error : error.message;
  const hint = typeof error === 'object' && 'hint' in error ? error.hint : undefined;
  return (
    <div class="error-box" role="alert">
      {message}
      {hint ? <div class="muted">{hint}</div> : null}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return <p class="muted" aria-busy="true">Loading {what}…</p>;
}

/** `line:column` of a finding, `file:line:column` when it points into a file other than the contract shown. */
export function findingPosition(finding: ApiFinding, contractFile?: string): string {
  if (finding.line === undefined) return '';
  const at = `${finding.line}:${finding.column ?? 1}`;
  return finding.file && finding.file !== contractFile ? `${finding.file}:${at}` : at;
}

/** True when a finding points into the contract file itself (its line can be shown there). */
export function inContract(finding: ApiFinding, contractFile?: string): boolean {
  return finding.line !== undefined && (finding.file === undefined || finding.file === contractFile);
}

export function Findings(props: { findings: readonly ApiFinding[]; contractFile?: string; onSelect?: (finding: ApiFinding) => void }) {
  const { findings, contractFile, onSelect } = props;
  if (findings.length === 0) return <p class="muted">No findings.</p>;
  return (
    <ul class="findings" data-testid="findings">
      {findings.map((finding, i) => {
        const position = findingPosition(finding, contractFile);
        return (
          <li key={i} data-testid="finding" data-severity={finding.severity} data-line={finding.line} data-column={finding.column}>
            <span class={`badge ${finding.severity === 'error' ? 'bad' : 'warn'}`}>{finding.severity}</span>{' '}
            {position === '' ? null : onSelect && inContract(finding, contractFile) ? (
              <button class="pos" type="button" onClick={() => onSelect(finding)} title="Show in the editor">
                {position}
              </button>
            ) : (
              <span class="pos">{position}</span>
            )}
            <span class="code">{finding.code}</span>
            {finding.path ? <span class="muted">{finding.path}: </span> : null}
            {finding.message}
            {finding.hint ? <span class="hint">hint: {finding.hint}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

export function Section({ title, children, id }: { title: string; children: ComponentChildren; id?: string }) {
  return (
    <section id={id}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** A table header of plain column names. */
export function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column}>{column}</th>
        ))}
      </tr>
    </thead>
  );
}
