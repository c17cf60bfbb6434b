import { isContractV20, type BundleFS, type Contract, type ContractV1Family } from '@pacto/schema';
import type { LayerResult } from '../finding.js';
import { checkConfigurationRefs, checkConfigurationSchemas, checkConfigurationValues, checkPolicies } from './configurations.js';
import { createContext } from './context.js';
import { checkDuplicateNames } from './duplicates.js';
import { checkInterfaceFiles } from './files.js';
import { checkInterfaceShapes, checkProbe } from './interfaces.js';
import { checkReadiness } from './readiness-rules.js';
import { checkArtifacts, checkDependencies, checkSemver } from './references.js';
import { checkRuntimeRules } from './runtime-rules.js';
import { validateCrossFieldV20 } from './validate-cross-field-v20.js';

/**
 * Layer 2 (contract.md §6, contract-2.0.md §5) with the rules of the contract's format: every rule runs, in
 * rule order; within a rule in array order. File rules are skipped when `files` is undefined (an in-memory
 * contract).
 */
export function validateCrossField(contract: Contract, files?: BundleFS): LayerResult {
  return isContractV20(contract) ? validateCrossFieldV20(contract, files) : validateCrossFieldV1(contract, files);
}

/** The 1.x rules (1.0, 1.1 and 1.2), contract.md §6. */
function validateCrossFieldV1(contract: ContractV1Family, files?: BundleFS): LayerResult {
  const ctx = createContext(files);
  checkSemver(ctx, contract.service?.version ?? '', 'INVALID_SEMVER', 'service.version');
  checkDuplicateNames(ctx, contract.interfaces, 'interfaces', 'DUPLICATE_INTERFACE_NAME', 'interface');
  checkDuplicateNames(ctx, contract.configurations, 'configurations', 'DUPLICATE_CONFIGURATION_NAME', 'configuration');
  checkDuplicateNames(ctx, contract.policies, 'policies', 'DUPLICATE_POLICY_NAME', 'policy');
  checkDuplicateNames(ctx, contract.dependencies, 'dependencies', 'DUPLICATE_DEPENDENCY_NAME', 'dependency');
  checkInterfaceShapes(ctx, contract);
  checkProbe(ctx, contract, 'health');
  checkProbe(ctx, contract, 'metrics');
  if (files !== undefined) {
    checkInterfaceFiles(ctx, files, contract);
    checkConfigurationSchemas(ctx, files, contract);
  }
  checkConfigurationRefs(ctx, contract);
  checkPolicies(ctx, files, contract);
  checkDependencies(ctx, contract);
  checkArtifacts(ctx, contract);
  checkConfigurationValues(ctx, files, contract);
  checkRuntimeRules(ctx, contract);
  checkReadiness(ctx, contract);
  return ctx.result;
}
