import { goQuote } from '@pacto/schema';
import type { CrossFieldCode } from '../finding.js';
import type { CrossFieldContext } from './context.js';

/**
 * Rules 2-5 and the readiness id rule: every later occurrence of a name is an error citing the
 * previous one (the last index seen is kept).
 */
export function checkDuplicateNames(
  ctx: CrossFieldContext,
  items: readonly { readonly name?: string }[] | undefined,
  list: string,
  code: CrossFieldCode,
  noun: string,
): void {
  if (items === undefined) return;
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const name = item.name ?? '';
    const previous = seen.get(name);
    if (previous !== undefined) {
      ctx.error(code, `${list}[${index}].name`, `${noun} name ${goQuote(name)} is already declared at ${list}[${previous}]`);
    }
    seen.set(name, index);
  });
}
