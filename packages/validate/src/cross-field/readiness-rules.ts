import { goQuote, isReadinessDate, type Contract, type ReadinessClaim, type ReadinessRevision } from '@pacto/schema';
import type { CrossFieldContext } from './context.js';

/**
 * Rule 24 (contract.md §6.2; contract-2.0.md §6): the readiness rules of the contract's format. 1.1 checks each
 * check's own `expires`; 1.2 and 2.0 check the assessment's `expires` and history, then each claim (named
 * `checks` in 1.2, `claims` in 2.0).
 */
export function checkReadiness(ctx: CrossFieldContext, contract: Contract): void {
  const readiness = contract.readiness;
  if (readiness === undefined || readiness === null) return;
  if ('claims' in readiness) checkAssessment(ctx, readiness, 'claims', readiness.claims);
  else if (contract.pactoVersion === '1.2' && 'expires' in readiness) checkAssessment(ctx, readiness, 'checks', readiness.checks);
  else if ('checks' in readiness) checkPerCheckExpiry(ctx, readiness.checks);
}

interface PerCheck {
  readonly id?: string;
  readonly evidence?: string;
  readonly description?: string | undefined;
  readonly expires?: string;
}

function checkPerCheckExpiry(ctx: CrossFieldContext, checks: readonly PerCheck[] | undefined | null): void {
  if (checks === undefined || checks === null) return;
  checkItems(ctx, 'checks', 'check', checks, (check, base) => {
    const expires = check.expires ?? '';
    if (!isReadinessDate(expires)) {
      ctx.error('INVALID_READINESS_EXPIRES', `${base}.expires`, `expires ${goQuote(expires)} must be a valid YYYY-MM-DD date`);
    }
  });
}

interface Assessment {
  readonly expires?: string;
  readonly history?: readonly Partial<ReadinessRevision>[] | undefined;
}

function checkAssessment(ctx: CrossFieldContext, readiness: Assessment, list: 'checks' | 'claims', items: readonly Partial<ReadinessClaim>[] | undefined | null): void {
  const expires = readiness.expires ?? '';
  if (!isReadinessDate(expires)) {
    ctx.error('INVALID_READINESS_EXPIRES', 'readiness.expires', `expires ${goQuote(expires)} must be a valid YYYY-MM-DD date`);
  }
  (readiness.history ?? []).forEach((revision, i) => {
    const base = `readiness.history[${i}]`;
    if (!isReadinessDate(revision.date ?? '')) {
      ctx.error('INVALID_READINESS_REVISION', `${base}.date`, `history date ${goQuote(revision.date ?? '')} must be a valid YYYY-MM-DD date`);
    }
    for (const field of ['version', 'author', 'description'] as const) {
      if ((revision[field] ?? '').trim() === '') ctx.error('INVALID_READINESS_REVISION', `${base}.${field}`, `history ${field} must not be blank`);
    }
  });
  checkItems(ctx, list, list === 'claims' ? 'claim' : 'check', items ?? [], () => undefined);
}

/** Per item, in order: a unique id, non-blank evidence, a non-blank description when present, then `more`. */
function checkItems<T extends PerCheck>(
  ctx: CrossFieldContext,
  list: 'checks' | 'claims',
  noun: string,
  items: readonly T[],
  more: (item: T, base: string) => void,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const id = item.id ?? '';
    const base = `readiness.${list}[${i}]`;
    const previous = seen.get(id);
    if (previous !== undefined) {
      ctx.error('DUPLICATE_READINESS_ID', `${base}.id`, `readiness ${noun} id ${goQuote(id)} is already declared at readiness.${list}[${previous}]`);
    }
    seen.set(id, i);
    if ((item.evidence ?? '').trim() === '') {
      ctx.error('EMPTY_READINESS_EVIDENCE', `${base}.evidence`, `readiness ${noun} ${goQuote(id)} has blank evidence`);
    }
    const description = item.description ?? '';
    if (description !== '' && description.trim() === '') {
      ctx.error('EMPTY_READINESS_DESCRIPTION', `${base}.description`, `readiness ${noun} ${goQuote(id)} has a blank description`);
    }
    more(item, base);
  });
}
