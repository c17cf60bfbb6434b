// The result model of contract.md §10, with the layer and YAML position of each finding added. The codes are
// those of contract.md Appendix A and contract-2.0.md §5-§7.

export type ParseCode = 'PARSE_ERROR';

export type StructuralCode = 'YAML_PARSE_ERROR' | 'UNSUPPORTED_PACTO_VERSION' | 'SCHEMA_VIOLATION' | 'SCHEMA_ERROR';

export type CrossFieldCode =
  | 'INVALID_SEMVER'
  | 'DUPLICATE_INTERFACE_NAME'
  | 'DUPLICATE_CONFIGURATION_NAME'
  | 'DUPLICATE_POLICY_NAME'
  | 'DUPLICATE_DEPENDENCY_NAME'
  | 'PORT_REQUIRED'
  | 'PORT_IGNORED'
  | 'CONTRACT_REQUIRED'
  | 'HEALTH_INTERFACE_NOT_FOUND'
  | 'HEALTH_INTERFACE_INVALID'
  | 'HEALTH_PATH_REQUIRED'
  | 'HEALTH_PATH_IGNORED'
  | 'METRICS_INTERFACE_NOT_FOUND'
  | 'METRICS_INTERFACE_INVALID'
  | 'METRICS_PATH_REQUIRED'
  | 'METRICS_PATH_IGNORED'
  | 'FILE_NOT_FOUND'
  | 'INVALID_CONTRACT_FILE'
  | 'INVALID_CONFIG_JSON'
  | 'INVALID_CONFIG_SCHEMA'
  | 'INVALID_CONFIG_REF'
  | 'VALUES_WITHOUT_SCHEMA'
  | 'CONFIG_VALUES_VALIDATION_FAILED'
  | 'INVALID_POLICY_JSON'
  | 'INVALID_POLICY_SCHEMA'
  | 'INVALID_POLICY_REF'
  | 'INVALID_OCI_REF'
  | 'EMPTY_COMPATIBILITY'
  | 'INVALID_COMPATIBILITY'
  | 'TAG_NOT_DIGEST'
  | 'INVALID_IMAGE_REF'
  | 'INVALID_CHART_REF'
  | 'INVALID_CHART_VERSION'
  | 'SCALING_MIN_EXCEEDS_MAX'
  | 'JOB_SCALING_NOT_ALLOWED'
  | 'STATELESS_PERSISTENT_CONFLICT'
  | 'DUPLICATE_READINESS_ID'
  | 'EMPTY_READINESS_EVIDENCE'
  | 'EMPTY_READINESS_DESCRIPTION'
  | 'INVALID_READINESS_EXPIRES'
  | 'INVALID_READINESS_REVISION'
  | 'INVALID_INTERFACE_TYPE'
  | 'INTERFACE_REF_REQUIRED'
  | 'INVALID_INTERFACE_SPEC'
  | 'INVALID_CAPABILITY_TYPE'
  | 'CAPABILITY_REF_REQUIRED'
  | 'CAPABILITY_REF_INVALID'
  | 'DUPLICATE_CAPABILITY'
  | 'CAPABILITY_INTERFACE_UNKNOWN'
  | 'CAPABILITY_PATH_INVALID'
  | 'UNSUPPORTED_POLICY_TARGET';

export type SemanticCode = 'UPGRADE_STRATEGY_STATE_MISMATCH';

export type PolicyCode = 'POLICY_REF_UNRESOLVED' | 'POLICY_REF_CYCLE' | 'POLICY_VIOLATION' | 'POLICY_ENFORCEMENT_ERROR';

export type ReadinessCode = 'READINESS_GATE_UNMET';

/** Every code a validation finding can carry (contract.md Appendix A). */
export type FindingCode = ParseCode | StructuralCode | CrossFieldCode | SemanticCode | PolicyCode | ReadinessCode;

export type Severity = 'error' | 'warning';

export type FindingLayer = 'parse' | 'structural' | 'cross-field' | 'semantic' | 'policy' | 'readiness';

export interface Finding {
  /** Dotted L1 path (`interfaces.0`), bracketed L2 path (`interfaces[0].port`), or `""`. */
  readonly path: string;
  readonly code: FindingCode;
  readonly message: string;
  readonly severity: Severity;
  readonly layer: FindingLayer;
  /** How to fix it, when there is something to say (`did you mean "visibility"?`). */
  readonly hint?: string;
  /** Display path of the file that `line` and `column` point into (the contract file, e.g. `svc/pacto.yaml`). */
  readonly file?: string;
  /** 1-based YAML line of the node at `path` (or of its nearest existing ancestor). */
  readonly line?: number;
  /** 1-based column of that node (UTF-16 code units). */
  readonly column?: number;
}

/** The findings of one layer: errors and warnings in two ordered lists (contract.md §10.1). */
export interface LayerResult {
  readonly errors: Finding[];
  readonly warnings: Finding[];
}

export function emptyLayerResult(): LayerResult {
  return { errors: [], warnings: [] };
}

/** Longest message kept whole; longer ones (a hostile contract quoting a 1 MB value) keep both ends. */
export const MAX_MESSAGE_LENGTH = 600;
const KEPT_AT_EACH_END = 250;

/** `message`, or its first and last characters around `… (N characters left out) …` when it is too long. */
export function boundedMessage(message: string): string {
  if (message.length <= MAX_MESSAGE_LENGTH) return message;
  let head = message.slice(0, KEPT_AT_EACH_END);
  let tail = message.slice(message.length - KEPT_AT_EACH_END);
  // Never cut a surrogate pair in two.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  if (/^[\uDC00-\uDFFF]/.test(tail)) tail = tail.slice(1);
  return `${head}… (${message.length - head.length - tail.length} characters left out) …${tail}`;
}

export function errorFinding(layer: FindingLayer, code: FindingCode, path: string, message: string, hint?: string): Finding {
  const bounded = boundedMessage(message);
  return hint === undefined ? { path, code, message: bounded, severity: 'error', layer } : { path, code, message: bounded, severity: 'error', layer, hint };
}

export function warningFinding(layer: FindingLayer, code: FindingCode, path: string, message: string, hint?: string): Finding {
  const bounded = boundedMessage(message);
  return hint === undefined
    ? { path, code, message: bounded, severity: 'warning', layer }
    : { path, code, message: bounded, severity: 'warning', layer, hint };
}
