import type { Contract } from '@pacto/schema';

const isOci = (ref: string): boolean => ref.startsWith('oci://');

/**
 * Publishing rule: the refusal `push` prints for the first local reference in a contract (cli.md §4.4 step 3), or undefined
 * when every dependency, chart, configuration and policy ref is an `oci://` reference.
 */
export function localReferenceRefusal(contract: Contract): string | undefined {
  for (const dependency of contract.dependencies ?? []) {
    if (!isOci(dependency.ref)) {
      return `local dependency detected: ${dependency.ref}\nLocal dependencies are not allowed when publishing. All dependencies must use OCI references (oci://...)`;
    }
  }
  const chart = 'chart' in contract.service ? contract.service.chart?.ref : undefined;
  if (chart !== undefined && !isOci(chart)) {
    return `local chart reference detected: ${chart}\nLocal chart references are not allowed when publishing. Use an OCI reference (oci://...)`;
  }
  for (const configuration of contract.configurations ?? []) {
    if (configuration.ref !== undefined && !isOci(configuration.ref)) {
      return `local config ref detected: ${configuration.ref}\nLocal references are not allowed when publishing. Use an OCI reference (oci://...)`;
    }
  }
  for (const policy of contract.policies ?? []) {
    if (policy.ref !== undefined && !isOci(policy.ref)) {
      return `local policy ref detected: ${policy.ref}\nLocal references are not allowed when publishing. Use an OCI reference (oci://...)`;
    }
  }
  return undefined;
}
