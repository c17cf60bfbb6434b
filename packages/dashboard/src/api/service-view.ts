import { displayOwner, openApiOperations, readBundleText, schemaProperties } from '@pacto/render';
import type { Contract, Owner } from '@pacto/schema';
import {
  evaluateContractReadiness,
  isClaimsEvaluation,
  type ClaimsReadinessEvaluation,
  type Finding,
  type ReadinessCheckEvaluation,
  type ReadinessEvaluation,
} from '@pacto/validate';
import { asArray, asBoolean, asFields, asNumber, asString, type Fields } from '../fleet/contract-fields.js';
import type { ContractEntry } from '../fleet/contract-entry.js';
import type { FleetIndex, MergedService } from '../fleet/fleet-index.js';
import type {
  ApiFinding,
  ConfigurationInfo,
  Dependent,
  InterfaceInfo,
  Phase,
  ReadinessCheckInfo,
  ReadinessSummary,
  ServiceDetails,
  ServiceSummary,
  SourceType,
  Step,
} from './model.js';

// What the API says about one service, built from its merged entries and the fleet index.

/** Current checks expiring within this many days count as "expiring soon". */
export const EXPIRING_SOON_DAYS = 30;

export interface ViewContext {
  readonly index: FleetIndex;
  readonly now: Date;
  readonly latestStep: (name: string) => Step | null;
}

/** A claim of 1.2/2.0 readiness seen as a check: its status is the assessment's, `progress` the claim's own. */
type ViewCheck = ReadinessCheckEvaluation & { readonly progress?: ReadinessCheckInfo['progress'] };

/** Readiness in the 1.1 shape the API reports, whatever the contract's model; `passed` counts done work. */
export type ReadinessView = Omit<ReadinessEvaluation, 'checks'> & { readonly checks: readonly ViewCheck[]; readonly passed: number };

function fromClaims(e: ClaimsReadinessEvaluation): ReadinessView {
  const inScope = e.claims.filter((claim) => !claim.excluded).length;
  return {
    score: e.score,
    minScore: e.minScore,
    passing: e.passing,
    totalWeight: e.totalWeight,
    currentWeight: e.earnedWeight,
    currentCount: e.expired ? 0 : inScope,
    expiredCount: e.expired ? inScope : 0,
    invalidCount: 0,
    passed: e.expired ? 0 : e.doneCount,
    checks: e.claims.map((claim) => ({
      id: claim.id,
      type: claim.type,
      weight: claim.weight,
      expires: e.expires,
      evidence: claim.evidence,
      description: claim.description,
      status: e.expired ? 'Expired' : 'Current',
      daysRemaining: e.daysRemaining,
      progress: claim.status as NonNullable<ViewCheck['progress']>,
    })),
  };
}

export function readinessOf(entry: ContractEntry, now: Date): ReadinessView | undefined {
  const contract = entry.validation.contract as Contract | undefined;
  if (!contract?.readiness) return undefined;
  try {
    const evaluation = evaluateContractReadiness(contract, now);
    if (evaluation === undefined) return undefined;
    return isClaimsEvaluation(evaluation) ? fromClaims(evaluation) : { ...evaluation, passed: evaluation.currentCount };
  } catch {
    return undefined;
  }
}

/** 2.0 keeps workload and state at the top level; 1.x under `runtime`. */
function runtimeOf(contract: Fields | undefined): Fields | undefined {
  const runtime = asFields(contract?.['runtime']);
  if (runtime !== undefined || contract?.['pactoVersion'] !== '2.0') return runtime;
  if (contract['workload'] === undefined && contract['state'] === undefined) return undefined;
  return { workload: contract['workload'], state: contract['state'] } as Fields;
}

export function phaseOf(entry: ContractEntry, readiness: ReadinessView | undefined): Phase {
  if (!entry.validation.valid) return 'NonCompliant';
  if (entry.validation.warnings.length > 0 || (readiness !== undefined && !readiness.passing)) return 'Warning';
  return 'Compliant';
}

function readinessSummary(readiness: ReadinessView | undefined): ReadinessSummary | null {
  if (readiness === undefined) return null;
  return {
    score: readiness.score,
    minScore: readiness.minScore,
    passing: readiness.passing,
    expired: readiness.expiredCount,
    invalid: readiness.invalidCount,
    expiringSoon: readiness.checks.filter((check) => check.status === 'Current' && (check.daysRemaining ?? Infinity) <= EXPIRING_SOON_DAYS).length,
  };
}

export function summarize(service: MergedService, context: ViewContext): ServiceSummary {
  const entry = service.primary;
  const contract = entry.validation.contract as Fields | undefined;
  const runtime = runtimeOf(contract);
  const readiness = readinessOf(entry, context.now);
  const phase = phaseOf(entry, readiness);
  const { errors, warnings } = entry.validation;
  const outgoing = context.index.outgoing.get(service.name) ?? [];
  const incoming = context.index.incoming.get(service.name) ?? [];
  return {
    name: service.name,
    version: entry.version,
    owner: ownerOf(contract),
    source: entry.source,
    sources: service.entries.map((e) => e.source),
    phase,
    valid: entry.validation.valid,
    workload: asString(runtime?.['workload']) ?? null,
    stateType: asString(asFields(runtime?.['state'])?.['type']) ?? null,
    blastRadius: context.index.blastRadius.get(service.name)?.length ?? 0,
    dependencyCount: outgoing.filter((edge) => edge.type === 'dependency').length,
    dependentCount: new Set(incoming.filter((edge) => edge.type === 'dependency').map((edge) => edge.source)).size,
    compliance: { status: phase === 'NonCompliant' ? 'ERROR' : phase === 'Warning' ? 'WARNING' : 'OK', errors: errors.length, warnings: warnings.length },
    checks:
      readiness === undefined
        ? null
        : { total: readiness.checks.length, passed: readiness.passed, failed: readiness.checks.length - readiness.passed },
    readiness: readinessSummary(readiness),
    latestStep: context.latestStep(service.name),
  };
}

function ownerOf(contract: Fields | undefined): string | null {
  const owner = asFields(contract?.['service'])?.['owner'];
  if (typeof owner !== 'string' && asFields(owner) === undefined) return null;
  return displayOwner(owner as Owner) ?? null;
}

export function details(service: MergedService, context: ViewContext): ServiceDetails {
  const entry = service.primary;
  const contract = entry.validation.contract as Fields | undefined;
  const serviceFields = asFields(contract?.['service']);
  const readiness = readinessOf(entry, context.now);
  const phaseByName = (name: string): Phase => {
    const other = context.index.services.get(name);
    return other ? phaseOf(other.primary, readinessOf(other.primary, context.now)) : 'Unknown';
  };
  const dependents: Dependent[] = (context.index.incoming.get(service.name) ?? [])
    .filter((edge) => edge.type === 'dependency')
    .map((edge) => ({
      name: edge.source,
      version: context.index.services.get(edge.source)?.primary.version ?? '',
      phase: phaseByName(edge.source),
      required: edge.required,
      compatibility: edge.compatibility,
      ref: edge.ref,
    }));
  const sections = [
    'service',
    'interfaces',
    'configurations',
    'policies',
    'dependencies',
    'runtime',
    'scaling',
    'workload',
    'state',
    'capabilities',
    'readiness',
    'verification',
    'metadata',
    'extensions',
  ];
  return {
    ...summarize(service, context),
    pactoVersion: asString(contract?.['pactoVersion']) ?? null,
    ref: entry.ref,
    fileName: entry.bundle.fileName,
    image: asString(asFields(serviceFields?.['image'])?.['ref']) ?? null,
    chart: asString(asFields(serviceFields?.['chart'])?.['ref']) ?? null,
    metadata: asFields(contract?.['metadata']) ?? null,
    interfaces: interfacesOf(entry, contract),
    configurations: configurationsOf(entry, contract),
    policies: asArray(contract?.['policies']).map((policy) => ({
      name: asString(policy['name']) ?? null,
      schemaFile: asString(policy['schema']) ?? null,
      ref: asString(policy['ref']) ?? null,
    })),
    dependencies: asArray(contract?.['dependencies']).flatMap((dep) => {
      const ref = asString(dep['ref']);
      if (ref === undefined || ref === '') return [];
      const target = context.index.target(ref, entry);
      return [
        {
          name: asString(dep['name']) ?? target.name,
          ref,
          required: asBoolean(dep['required']) ?? false,
          compatibility: asString(dep['compatibility']) ?? '',
          target: target.name,
          resolved: target.resolved,
        },
      ];
    }),
    dependents,
    runtime: runtimeOf(contract) ?? null,
    scaling: asFields(contract?.['scaling']) ?? null,
    readinessChecks: (readiness?.checks ?? []).map(
      (check): ReadinessCheckInfo => ({
        id: check.id,
        type: check.type,
        weight: check.weight,
        expires: check.expires,
        status: check.status,
        daysRemaining: check.daysRemaining,
        evidence: check.evidence,
        description: check.description,
        ...(check.progress === undefined ? {} : { progress: check.progress }),
      }),
    ),
    validation: {
      valid: entry.validation.valid,
      errors: entry.validation.errors.map(findingJson),
      warnings: entry.validation.warnings.map(findingJson),
    },
    provenance: Object.fromEntries(sections.filter((key) => contract?.[key] !== undefined).map((key) => [key, entry.source])) as Record<string, SourceType>,
    runtimeStatus: null,
    contractText: entry.bundle.text,
  };
}

/** A finding as the API shows it: `file`, `line`, `column` and `hint` when the validator gives them. */
export function findingJson(finding: Finding): ApiFinding {
  return {
    code: finding.code,
    path: finding.path,
    message: finding.message,
    severity: finding.severity,
    layer: finding.layer,
    ...(finding.file === undefined ? {} : { file: finding.file }),
    ...(finding.line === undefined ? {} : { line: finding.line }),
    ...(finding.column === undefined ? {} : { column: finding.column }),
    ...(finding.hint === undefined || finding.hint === '' ? {} : { hint: finding.hint }),
  };
}

function interfacesOf(entry: ContractEntry, contract: Fields | undefined): InterfaceInfo[] {
  return asArray(contract?.['interfaces']).map((iface) => {
    const type = asString(iface['type']) ?? '';
    // The spec file is `contract` in 1.x and `ref` in 2.0, where OpenAPI interfaces have the type `openapi`.
    const contractFile = asString(iface['contract']) ?? asString(iface['ref']) ?? null;
    let operations: InterfaceInfo['operations'] = [];
    let operationsError: string | null = null;
    if ((type === 'http' || type === 'openapi') && contractFile !== null) {
      const text = readBundleText(entry.bundle.files, contractFile);
      if (!text.ok) {
        operationsError = text.reason;
      } else {
        const result = openApiOperations(contractFile, text.text);
        if (result.ok) operations = result.operations.map((op) => ({ ...op }));
        else operationsError = result.error;
      }
    }
    return {
      name: asString(iface['name']) ?? '',
      type,
      port: asNumber(iface['port']) ?? null,
      visibility: asString(iface['visibility']) ?? null,
      contractFile,
      operations,
      operationsError,
    };
  });
}

function configurationsOf(entry: ContractEntry, contract: Fields | undefined): ConfigurationInfo[] {
  return asArray(contract?.['configurations']).map((configuration) => {
    const schemaFile = asString(configuration['schema']) ?? null;
    let properties: ConfigurationInfo['properties'] = [];
    let error: string | null = null;
    if (schemaFile !== null) {
      const text = readBundleText(entry.bundle.files, schemaFile);
      if (!text.ok) {
        error = text.reason;
      } else {
        try {
          properties = schemaProperties(JSON.parse(text.text)).map((property) => ({
            name: property.name,
            types: [...property.types],
            ...(property.description === undefined ? {} : { description: property.description }),
            required: property.required,
            ...(property.hasDefault ? { default: property.default } : {}),
            ...(property.values === undefined ? {} : { values: [...property.values] }),
          }));
        } catch (cause) {
          error = `${schemaFile} is not valid JSON: ${(cause as Error).message}`;
        }
      }
    }
    const values = asFields(configuration['values']);
    return {
      name: asString(configuration['name']) ?? '',
      schemaFile,
      ref: asString(configuration['ref']) ?? null,
      properties,
      valueKeys: values === undefined ? [] : Object.keys(values),
      error,
    };
  });
}
