export { validateCrossField } from './cross-field/validate-cross-field.js';
export { validateSemantic } from './semantic.js';
export { evaluateReadiness, readinessGateFinding } from './readiness.js';
export type { ReadinessCheckEvaluation, ReadinessCheckStatus, ReadinessEvaluation } from './readiness.js';
export type {
  CrossFieldCode,
  Finding,
  FindingCode,
  FindingLayer,
  LayerResult,
  ParseCode,
  PolicyCode,
  ReadinessCode,
  SemanticCode,
  Severity,
  StructuralCode,
} from './finding.js';
