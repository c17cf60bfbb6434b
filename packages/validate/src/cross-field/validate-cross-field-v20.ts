import { goQuote, type BundleFS, type ContractV20 } from '@pacto/schema';
import type { LayerResult } from '../finding.js';
import { checkCapabilities } from './capabilities.js';
import { checkConfigurationRefs, checkConfigurationSchemas, checkConfigurationValues, checkPolicies } from './configurations.js';
import { createContext, type CrossFieldContext } from './context.js';
import { checkDuplicateNames } from './duplicates.js';
import { checkInterfacesV20 } from './interfaces-v20.js';
import { checkReadiness } from './readiness-rules.js';
import { checkDependencies, checkSemver } from './references.js';

const STRICT = { strict: true } as const;

function checkPolicyTargets(ctx: CrossFieldContext, contract: ContractV20): void {
  (contract.policies ?? []).forEach((policy, i) => {
    const target = policy.target ?? '';
    if (target !== '' && target !== 'contract') {
      ctx.error('UNSUPPORTED_POLICY_TARGET', `policies[${i}].target`, `policy target ${goQuote(target)} is not supported; only "contract" is`);
    }
  });
}

function checkStateInvariant(ctx: CrossFieldContext, contract: ContractV20): void {
  const state = contract.state;
  if (state?.type === 'stateless' && state.persistence?.durability === 'persistent') {
    ctx.error(
      'STATELESS_PERSISTENT_CONFLICT',
      'state.persistence.durability',
      'stateless services must use ephemeral durability; persistent durability requires stateful or hybrid',
    );
  }
}

/**
 * Layer 2 of pactoVersion 2.0 (contract-2.0.md §5), in the Go tool's rule order. File rules are skipped when
 * `files` is undefined (an in-memory contract).
 */
export function validateCrossFieldV20(contract: ContractV20, files?: BundleFS): LayerResult {
  const ctx = createContext(files);
  const interfaces = contract.interfaces ?? [];
  checkSemver(ctx, contract.service?.version ?? '', 'INVALID_SEMVER', 'service.version', STRICT);
  checkDuplicateNames(ctx, contract.interfaces, 'interfaces', 'DUPLICATE_INTERFACE_NAME', 'interface');
  checkDuplicateNames(ctx, contract.configurations, 'configurations', 'DUPLICATE_CONFIGURATION_NAME', 'configuration');
  checkDuplicateNames(ctx, contract.policies, 'policies', 'DUPLICATE_POLICY_NAME', 'policy');
  checkDuplicateNames(ctx, contract.dependencies, 'dependencies', 'DUPLICATE_DEPENDENCY_NAME', 'dependency');
  checkInterfacesV20(ctx, files, interfaces);
  checkCapabilities(ctx, contract.capabilities ?? [], interfaces);
  if (files !== undefined) checkConfigurationSchemas(ctx, files, contract);
  checkConfigurationRefs(ctx, contract, STRICT);
  checkPolicies(ctx, files, contract, STRICT);
  checkPolicyTargets(ctx, contract);
  checkDependencies(ctx, contract, STRICT);
  checkConfigurationValues(ctx, files, contract);
  checkStateInvariant(ctx, contract);
  checkReadiness(ctx, contract);
  return ctx.result;
}
