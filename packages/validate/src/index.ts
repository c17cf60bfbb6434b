export { validateContract, validateContractSync } from './validate-contract.js';
export type { SyncValidateOptions, ValidateOptions, ValidationResult } from './validate-contract.js';
export { documentVersion, validateStructural } from './structural.js';
export { validateCrossField } from './cross-field/validate-cross-field.js';
export { validateSemantic } from './semantic.js';
export { enforcePolicies, resolveLocalPolicies, resolvePolicies } from './policies.js';
export type { BundleResolver, PolicyResolution, ResolvedPolicy, ResolvePoliciesOptions } from './policies.js';
export {
  contractGateFinding,
  evaluateContractReadiness,
  evaluateReadiness,
  isClaimsEvaluation,
  readinessGateFinding,
} from './readiness.js';
export type { AnyReadinessEvaluation, ReadinessCheckEvaluation, ReadinessCheckStatus, ReadinessEvaluation } from './readiness.js';
export { DEFAULT_MIN_SCORE, DEFAULT_PARTIAL_CREDIT, claimsGateFinding, evaluateClaims } from './readiness-claims.js';
export type { ClaimEvaluation, ClaimsAssessment, ClaimsReadinessEvaluation } from './readiness-claims.js';
export { isSafeCapabilityPath } from './cross-field/capabilities.js';
export { compileUserSchema } from './user-schema.js';
export { useCompiledSchemaStore, type CompiledSchemaStore } from './compiled-schema-store.js';
export type { UserSchema, UserSchemaResult } from './user-schema.js';
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
