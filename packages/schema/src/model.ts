import { z } from 'zod';

// The contract model of pactoVersion 1.0 and 1.1 (spec/contract.md §3).
// Every object is strict (closed) except `metadata` and `configurations[].values`.
// Descriptions are written once here and reused by the JSON Schema, `pacto doc`
// and the generated contract reference.

import {
  CONTRACT_RULES,
  OWNER_DRI_PATTERN,
  OWNER_TEAM_PATTERN,
  READINESS_ID_PATTERN,
  SERVICE_NAME_PATTERN,
  describePattern,
  patternMessage,
} from './contract-rules.js';

export { CAPABILITY_PATH_PATTERN, OWNER_DRI_PATTERN, OWNER_TEAM_PATTERN, READINESS_ID_PATTERN, SERVICE_NAME_PATTERN } from './contract-rules.js';

// In their own module so the parser can check the version without loading zod.
export { SUPPORTED_PACTO_VERSIONS, type PactoVersion } from './pacto-versions.js';

const nonEmpty = () => z.string().min(1);

/** A string of one of the model's patterns, whose zod message says the rule in words (never the pattern). */
export const patterned = (pattern: RegExp) => z.string().regex(pattern, { message: patternMessage(describePattern(pattern.source)!) });

// The cross-field rules of contract.md §3 are checked here too (superRefine), so parsing a generic document with
// these zod schemas agrees with L1; src/json-schema.ts states the same rules in JSON Schema.
const requireKeys = (value: object, keys: readonly string[], why: string, ctx: z.RefinementCtx): void => {
  for (const key of keys) {
    if ((value as Record<string, unknown>)[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `${key} is required ${why}` });
  }
};

const exactlyOne = (value: object, ok: boolean, message: string, ctx: z.RefinementCtx): void => {
  if (!ok) ctx.addIssue({ code: 'custom', message, input: value });
};
const has = (value: object, key: string): boolean => (value as Record<string, unknown>)[key] !== undefined;

export const ownerContactSchema = z
  .strictObject({
    type: z
      .enum(['email', 'url', 'group', 'oncall', 'chat', 'other'])
      .describe('Kind of contact channel.'),
    value: nonEmpty().describe('The address, URL or handle of the channel.'),
    purpose: z
      .enum(['ownership', 'support', 'escalation', 'oncall', 'notifications'])
      .optional()
      .describe('What this contact is for.'),
  })
  .describe('One way to reach the owning team.');

export const ownerInfoSchema = z
  .strictObject({
    team: patterned(OWNER_TEAM_PATTERN).min(1).optional().describe('Owning team, e.g. "platform/payments".'),
    dri: patterned(OWNER_DRI_PATTERN).min(1).optional().describe('Directly responsible individual.'),
    contacts: z.array(ownerContactSchema).min(1).optional().describe('Contact channels of the owner.'),
  })
  .refine((owner) => Object.keys(owner).length > 0, 'a structured owner needs at least one key')
  .describe('Structured owner: team, responsible person and contacts. At least one key.');

export const ownerSchema = z
  .union([nonEmpty().describe('Legacy owner string, e.g. "team/payments".'), ownerInfoSchema])
  .describe('Who owns the service: a string or a structured owner.');

export const imageSchema = z
  .strictObject({
    ref: nonEmpty().describe('Container image reference, without oci:// (e.g. ghcr.io/acme/api:1.0.0).'),
    private: z.boolean().optional().describe('Whether pulling the image needs credentials.'),
  })
  .describe('The container image that runs the service.');

export const chartSchema = z
  .strictObject({
    ref: nonEmpty().describe('Helm chart: a local path or an oci:// reference.'),
    version: nonEmpty().describe('Chart version (semantic version).'),
  })
  .describe('The Helm chart that deploys the service.');

export const serviceSchema = z
  .strictObject({
    name: patterned(SERVICE_NAME_PATTERN).describe('Service name: lower-case letters, digits and inner hyphens.'),
    version: nonEmpty().describe('Service version (semantic version).'),
    owner: ownerSchema.optional(),
    image: imageSchema.optional(),
    chart: chartSchema.optional(),
  })
  .describe('Identity of the service.');

export const interfaceTypeSchema = z.enum(['http', 'grpc', 'event']).describe('Protocol family of the interface.');

export const interfaceSchema = z
  .strictObject({
    name: nonEmpty().describe('Interface name, unique in the contract.'),
    type: interfaceTypeSchema,
    port: z.int().min(1).max(65535).optional().describe('Listening port; required for http and grpc.'),
    visibility: z
      .enum(['public', 'internal'])
      .optional()
      .describe('Who may call the interface; internal when absent.'),
    contract: nonEmpty()
      .optional()
      .describe('Bundle path of the interface definition (OpenAPI, protobuf or event schema); required for grpc and event.'),
  })
  .superRefine((value, ctx) => {
    const needs = { http: ['port'], grpc: ['port', 'contract'], event: ['contract'] }[value.type];
    requireKeys(value, needs, `for ${value.type} interfaces`, ctx);
  })
  .describe('A way to talk to the service.');

export const configurationSchema = z
  .strictObject({
    name: nonEmpty().describe('Configuration scope name, unique in the contract.'),
    schema: nonEmpty().optional().describe('Bundle path of a JSON Schema for this configuration.'),
    ref: nonEmpty().optional().describe('Another contract that owns the schema (oci://, file:// or a path).'),
    values: z.record(z.string(), z.unknown()).optional().describe('Configuration values, checked against the schema.'),
  })
  .superRefine((value, ctx) => {
    const local = has(value, 'schema') && !has(value, 'ref');
    const referenced = has(value, 'ref') && !has(value, 'schema') && !has(value, 'values');
    exactlyOne(value, local || referenced, CONTRACT_RULES.configurationSource, ctx);
  })
  .describe('A named configuration scope: a local schema, or a reference to one.');

export const policySchema = z
  .strictObject({
    name: nonEmpty().describe('Policy name, unique in the contract.'),
    schema: nonEmpty().optional().describe('Bundle path of a JSON Schema that this contract must satisfy.'),
    ref: nonEmpty().optional().describe('Another contract whose bundle supplies the policy.'),
  })
  .superRefine((value, ctx) => {
    exactlyOne(value, has(value, 'schema') !== has(value, 'ref'), CONTRACT_RULES.policySource, ctx);
  })
  .describe('A JSON Schema that the contract document itself must satisfy.');

export const dependencySchema = z
  .strictObject({
    name: nonEmpty().describe('Dependency name, unique in the contract; usually its service name.'),
    ref: nonEmpty().describe('Where the dependency contract lives: oci://, file:// or a local path.'),
    required: z.boolean().optional().describe('Whether the service cannot work without it; false when absent.'),
    compatibility: nonEmpty().describe('Accepted versions, as a semantic version range (e.g. ^1.0.0).'),
  })
  .describe('Another service this one depends on.');

export const persistenceSchema = z
  .strictObject({
    scope: z.enum(['local', 'shared']).describe('Whether state is local to an instance or shared between instances.'),
    durability: z
      .enum(['ephemeral', 'persistent'])
      .describe('Whether state survives restarts; stateless services must be ephemeral.'),
  })
  .describe('Where state lives and how long.');

export const stateSchema = z
  .strictObject({
    type: z.enum(['stateless', 'stateful', 'hybrid']).describe('How the service keeps state.'),
    persistence: persistenceSchema,
    dataCriticality: z.enum(['low', 'medium', 'high']).describe('Cost of losing the data.'),
  })
  .superRefine((value, ctx) => {
    if (value.type === 'stateless' && value.persistence.durability !== 'ephemeral') {
      ctx.addIssue({ code: 'custom', path: ['persistence', 'durability'], message: CONTRACT_RULES.statelessDurability });
    }
  })
  .describe('State model of the service.');

export const lifecycleSchema = z
  .strictObject({
    upgradeStrategy: z.enum(['rolling', 'recreate', 'ordered']).optional().describe('How new versions replace old ones.'),
    gracefulShutdownSeconds: z.int().min(0).optional().describe('Seconds allowed for a clean shutdown.'),
  })
  .describe('Upgrade and shutdown behaviour.');

export const healthSchema = z
  .strictObject({
    interface: z.string().describe('Interface that answers health checks (http or grpc).'),
    path: z.string().optional().describe('HTTP path of the health check; required for http interfaces.'),
    initialDelaySeconds: z.int().min(0).optional().describe('Seconds to wait before the first check.'),
  })
  .describe('Health probe.');

export const metricsSchema = z
  .strictObject({
    interface: z.string().describe('Interface that serves metrics (http or grpc).'),
    path: z.string().optional().describe('HTTP path of the metrics endpoint; required for http interfaces.'),
  })
  .describe('Metrics endpoint.');

export const runtimeSchema = z
  .strictObject({
    workload: z.enum(['service', 'job', 'scheduled']).describe('Kind of workload.'),
    state: stateSchema,
    lifecycle: lifecycleSchema.optional(),
    health: healthSchema.optional(),
    metrics: metricsSchema.optional(),
  })
  .describe('How the service runs.');

export const scalingSchema = z
  .strictObject({
    replicas: z.int().min(0).optional().describe('Fixed number of instances (instead of min and max).'),
    min: z.int().min(0).optional().describe('Lowest number of instances.'),
    max: z.int().min(0).optional().describe('Highest number of instances.'),
  })
  .superRefine((value, ctx) => {
    const fixed = has(value, 'replicas') && !has(value, 'min') && !has(value, 'max');
    const range = has(value, 'min') && has(value, 'max') && !has(value, 'replicas');
    exactlyOne(value, fixed || range, CONTRACT_RULES.scalingForm, ctx);
  })
  .describe('Instance count: replicas alone, or min and max together.');

export const readinessCheckSchema = z
  .strictObject({
    id: patterned(READINESS_ID_PATTERN).min(1).describe('Check identifier, unique in the contract.'),
    type: z
      .enum(['url', 'document', 'ticket', 'report', 'artifact', 'identifier', 'other'])
      .describe('Kind of evidence pointer.'),
    evidence: z.string().min(1).max(2048).describe('Where the evidence is (URL, ticket, document name…); stored verbatim.'),
    weight: z.int().min(0).max(100).describe('Contribution of this check to the readiness score.'),
    expires: z.string().describe('Date (YYYY-MM-DD, UTC) after which the evidence is stale.'),
    description: z.string().min(1).optional().describe('What the evidence shows.'),
  })
  .describe('One piece of readiness evidence.');

export const readinessSchema = z
  .strictObject({
    minScore: z.int().min(0).max(100).optional().describe('Score the readiness gate requires; 100 when absent.'),
    checks: z.array(readinessCheckSchema).min(1).describe('Evidence of operational readiness.'),
  })
  .describe('Declared evidence of operational readiness (1.1 only).');

/** The fields 1.0 and 1.1 share (1.2 replaces `service` and `readiness`). */
export const contractV1xFields = {
  service: serviceSchema,
  interfaces: z.array(interfaceSchema).optional().describe('Ways to talk to the service.'),
  configurations: z.array(configurationSchema).optional().describe('Named configuration scopes.'),
  policies: z.array(policySchema).min(1).optional().describe('JSON Schemas this contract must satisfy.'),
  dependencies: z.array(dependencySchema).optional().describe('Services this one depends on.'),
  runtime: runtimeSchema.optional(),
  scaling: scalingSchema.optional(),
  metadata: z.record(z.string(), z.unknown()).optional().describe('Free-form key/values; not interpreted.'),
};

export const contractV10Schema = z
  .strictObject({
    pactoVersion: z.literal('1.0').describe('Version of the contract format.'),
    ...contractV1xFields,
  })
  .describe('A Pacto service contract, format 1.0.');

export const contractV11Schema = z
  .strictObject({
    pactoVersion: z.literal('1.1').describe('Version of the contract format.'),
    ...contractV1xFields,
    readiness: readinessSchema.optional(),
  })
  .describe('A Pacto service contract, format 1.1.');

export type OwnerContact = z.infer<typeof ownerContactSchema>;
export type OwnerInfo = z.infer<typeof ownerInfoSchema>;
export type Owner = z.infer<typeof ownerSchema>;
export type Image = z.infer<typeof imageSchema>;
export type Chart = z.infer<typeof chartSchema>;
export type ServiceIdentity = z.infer<typeof serviceSchema>;
export type InterfaceType = z.infer<typeof interfaceTypeSchema>;
export type Interface = z.infer<typeof interfaceSchema>;
export type ConfigurationSource = z.infer<typeof configurationSchema>;
export type PolicySource = z.infer<typeof policySchema>;
export type Dependency = z.infer<typeof dependencySchema>;
export type Persistence = z.infer<typeof persistenceSchema>;
export type State = z.infer<typeof stateSchema>;
export type Lifecycle = z.infer<typeof lifecycleSchema>;
export type Health = z.infer<typeof healthSchema>;
export type Metrics = z.infer<typeof metricsSchema>;
export type Runtime = z.infer<typeof runtimeSchema>;
export type Scaling = z.infer<typeof scalingSchema>;
export type ReadinessCheck = z.infer<typeof readinessCheckSchema>;
export type Readiness = z.infer<typeof readinessSchema>;
export type ContractV10 = z.infer<typeof contractV10Schema>;
export type ContractV11 = z.infer<typeof contractV11Schema>;

/**
 * A 1.0/1.1 contract as stage P produces it. `pactoVersion` is a plain string because every version text other
 * than 1.2 and 2.0 decodes with this model (an unquoted `1.0`, or a number L1 then rejects), and `readiness` is a
 * known key in both versions (L1 rejects it under 1.0).
 */
export type Contract1x = Omit<ContractV11, 'pactoVersion'> & { pactoVersion: string };
