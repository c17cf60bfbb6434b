import { goQuote } from './go-quote.js';

// The lenient OCI reference parser used by validation (contract.md §3.12.1). The registry client
// has its own stricter grammar (oci.md §5).

export interface ValidationReference {
  readonly registry: string;
  readonly repository: string;
  /** Text after the last `:` that follows the last `/`; empty when none. Not checked. */
  readonly tag: string;
  /** Text after the first `@`; empty when none. Not checked. */
  readonly digest: string;
}

export type ValidationReferenceResult =
  | { readonly ok: true; readonly reference: ValidationReference }
  | { readonly ok: false; readonly error: string };

export interface ValidationReferenceOptions {
  /** Check the tag and digest grammar too, as pactoVersion 2.0 does (contract-2.0.md §3.11). */
  readonly strict?: boolean;
}

const OCI_TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const OCI_DIGEST = /^(?:sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$/;

/** Parse `ref` (without any `oci://` prefix). Error texts are those of contract.md §3.12.1. */
export function parseValidationReference(ref: string, options: ValidationReferenceOptions = {}): ValidationReferenceResult {
  if (ref === '') return { ok: false, error: 'empty OCI reference' };
  let rest = ref;
  let digest = '';
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = '';
  const colon = rest.lastIndexOf(':');
  if (colon >= 0 && colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf('/');
  if (slash < 0) return { ok: false, error: `invalid OCI reference: missing repository in ${goQuote(rest)}` };
  const registry = rest.slice(0, slash);
  const repository = rest.slice(slash + 1);
  if (registry === '') return { ok: false, error: 'invalid OCI reference: empty registry' };
  if (repository === '') return { ok: false, error: 'invalid OCI reference: empty repository' };
  if (options.strict === true) {
    if (tag !== '' && !OCI_TAG.test(tag)) return { ok: false, error: `invalid OCI reference: malformed tag ${goQuote(tag)}` };
    if (digest !== '' && !OCI_DIGEST.test(digest)) {
      return { ok: false, error: `invalid OCI reference: malformed digest ${goQuote(digest)} (want sha256:<64 hex> or sha512:<128 hex>)` };
    }
  }
  return { ok: true, reference: { registry, repository, tag, digest } };
}

export type RefScheme = 'oci' | 'local';

/** How a dependency/policy/configuration ref is read: `oci://` or a local path (`file://` or none). */
export interface SplitRef {
  readonly scheme: RefScheme;
  /** The ref without its `oci://` or `file://` prefix. */
  readonly location: string;
}

export const OCI_SCHEME = 'oci://';
export const FILE_SCHEME = 'file://';

/** Split a ref into its scheme and location (contract.md §3.12.1, "Ref scheme detection"). */
export function splitRef(ref: string): SplitRef {
  if (ref.startsWith(OCI_SCHEME)) return { scheme: 'oci', location: ref.slice(OCI_SCHEME.length) };
  if (ref.startsWith(FILE_SCHEME)) return { scheme: 'local', location: ref.slice(FILE_SCHEME.length) };
  return { scheme: 'local', location: ref };
}
