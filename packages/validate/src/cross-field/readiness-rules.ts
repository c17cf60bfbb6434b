import { goQuote, isReadinessDate, type Contract } from '@pacto/schema';
import type { CrossFieldContext } from './context.js';

/** Rule 24 (contract.md §6.2): per check, id, evidence, description, expires. */
export function checkReadiness(ctx: CrossFieldContext, contract: Contract): void {
  const checks = contract.readiness?.checks;
  if (checks === undefined || checks === null) return;
  const seen = new Map<string, number>();
  checks.forEach((check, i) => {
    const id = check.id ?? '';
    const base = `readiness.checks[${i}]`;
    const previous = seen.get(id);
    if (previous !== undefined) {
      ctx.error('DUPLICATE_READINESS_ID', `${base}.id`, `readiness check id ${goQuote(id)} is already declared at readiness.checks[${previous}]`);
    }
    seen.set(id, i);
    if ((check.evidence ?? '').trim() === '') {
      ctx.error('EMPTY_READINESS_EVIDENCE', `${base}.evidence`, `readiness check ${goQuote(id)} has blank evidence`);
    }
    const description = check.description ?? '';
    if (description !== '' && description.trim() === '') {
      ctx.error('EMPTY_READINESS_DESCRIPTION', `${base}.description`, `readiness check ${goQuote(id)} has a blank description`);
    }
    const expires = check.expires ?? '';
    if (!isReadinessDate(expires)) {
      ctx.error('INVALID_READINESS_EXPIRES', `${base}.expires`, `expires ${goQuote(expires)} must be a valid YYYY-MM-DD date`);
    }
  });
}
