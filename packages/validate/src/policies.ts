import { goQuote, parseContract, type BundleFS, type Contract, type ContractBundle, type PolicySource } from '@pacto/schema';
import { errorFinding, type Finding, type LayerResult } from './finding.js';
import { fileText } from './file-text.js';
import { loadLocalSchema, readBundleFile } from './cross-field/files.js';
import { compileUserSchema, type UserSchema } from './user-schema.js';

// Layer 4 (contract.md §8): resolve the policies of a contract, then check the contract document
// against each of them. All findings have path "".

/** Maps a ref (`oci://…`, `file://…`, bare path) to the bundle it names. Rejects when it cannot. */
export interface BundleResolver {
  resolve(ref: string): Promise<ContractBundle>;
}

export interface ResolvedPolicy {
  /** Where the policy comes from, e.g. `policies["p"]` or `oci://… → policies["platform"]`. */
  readonly origin: string;
  readonly schema: UserSchema;
}

export interface PolicyResolution {
  readonly policies: ResolvedPolicy[];
  readonly errors: Finding[];
}

export interface ResolvePoliciesOptions {
  /**
   * `local` (as `pacto pack`): ref entries are skipped. `resolver` (as `pacto validate`): refs are
   * resolved and every failure is an error. Default: `resolver` when a resolver is given, else `local`.
   */
  readonly mode?: 'local' | 'resolver';
  readonly resolver?: BundleResolver;
}

const POLICY_FILE = 'policy/schema.json';

function entryOrigin(entry: PolicySource, index: number, viaRef: string | undefined): string {
  const own = entry.name ? `policies[${goQuote(entry.name)}]` : `policies[${index}]`;
  return viaRef === undefined ? own : `${viaRef} → ${own}`;
}

function unresolved(origin: string, text: string): Finding {
  return errorFinding('policy', 'POLICY_REF_UNRESOLVED', '', `policy ${origin}: ${text}`);
}

/** Local mode: the root bundle's own `schema` entries that read and compile. */
export function resolveLocalPolicies(contract: Contract, files: BundleFS | undefined): ResolvedPolicy[] {
  const policies: ResolvedPolicy[] = [];
  if (files === undefined) return policies;
  (contract.policies ?? []).forEach((entry, i) => {
    if (!entry.schema) return;
    const schema = loadLocalSchema(files, entry.schema);
    if (schema !== undefined) policies.push({ origin: entryOrigin(entry, i, undefined), schema });
  });
  return policies;
}

class Resolution {
  readonly policies: ResolvedPolicy[] = [];
  readonly errors: Finding[] = [];
  constructor(private readonly resolver: BundleResolver | undefined) {}

  async entries(entries: readonly PolicySource[], files: BundleFS | undefined, chain: readonly string[]): Promise<void> {
    const viaRef = chain[chain.length - 1];
    for (const [i, entry] of entries.entries()) {
      const origin = entryOrigin(entry, i, viaRef);
      if (entry.schema) {
        const schema = files === undefined ? undefined : loadLocalSchema(files, entry.schema);
        if (schema !== undefined) this.policies.push({ origin, schema });
      } else if (entry.ref) {
        await this.ref(entry.ref, origin, chain);
      }
    }
  }

  private async ref(ref: string, origin: string, chain: readonly string[]): Promise<void> {
    if (this.resolver === undefined) {
      this.errors.push(unresolved(origin, `ref ${goQuote(ref)} cannot be resolved (no resolver configured)`));
      return;
    }
    if (chain.includes(ref)) {
      this.errors.push(
        errorFinding(
          'policy',
          'POLICY_REF_CYCLE',
          '',
          `policy ${origin}: cycle detected resolving ref ${goQuote(ref)} (chain: [${[...chain, ref].join(' ')}])`,
        ),
      );
      return;
    }
    let bundle: ContractBundle;
    try {
      bundle = await this.resolver.resolve(ref);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.errors.push(unresolved(origin, `failed to resolve ref ${goQuote(ref)}: ${detail}`));
      return;
    }
    if (bundle.files === undefined) {
      this.errors.push(unresolved(origin, `ref ${goQuote(ref)} resolved to empty bundle`));
      return;
    }
    const parsed = parseContract(bundle.text, bundle.fileName);
    if (!parsed.ok) {
      this.errors.push(unresolved(origin, `failed to resolve ref ${goQuote(ref)}: ${parsed.error.located}`));
      return;
    }
    const nested = parsed.contract.policies ?? [];
    if (nested.length > 0) {
      await this.entries(nested, bundle.files, [...chain, ref]);
      return;
    }
    const bytes = readBundleFile(bundle.files, POLICY_FILE);
    if (bytes === undefined) {
      this.errors.push(unresolved(origin, `ref ${goQuote(ref)} bundle does not contain ${POLICY_FILE}`));
      return;
    }
    const compiled = compileUserSchema(fileText(bytes));
    if (compiled.ok) this.policies.push({ origin, schema: compiled.schema });
    else if (compiled.stage === 'json') this.errors.push(unresolved(origin, `ref ${goQuote(ref)} ${POLICY_FILE} is not valid JSON`));
    else this.errors.push(unresolved(origin, `ref ${goQuote(ref)} ${POLICY_FILE} failed to compile: ${compiled.error}`));
  }
}

/** L4 resolution (contract.md §8.1) in local or resolver mode. */
export async function resolvePolicies(
  contract: Contract,
  files: BundleFS | undefined,
  options: ResolvePoliciesOptions = {},
): Promise<PolicyResolution> {
  const mode = options.mode ?? (options.resolver === undefined ? 'local' : 'resolver');
  if (mode === 'local') return { policies: resolveLocalPolicies(contract, files), errors: [] };
  const resolution = new Resolution(options.resolver);
  await resolution.entries(contract.policies ?? [], files, []);
  return { policies: resolution.policies, errors: resolution.errors };
}

function firstNonFinite(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstNonFinite(item);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) {
      const found = firstNonFinite(item);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Go's encoding/json error for a document holding `.inf` / `.nan`, or undefined when it has none. */
export function jsonConversionError(document: unknown): string | undefined {
  const value = firstNonFinite(document);
  if (value === undefined) return undefined;
  const shown = Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
  return `the contract holds the number ${shown}, which JSON cannot carry (write a finite number, or quote it to keep it as text)`;
}

/** Byte order of the UTF-8 encodings (= code point order), as Go's sort.Strings. */
export function compareBytes(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 puts surrogates (astral code points) below U+E000-U+FFFF; UTF-8 puts them above.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys && (x >= 0xe000 || y >= 0xe000)) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * L4 enforcement (contract.md §8.2): one POLICY_VIOLATION per leaf error text, sorted, per policy in
 * resolution order. `document` is the generic document of the contract.
 */
export function enforcePolicies(document: unknown, policies: readonly ResolvedPolicy[]): LayerResult {
  const errors: Finding[] = [];
  if (policies.length === 0) return { errors, warnings: [] };
  const conversion = jsonConversionError(document);
  if (conversion !== undefined) {
    errors.push(
      errorFinding('policy', 'POLICY_ENFORCEMENT_ERROR', '', `cannot check policies: ${conversion}`),
    );
    return { errors, warnings: [] };
  }
  for (const policy of policies) {
    let texts: string[];
    try {
      texts = [...policy.schema.validate(document)].sort(compareBytes);
    } catch (error) {
      texts = [error instanceof Error ? error.message : String(error)];
    }
    for (const text of texts) errors.push(errorFinding('policy', 'POLICY_VIOLATION', '', `policy ${policy.origin}: ${text}`));
  }
  return { errors, warnings: [] };
}
