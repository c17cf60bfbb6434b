import { z } from 'zod';
import { ownerInfoSchema, patterned, stateSchema } from './model.js';
import { CAPABILITY_PATH_PATTERN, CONTRACT_RULES, SERVICE_NAME_PATTERN } from './contract-rules.js';
import { readinessV20Schema } from './model-readiness-claims.js';

// pactoVersion 2.0, the format of the Go tool's 3.x releases (contract-2.0.md §3). Interfaces point at a spec
// file; workload and state are top-level; health and metrics are capabilities; runtime, scaling and the image are
// gone. Every object is strict except `metadata`, `extensions` and `configurations[].values`.

const has = (value: object, key: string): boolean => (value as Record<string, unknown>)[key] !== undefined;

export const serviceV20Schema = z
  .strictObject({
    name: patterned(SERVICE_NAME_PATTERN).describe('Service name: lower-case letters, digits and inner hyphens.'),
    version: z.string().min(1).describe('Service version (semantic version; leading zeros such as 2024.01.01 allowed).'),
    owner: ownerInfoSchema.optional(),
  })
  .describe('Identity of the service: name, version and owner.');

export const interfaceTypeV20Schema = z
  .enum(['openapi', 'asyncapi', 'grpc'])
  .describe('Kind of spec file: OpenAPI (HTTP), AsyncAPI (events) or a gRPC descriptor.');

export const interfaceV20Schema = z
  .strictObject({
    name: z.string().min(1).describe('Interface name, unique in the contract.'),
    type: interfaceTypeV20Schema,
    ref: z.string().min(1).describe('Bundle path of the spec file (JSON, or YAML when named .yaml/.yml).'),
    visibility: z.enum(['public', 'internal']).optional().describe('Who may call the interface; internal when absent.'),
  })
  .describe('A spec the service publishes, by reference.');

export const configurationV20Schema = z
  .strictObject({
    name: z.string().min(1).describe('Configuration scope name, unique in the contract.'),
    schema: z.string().min(1).optional().describe('Bundle path of a JSON Schema for this configuration.'),
    ref: z.string().min(1).optional().describe('Another contract that owns the schema (oci://, file:// or a path).'),
    values: z.record(z.string(), z.unknown()).optional().describe('Configuration values, checked against the schema.'),
    required: z.boolean().describe('Whether the service needs this configuration: true makes its absence at run time a violation.'),
  })
  .superRefine((value, ctx) => {
    const local = has(value, 'schema') && !has(value, 'ref');
    const referenced = has(value, 'ref') && !has(value, 'schema') && !has(value, 'values');
    if (!(local || referenced)) {
      ctx.addIssue({ code: 'custom', message: CONTRACT_RULES.configurationSource, input: value });
    }
  })
  .describe('A named configuration scope: a local schema, or a reference to one.');

export const policyV20Schema = z
  .strictObject({
    name: z.string().min(1).describe('Policy name, unique in the contract.'),
    schema: z.string().min(1).optional().describe('Bundle path of a JSON Schema that this contract must satisfy.'),
    ref: z.string().min(1).optional().describe('Another contract whose bundle supplies the policy.'),
    target: z.enum(['contract']).optional().describe('What the policy checks; only the contract itself.'),
  })
  .superRefine((value, ctx) => {
    if (has(value, 'schema') === has(value, 'ref')) ctx.addIssue({ code: 'custom', message: CONTRACT_RULES.policySource, input: value });
  })
  .describe('A JSON Schema that the contract document itself must satisfy.');

export const dependencyV20Schema = z
  .strictObject({
    name: z.string().min(1).describe('Dependency name, unique in the contract; usually its service name.'),
    ref: z.string().min(1).describe('Where the dependency contract lives: oci://, file:// or a local path.'),
    required: z.boolean().describe('Whether the service cannot work without it (false: it degrades gracefully).'),
    compatibility: z.string().min(1).describe('Accepted versions, as a semantic version range (e.g. ^1.0.0).'),
  })
  .describe('Another service this one depends on.');

export const capabilityBindingSchema = z
  .strictObject({
    type: z.enum(['http']).describe('How the endpoint is reached; only http for now.'),
    interface: z.string().min(1).describe('The declared interface that serves the endpoint.'),
    path: patterned(CAPABILITY_PATH_PATTERN).min(1).optional().describe('Application path on that interface, starting with one "/".'),
  })
  .describe('Where a standard capability is served.');

export const capabilitySchema = z
  .strictObject({
    type: z
      .enum(['health', 'metrics', 'extension'])
      .describe('health and metrics are standard; extension names its own capability with ref.'),
    ref: z.string().min(1).optional().describe('Namespaced identifier of an extension capability (e.g. example.com/tracing).'),
    binding: capabilityBindingSchema.optional(),
  })
  .superRefine((value, ctx) => {
    const standard = (value.type === 'health' || value.type === 'metrics') && !has(value, 'ref');
    const extension = value.type === 'extension' && has(value, 'ref') && !has(value, 'binding');
    if (!(standard || extension)) {
      ctx.addIssue({ code: 'custom', message: 'health and metrics take no ref; extension needs a ref and takes no binding', input: value });
    }
  })
  .describe('Something the service offers operators: health, metrics or an extension.');

export const verificationSchema = z
  .strictObject({
    conformance: z
      .array(z.string().min(1))
      .optional()
      .describe('Interfaces whose running API must be checked against their spec.'),
  })
  .describe('Verification the author asks for beyond validity.');

export const contractV20Schema = z
  .strictObject({
    pactoVersion: z.literal('2.0').describe('Version of the contract format.'),
    service: serviceV20Schema,
    interfaces: z.array(interfaceV20Schema).optional().describe('Specs the service publishes.'),
    configurations: z.array(configurationV20Schema).optional().describe('Named configuration scopes.'),
    policies: z.array(policyV20Schema).min(1).optional().describe('JSON Schemas this contract must satisfy.'),
    dependencies: z.array(dependencyV20Schema).optional().describe('Services this one depends on.'),
    state: stateSchema.optional(),
    workload: z.enum(['service', 'job', 'scheduled']).optional().describe('Kind of workload.'),
    capabilities: z.array(capabilitySchema).optional().describe('Health, metrics and extension capabilities.'),
    readiness: readinessV20Schema.optional(),
    verification: verificationSchema.optional(),
    metadata: z.record(z.string(), z.unknown()).optional().describe('Free-form key/values; not interpreted.'),
    extensions: z.record(z.string(), z.unknown()).optional().describe('Namespaced extension data for other tools; not interpreted.'),
  })
  .describe('A Pacto service contract, format 2.0.');

export type ServiceV20 = z.infer<typeof serviceV20Schema>;
export type InterfaceTypeV20 = z.infer<typeof interfaceTypeV20Schema>;
export type InterfaceV20 = z.infer<typeof interfaceV20Schema>;
export type ConfigurationV20 = z.infer<typeof configurationV20Schema>;
export type PolicyV20 = z.infer<typeof policyV20Schema>;
export type DependencyV20 = z.infer<typeof dependencyV20Schema>;
export type CapabilityBinding = z.infer<typeof capabilityBindingSchema>;
export type Capability = z.infer<typeof capabilitySchema>;
export type Verification = z.infer<typeof verificationSchema>;
export type ContractV20 = z.infer<typeof contractV20Schema>;
