import type { Contract } from '@pacto/schema';
import { NONE, cellCode, cellLink, cellText, code, table } from './markdown.js';
import type { ReadinessSummary } from '../explain/readiness-summary.js';
import { numbered, type DocSection } from './section.js';

/**
 * `## N. Readiness`: the declared checks with their status, and the score at `today`.
 * The Go tool leaves score and freshness out because they depend on the date; we show them,
 * dated, because the readiness gate is what reviewers of the document ask about.
 */
export function readinessSection(contract: Contract, evaluation: ReadinessSummary | undefined, today: string): DocSection | undefined {
  const checks = contract.readiness?.checks ?? [];
  if (checks.length === 0 || evaluation === undefined) return undefined;
  const statusById = new Map(evaluation.checks.map((c) => [c.id, c.status]));
  return {
    title: 'Readiness',
    subsections: [],
    render(n) {
      const gate = evaluation.passing ? 'PASS' : 'FAIL';
      let counts = `${evaluation.currentCount} current, ${evaluation.expiredCount} expired`;
      if (evaluation.invalidCount > 0) counts += `, ${evaluation.invalidCount} invalid`;
      const scoreLine =
        `Score ${code(evaluation.score)} of minimum ${code(evaluation.minScore)}: **${gate}** ` +
        `(${counts}; evaluated on ${today}).`;
      const rows = checks.map((c) => [
        cellCode(c.id),
        cellCode(c.type),
        evidenceCell(c.evidence),
        cellCode(c.weight),
        cellCode(c.expires),
        statusById.get(c.id) ?? NONE,
        c.description ? cellText(c.description) : NONE,
      ]);
      const header = ['ID', 'Type', 'Evidence', 'Weight', 'Expires', 'Status', 'Description'];
      const align = ['left', 'left', 'left', 'right'] as const;
      return `## ${numbered([n], 'Readiness')}\n\n${scoreLine}\n\n${table(header, rows, align)}`;
    },
  };
}

/** An `http(s)` evidence URL is a link (its text the URL as code); anything else is shown as code. */
function evidenceCell(evidence: string): string {
  return /^https?:\/\/\S+$/i.test(evidence) ? cellLink(evidence) : cellCode(evidence);
}
