import { isContractV20, parseContract, type Contract, type ContractBundle, type SourceMap } from '@pacto/schema';
import { validateCrossField } from './cross-field/validate-cross-field.js';
import { errorFinding, type Finding, type LayerResult } from './finding.js';
import {
  enforcePolicies,
  resolveLocalPolicies,
  resolvePolicies,
  type BundleResolver,
  type ResolvedPolicy,
} from './policies.js';
import { contractGateFinding, evaluateContractReadiness, type AnyReadinessEvaluation } from './readiness.js';
import { validateSemantic } from './semantic.js';
import { validateStructural } from './structural.js';

// The pipeline of contract.md §4: stage P, L1, L2, L3, L4, then the optional readiness gate.

export interface ValidateOptions {
  /** Resolves policy refs (resolver mode, as `pacto validate`). Absent: local mode, as `pacto pack`. */
  readonly resolver?: BundleResolver;
  /** Append READINESS_GATE_UNMET when the readiness score is below minScore (`--readiness`). */
  readonly readinessGate?: boolean;
  /** Clock for readiness; defaults to the current time. */
  readonly now?: () => Date;
}

export type SyncValidateOptions = Omit<ValidateOptions, 'resolver'>;

export interface ValidationResult {
  /** True when there are no errors; warnings never affect validity. */
  readonly valid: boolean;
  readonly errors: readonly Finding[];
  readonly warnings: readonly Finding[];
  /** The typed contract, when stage P succeeded. */
  readonly contract?: Contract;
  /** The readiness evaluation at `now` (its model follows the format), when the contract parsed and declares checks or claims. */
  readonly readiness?: AnyReadinessEvaluation;
}

/** What stage P to L3 leave for policies and the gate. */
interface Checked {
  readonly contract: Contract;
  readonly document: unknown;
  readonly positions: SourceMap;
  readonly errors: Finding[];
  readonly warnings: Finding[];
  /** L4 runs only when L1 and L2 found no error. */
  readonly policiesRun: boolean;
}

type Stage = { readonly done: true; readonly result: ValidationResult } | { readonly done: false; readonly checked: Checked };

/** The finding with the file and position of the YAML node at its path (or of its nearest existing ancestor). */
function locate(finding: Finding, positions: SourceMap, file: string): Finding {
  const at = positions.locate(finding.path);
  return at === undefined ? { ...finding, file } : { ...finding, file, line: at.line, column: at.column };
}

function append(target: { errors: Finding[]; warnings: Finding[] }, layer: LayerResult): void {
  for (const finding of layer.errors) target.errors.push(finding);
  for (const finding of layer.warnings) target.warnings.push(finding);
}

function checkUpToSemantic(bundle: ContractBundle): Stage {
  const parsed = parseContract(bundle.text, bundle.fileName);
  if (!parsed.ok) {
    // One finding per problem (decoding reports them all), each at its own place in the file.
    const error = parsed.error;
    const path = error.code === 'UNSUPPORTED_PACTO_VERSION' ? 'pactoVersion' : '';
    const errors = error.problems.map(
      (problem): Finding => ({
        ...errorFinding('parse', error.code, path, problem.message, problem.hint),
        file: bundle.fileName,
        ...(problem.line === undefined ? {} : { line: problem.line, column: problem.column ?? 1 }),
      }),
    );
    return { done: true, result: { valid: false, errors, warnings: [] } };
  }
  const { contract, document, positions } = parsed;
  const checked: Checked = { contract, document, positions, errors: [], warnings: [], policiesRun: false };
  const structural = validateStructural(document, parsed.hasNonFinite);
  if (structural.errors.length > 0) {
    append(checked, structural);
    return { done: false, checked };
  }
  const crossField = validateCrossField(contract, bundle.files);
  append(checked, crossField);
  if (crossField.errors.length > 0) return { done: false, checked };
  // 2.0 has no semantic layer (contract-2.0.md §4).
  if (!isContractV20(contract)) append(checked, validateSemantic(contract));
  return { done: false, checked: { ...checked, policiesRun: true } };
}

function finish(checked: Checked, fileName: string, options: SyncValidateOptions): ValidationResult {
  const { contract, positions } = checked;
  const readiness = contract.readiness ? evaluateContractReadiness(contract, (options.now ?? (() => new Date()))()) : undefined;
  if (options.readinessGate === true) {
    const gate = contractGateFinding(readiness);
    if (gate !== undefined) checked.errors.push(gate);
  }
  const errors = checked.errors.map((finding) => locate(finding, positions, fileName));
  const warnings = checked.warnings.map((finding) => locate(finding, positions, fileName));
  return {
    valid: errors.length === 0,
    errors,
    warnings,
    contract,
    ...(readiness === undefined ? {} : { readiness }),
  };
}

function enforce(checked: Checked, policies: readonly ResolvedPolicy[]): void {
  if (checked.errors.length > 0) return;
  append(checked, enforcePolicies(checked.document, policies));
}

/**
 * Validate a contract with its bundle: stage P, L1-L4 and, when asked, the readiness gate
 * (contract.md §4). Never throws for a bad contract; a parse failure is a single PARSE_ERROR.
 */
export async function validateContract(bundle: ContractBundle, options: ValidateOptions = {}): Promise<ValidationResult> {
  const stage = checkUpToSemantic(bundle);
  if (stage.done) return stage.result;
  const { checked } = stage;
  if (checked.policiesRun) {
    if (options.resolver === undefined) {
      enforce(checked, resolveLocalPolicies(checked.contract, bundle.files));
    } else {
      const resolution = await resolvePolicies(checked.contract, bundle.files, { mode: 'resolver', resolver: options.resolver });
      for (const error of resolution.errors) checked.errors.push(error);
      enforce(checked, resolution.policies);
    }
  }
  return finish(checked, bundle.fileName, options);
}

/** `validateContract` in local policy mode (policy refs skipped, as `pacto pack`), synchronously. */
export function validateContractSync(bundle: ContractBundle, options: SyncValidateOptions = {}): ValidationResult {
  const stage = checkUpToSemantic(bundle);
  if (stage.done) return stage.result;
  const { checked } = stage;
  if (checked.policiesRun) enforce(checked, resolveLocalPolicies(checked.contract, bundle.files));
  return finish(checked, bundle.fileName, options);
}
