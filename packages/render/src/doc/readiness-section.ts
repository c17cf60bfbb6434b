import type { Contract } from '@pacto/schema';
import type { ClaimsReadinessEvaluation } from '@pacto/validate';
import { NONE, cellCode, cellLink, cellText, code, table } from './markdown.js';
import { isClaimsSummary, type ExplainReadiness, type ReadinessSummary } from '../explain/readiness-summary.js';
import { numbered, type DocSection } from './section.js';

/**
 * `## N. Readiness`: the declared checks (1.1) or claims (1.2, 2.0) with their status, and the score at `today`.
 * The Go tool leaves score and freshness out because they depend on the date; we show them,
 * dated, because the readiness gate is what reviewers of the document ask about.
 */
export function readinessSection(contract: Contract, evaluation: ExplainReadiness | undefined, today: string): DocSection | undefined {
  if (evaluation === undefined || !contract.readiness) return undefined;
  if (isClaimsSummary(evaluation)) return evaluation.claims.length === 0 ? undefined : claimsSection(evaluation, today);
  const checks = 'checks' in contract.readiness && !('expires' in contract.readiness) ? contract.readiness.checks : [];
  if (checks.length === 0) return undefined;
  return checksSection(checks, evaluation, today);
}

function checksSection(
  checks: readonly { id: string; type: string; evidence: string; weight: number; expires: string; description?: string | undefined }[],
  evaluation: ReadinessSummary,
  today: string,
): DocSection {
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

function claimsSection(evaluation: ClaimsReadinessEvaluation, today: string): DocSection {
  return {
    title: 'Readiness',
    subsections: [],
    render(n) {
      const e = evaluation;
      const gate = e.passing ? 'PASS' : 'FAIL';
      const expiry = e.expired ? `the assessment expired (${code(e.expires)})` : `the assessment expires on ${code(e.expires)}`;
      const scoreLine =
        `Score ${code(e.score)} of minimum ${code(e.minScore)}: **${gate}** (${e.doneCount} done, ${e.partialCount} partial, ` +
        `${e.notDoneCount} not done, ${e.deferredCount} deferred; ${expiry}; evaluated on ${today}).`;
      const rows = e.claims.map((c) => [
        cellCode(c.id),
        cellCode(c.type),
        c.category ? cellCode(c.category) : NONE,
        cellCode(c.status),
        evidenceCell(c.evidence),
        cellCode(c.weight),
        c.excluded ? 'excluded' : cellCode(c.earnedWeight),
        c.description ? cellText(c.description) : NONE,
      ]);
      const header = ['ID', 'Type', 'Category', 'Status', 'Evidence', 'Weight', 'Earned', 'Description'];
      const align = ['left', 'left', 'left', 'left', 'left', 'right', 'right'] as const;
      const parts = [`## ${numbered([n], 'Readiness')}\n`, `${scoreLine}\n`, table(header, rows, align)];
      if (e.history.length > 0) {
        parts.push(
          '**History**\n',
          table(
            ['Date', 'Version', 'Author', 'Description'],
            e.history.map((h) => [cellCode(h.date), cellCode(h.version), cellText(h.author), cellText(h.description)]),
          ),
        );
      }
      return parts.join('\n');
    },
  };
}
