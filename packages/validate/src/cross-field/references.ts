import { goQuote, parseRange, parseValidationReference, parseVersion, splitRef, type ContractV1Family, type Dependency } from '@pacto/schema';
import type { CrossFieldCode } from '../finding.js';
import type { CrossFieldContext } from './context.js';

/** How refs and versions are read: 2.0 checks tags and digests and accepts leading zeros (contract-2.0.md §3.11). */
export interface GrammarOptions {
  readonly strict?: boolean;
}

/** Rules 14, 15b, 19a: an `oci://` ref must parse; `%q` quotes `quoted`. Returns true when it parses. */
export function checkOciRef(ctx: CrossFieldContext, ref: string, code: CrossFieldCode, path: string, quoted: string, grammar: GrammarOptions = {}): boolean {
  const split = splitRef(ref);
  if (split.scheme !== 'oci') return true;
  const parsed = parseValidationReference(split.location, grammar);
  if (!parsed.ok) ctx.error(code, path, `invalid OCI reference ${goQuote(quoted)}: ${parsed.error}`);
  return parsed.ok;
}

/** Rule 17 per dependency: ref (17a/b), then compatibility (17c/d). */
export function checkDependencies(
  ctx: CrossFieldContext,
  contract: { readonly dependencies?: readonly Partial<Dependency>[] | undefined },
  grammar: GrammarOptions = {},
): void {
  (contract.dependencies ?? []).forEach((dependency, i) => {
    const ref = dependency.ref ?? '';
    const split = splitRef(ref);
    if (split.scheme === 'oci') {
      const parsed = parseValidationReference(split.location, grammar);
      if (!parsed.ok) {
        ctx.error('INVALID_OCI_REF', `dependencies[${i}].ref`, `invalid OCI reference ${goQuote(ref)}: ${parsed.error}`);
        return;
      }
      if (parsed.reference.tag !== '' && parsed.reference.digest === '') {
        ctx.warning(
          'TAG_NOT_DIGEST',
          `dependencies[${i}].ref`,
          `dependency ${goQuote(ref)} uses a tag instead of a digest; digest pinning is recommended`,
        );
      }
    }
    const compatibility = dependency.compatibility ?? '';
    if (compatibility === '') {
      ctx.error('EMPTY_COMPATIBILITY', `dependencies[${i}].compatibility`, 'compatibility range must not be empty');
      return;
    }
    const range = parseRange(compatibility);
    if (!range.ok) {
      ctx.error(
        'INVALID_COMPATIBILITY',
        `dependencies[${i}].compatibility`,
        `invalid compatibility range ${goQuote(compatibility)}: ${range.error}`,
      );
    }
  });
}

/** Rules 1 and 19b: a semantic version. */
export function checkSemver(ctx: CrossFieldContext, value: string, code: CrossFieldCode, path: string, grammar: GrammarOptions = {}): void {
  const parsed = parseVersion(value, { leadingZeros: grammar.strict === true });
  if (!parsed.ok) ctx.error(code, path, `${goQuote(value)} is not valid semver: ${parsed.error}`);
}

/** Rules 18, 19a, 19b: image and chart. */
export function checkArtifacts(ctx: CrossFieldContext, contract: ContractV1Family): void {
  const image = contract.service?.image;
  if (image) {
    const ref = image.ref ?? '';
    const parsed = parseValidationReference(ref);
    if (!parsed.ok) ctx.error('INVALID_IMAGE_REF', 'service.image.ref', `invalid OCI reference ${goQuote(ref)}: ${parsed.error}`);
  }
  const chart = contract.service?.chart;
  if (chart) {
    const ref = chart.ref ?? '';
    checkOciRef(ctx, ref, 'INVALID_CHART_REF', 'service.chart.ref', ref);
    checkSemver(ctx, chart.version ?? '', 'INVALID_CHART_VERSION', 'service.chart.version');
  }
}
