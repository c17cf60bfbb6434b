import { splitRef, type BundleFS } from '@pacto/schema';
import type { CrossFieldContext } from './context.js';
import { bundleHas, checkSchemaFileContent, fileNotFoundMessage, loadLocalSchema } from './files.js';
import { checkOciRef, type GrammarOptions } from './references.js';

/** The configuration and policy lists every format shares (2.0 adds `required` and `target`). */
interface WithConfigurations {
  readonly configurations?: readonly { readonly schema?: string; readonly ref?: string; readonly values?: Record<string, unknown> }[] | undefined;
}
interface WithPolicies {
  readonly policies?: readonly { readonly schema?: string; readonly ref?: string }[] | undefined;
}

/** Rule 12 over every configuration, then rule 13: the schema file exists, then is JSON and compiles. */
export function checkConfigurationSchemas(ctx: CrossFieldContext, files: BundleFS, contract: WithConfigurations): void {
  const configurations = contract.configurations ?? [];
  configurations.forEach((configuration, i) => {
    const path = configuration.schema;
    if (path && !bundleHas(files, path)) {
      ctx.error('FILE_NOT_FOUND', `configurations[${i}].schema`, fileNotFoundMessage(files, 'configuration schema file', path));
    }
  });
  configurations.forEach((configuration, i) => {
    const path = configuration.schema;
    if (path) checkSchemaFileContent(ctx, files, path, `configurations[${i}].schema`, 'CONFIG');
  });
}

/** Rule 14: configuration refs are recorded, never fetched; only `oci://` syntax is checked. */
export function checkConfigurationRefs(ctx: CrossFieldContext, contract: WithConfigurations, grammar: GrammarOptions = {}): void {
  (contract.configurations ?? []).forEach((configuration, i) => {
    const ref = configuration.ref;
    if (!ref) return;
    const split = splitRef(ref);
    checkOciRef(ctx, ref, 'INVALID_CONFIG_REF', `configurations[${i}].ref`, split.location, grammar);
  });
}

/** Rules 15a and 15b per policy, then rule 16 for every policy. */
export function checkPolicies(ctx: CrossFieldContext, files: BundleFS | undefined, contract: WithPolicies, grammar: GrammarOptions = {}): void {
  const policies = contract.policies ?? [];
  policies.forEach((policy, i) => {
    if (files !== undefined && policy.schema && !bundleHas(files, policy.schema)) {
      ctx.error('FILE_NOT_FOUND', `policies[${i}].schema`, fileNotFoundMessage(files, 'policy schema file', policy.schema));
    }
    if (policy.ref) checkOciRef(ctx, policy.ref, 'INVALID_POLICY_REF', `policies[${i}].ref`, policy.ref, grammar);
  });
  if (files === undefined) return;
  policies.forEach((policy, i) => {
    if (!policy.schema || !bundleHas(files, policy.schema)) return;
    checkSchemaFileContent(ctx, files, policy.schema, `policies[${i}].schema`, 'POLICY');
  });
}

function hasValues(values: Record<string, unknown> | undefined | null): values is Record<string, unknown> {
  if (values === undefined || values === null) return false;
  for (const _key in values) return true;
  return false;
}

/** Rules 20 and 20b: non-empty values need a schema and, when it is local, must match it. */
export function checkConfigurationValues(ctx: CrossFieldContext, files: BundleFS | undefined, contract: WithConfigurations): void {
  (contract.configurations ?? []).forEach((configuration, i) => {
    if (!hasValues(configuration.values)) return;
    const path = `configurations[${i}].values`;
    if (!configuration.schema && !configuration.ref) {
      ctx.error('VALUES_WITHOUT_SCHEMA', path, 'configuration values require a configuration schema to validate against');
      return;
    }
    if (!configuration.schema || files === undefined) return;
    const schema = loadLocalSchema(files, configuration.schema);
    if (schema === undefined) return;
    const problems = schema.validate(configuration.values);
    if (problems.length > 0) {
      ctx.error('CONFIG_VALUES_VALIDATION_FAILED', path, `configuration values do not match schema: ${problems.join('; ')}`);
    }
  });
}
