import { z } from 'zod';

// The JSON the dashboard API returns (cli.md §4.14), written once: these schemas give the TypeScript types
// the server and the UI share, and the components of the OpenAPI description (openapi.ts). Keys are
// camelCase (our API); the diff query keeps the spec's `from_name`-style parameters.

/** Every named schema, in the order the OpenAPI description lists them. */
export const apiSchemas = z.registry<{ id: string }>();

function named<T extends z.ZodType>(id: string, description: string, schema: T): T {
  const described = schema.describe(description) as T;
  apiSchemas.add(described, { id });
  return described;
}

const count = () => z.number().int().nonnegative();

export const SourceTypeSchema = named(
  'SourceType',
  'Where a contract came from: a local directory, an OCI registry, the bundle cache, or Kubernetes (not available in this version).',
  z.enum(['local', 'oci', 'cache', 'k8s']),
);

export const PhaseSchema = named(
  'Phase',
  'Contract state: Compliant (valid, no warnings, readiness met), Warning (valid, with warnings or readiness below its minimum), NonCompliant (invalid), Unknown (not loaded).',
  z.enum(['Compliant', 'Warning', 'NonCompliant', 'Unknown']),
);

export const ClassificationSchema = named(
  'Classification',
  'Change classification of diff.md §2.',
  z.enum(['NON_BREAKING', 'POTENTIAL_BREAKING', 'BREAKING']),
);

export const FindingSchema = named(
  'Finding',
  'A validation error or warning; line and column are 1-based positions in the contract file.',
  z.object({
    code: z.string(),
    path: z.string(),
    message: z.string(),
    severity: z.enum(['error', 'warning']),
    layer: z.string(),
    file: z.string().optional(),
    line: z.number().int().positive().optional(),
    column: z.number().int().positive().optional(),
    hint: z.string().optional(),
  }),
);

export const ReadinessCheckSchema = named(
  'ReadinessCheck',
  'One readiness check as evaluated today (contract.md §9).',
  z.object({
    id: z.string(),
    type: z.string(),
    weight: z.number(),
    expires: z.string(),
    status: z.enum(['Current', 'Expired', 'Invalid']),
    daysRemaining: z.number().int().nullable(),
    evidence: z.string(),
    description: z.string(),
    progress: z
      .enum(['done', 'partial', 'not-done', 'deferred'])
      .optional()
      .describe('pactoVersion 1.2 and 2.0: the claim status; `expires` and `status` are then those of the whole assessment.'),
  }),
);

export const ReadinessSummarySchema = named(
  'ReadinessSummary',
  'Readiness score against its minimum; expiringSoon counts current checks expiring within 30 days.',
  z.object({
    score: z.number().int(),
    minScore: z.number(),
    passing: z.boolean(),
    expired: count(),
    invalid: count(),
    expiringSoon: count(),
  }),
);

export const StepSchema = named(
  'Step',
  'The classification of the latest published version against the one before it.',
  z.object({ from: z.string(), to: z.string(), classification: ClassificationSchema }),
);

export const ServiceSummarySchema = named(
  'ServiceSummary',
  'One service of the fleet, merged over its sources by service name (local > oci > cache).',
  z.object({
    name: z.string(),
    version: z.string(),
    owner: z.string().nullable(),
    source: SourceTypeSchema,
    sources: z.array(SourceTypeSchema),
    phase: PhaseSchema,
    valid: z.boolean(),
    workload: z.string().nullable(),
    stateType: z.string().nullable(),
    blastRadius: count().describe('Services that transitively require this one.'),
    dependencyCount: count(),
    dependentCount: count(),
    compliance: z.object({ status: z.enum(['OK', 'WARNING', 'ERROR']), errors: count(), warnings: count() }),
    checks: z.object({ total: count(), passed: count(), failed: count() }).nullable().describe('Readiness checks: passed are current, failed expired or invalid.'),
    readiness: ReadinessSummarySchema.nullable(),
    latestStep: StepSchema.nullable(),
  }),
);

export const OperationSchema = named(
  'Operation',
  'An operation of an OpenAPI interface contract.',
  z.object({ method: z.string(), path: z.string(), summary: z.string().optional() }),
);

export const InterfaceInfoSchema = named(
  'InterfaceInfo',
  'A declared interface, with the operations of its OpenAPI file when it has one.',
  z.object({
    name: z.string(),
    type: z.string(),
    port: z.number().nullable(),
    visibility: z.string().nullable(),
    contractFile: z.string().nullable(),
    operations: z.array(OperationSchema),
    operationsError: z.string().nullable(),
  }),
);

export const SchemaPropertySchema = named(
  'SchemaProperty',
  'A property of a configuration JSON Schema, flattened to a dotted name.',
  z.object({
    name: z.string(),
    types: z.array(z.string()),
    description: z.string().optional(),
    required: z.boolean(),
    default: z.unknown().optional(),
    values: z.array(z.unknown()).optional(),
  }),
);

export const ConfigurationInfoSchema = named(
  'ConfigurationInfo',
  'A declared configuration: its schema properties and the keys of its values.',
  z.object({
    name: z.string(),
    schemaFile: z.string().nullable(),
    ref: z.string().nullable(),
    properties: z.array(SchemaPropertySchema),
    valueKeys: z.array(z.string()),
    error: z.string().nullable(),
  }),
);

export const PolicyInfoSchema = named(
  'PolicyInfo',
  'A declared policy.',
  z.object({ name: z.string().nullable(), schemaFile: z.string().nullable(), ref: z.string().nullable() }),
);

export const DependencyInfoSchema = named(
  'DependencyInfo',
  'A declared dependency and the service it points at (target); resolved is false when no source has it.',
  z.object({
    name: z.string(),
    ref: z.string(),
    required: z.boolean(),
    compatibility: z.string(),
    target: z.string(),
    resolved: z.boolean(),
  }),
);

export const DependentSchema = named(
  'Dependent',
  'A service that declares a dependency on this one.',
  z.object({
    name: z.string(),
    version: z.string(),
    phase: PhaseSchema,
    required: z.boolean(),
    compatibility: z.string(),
    ref: z.string(),
  }),
);

export const ServiceDetailsSchema = named(
  'ServiceDetails',
  'Everything the service page shows; each section comes from the source named in provenance.',
  ServiceSummarySchema.extend({
    pactoVersion: z.string().nullable(),
    ref: z.string().describe('Where the merged contract was read: a directory or an OCI reference.'),
    fileName: z.string(),
    image: z.string().nullable(),
    chart: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()).nullable(),
    interfaces: z.array(InterfaceInfoSchema),
    configurations: z.array(ConfigurationInfoSchema),
    policies: z.array(PolicyInfoSchema),
    dependencies: z.array(DependencyInfoSchema),
    dependents: z.array(DependentSchema),
    runtime: z.record(z.string(), z.unknown()).nullable(),
    scaling: z.record(z.string(), z.unknown()).nullable(),
    readinessChecks: z.array(ReadinessCheckSchema),
    validation: z.object({ valid: z.boolean(), errors: z.array(FindingSchema), warnings: z.array(FindingSchema) }),
    provenance: z.record(z.string(), SourceTypeSchema),
    runtimeStatus: z.null().describe('Runtime status from Kubernetes; always null in this version.'),
    contractText: z.string(),
  }),
);

export const VersionSchema = named(
  'Version',
  'A published version; classification compares it with the previous version (null for the first).',
  z.object({
    version: z.string(),
    ref: z.string(),
    hash: z.string().nullable(),
    createdAt: z.string().nullable(),
    classification: ClassificationSchema.nullable(),
    isCurrent: z.boolean(),
    source: SourceTypeSchema,
  }),
);

export const ServiceSourcesSchema = named(
  'ServiceSources',
  'The service as each source has it, and the merged view.',
  z.object({
    name: z.string(),
    sources: z.array(
      z.object({ type: SourceTypeSchema, ref: z.string(), version: z.string(), phase: PhaseSchema, valid: z.boolean() }),
    ),
    merged: ServiceSummarySchema,
  }),
);

export const GraphNodeSchema = named(
  'GraphNode',
  'A node of a resolved dependency graph (diff.md §9.1).',
  z.object({
    name: z.string(),
    version: z.string(),
    ref: z.string().optional(),
    local: z.boolean().optional(),
    get dependencies() {
      return z.array(GraphEdgeSchema).optional();
    },
  }),
);

export const GraphEdgeSchema = named(
  'GraphEdge',
  'An edge of a resolved dependency graph (diff.md §9.1).',
  z.object({
    ref: z.string(),
    required: z.boolean(),
    compatibility: z.string(),
    type: z.enum(['dependency', 'reference']),
    get node() {
      return GraphNodeSchema.optional();
    },
    error: z.string().optional(),
    shared: z.boolean().optional(),
    local: z.boolean().optional(),
  }),
);

export const ServiceGraphSchema = named(
  'ServiceGraph',
  'The dependency tree centred on a service, as `pacto graph --output-format json` prints it.',
  z.object({
    root: GraphNodeSchema,
    cycles: z.array(z.array(z.string())).optional(),
    conflicts: z.array(z.object({ name: z.string(), versions: z.array(z.string()) })).optional(),
  }),
);

export const CrossReferenceSchema = named(
  'CrossReference',
  'A configuration or policy reference between services.',
  z.object({ name: z.string(), refType: z.enum(['configuration', 'policy']), ref: z.string(), phase: PhaseSchema.nullable() }),
);

export const ServiceRefsSchema = named(
  'ServiceRefs',
  'References this service makes, and the services referring to it.',
  z.object({ references: z.array(CrossReferenceSchema), referencedBy: z.array(CrossReferenceSchema) }),
);

export const FleetGraphSchema = named(
  'FleetGraph',
  'The global graph: one node per service plus external nodes for targets no source has.',
  z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        version: z.string().nullable(),
        status: z.union([PhaseSchema, z.literal('external')]),
        source: SourceTypeSchema.nullable(),
        reason: z.string().nullable(),
        blastRadius: count(),
      }),
    ),
    edges: z.array(
      z.object({
        source: z.string(),
        target: z.string(),
        type: z.enum(['dependency', 'reference']),
        required: z.boolean(),
        compatibility: z.string(),
        ref: z.string(),
        resolved: z.boolean(),
      }),
    ),
  }),
);

export const ChangeSchema = named(
  'Change',
  'One classified change (diff.md §2.1).',
  z.object({
    path: z.string(),
    type: z.enum(['added', 'removed', 'modified']),
    oldValue: z.unknown().optional(),
    newValue: z.unknown().optional(),
    classification: ClassificationSchema,
    reason: z.string(),
  }),
);

export const DiffResultSchema = named(
  'DiffResult',
  'The comparison of two versions: the report of `pacto diff --output-format json` with the two sides named.',
  z.object({
    from: z.object({ name: z.string(), version: z.string() }),
    to: z.object({ name: z.string(), version: z.string() }),
    oldPath: z.string(),
    newPath: z.string(),
    classification: ClassificationSchema,
    changes: z.array(ChangeSchema).nullable(),
    dependencyDiffs: z
      .array(z.object({ name: z.string(), classification: ClassificationSchema, changes: z.array(ChangeSchema).nullable() }).loose())
      .optional(),
    graphDiff: z.record(z.string(), z.unknown()),
    sbomDiff: z.record(z.string(), z.unknown()).optional(),
  }),
);

export const RepositoryStatusSchema = named(
  'RepositoryStatus',
  'An OCI repository the dashboard reads; discovered ones were found through dependency refs.',
  z.object({
    ref: z.string(),
    status: z.enum(['pending', 'ok', 'error']),
    error: z.string().nullable(),
    discovered: z.boolean(),
    versionCount: count(),
    service: z.string().nullable(),
  }),
);

export const SourceInfoSchema = named(
  'SourceInfo',
  'A data source and why it is enabled or disabled.',
  z.object({
    type: SourceTypeSchema,
    enabled: z.boolean(),
    reason: z.string(),
    location: z.string().nullable(),
    serviceCount: count(),
    repositories: z.array(RepositoryStatusSchema).optional(),
  }),
);

export const SourcesSchema = named(
  'Sources',
  'The data sources; discovering is true while OCI discovery is running.',
  z.object({ sources: z.array(SourceInfoSchema), discovering: z.boolean() }),
);

export const HealthSchema = named('Health', 'Liveness.', z.object({ status: z.literal('ok'), version: z.string() }));

export const MetricsSchema = named('Metrics', 'Counts.', z.object({ serviceCount: count(), sourceCount: count() }));

export const StatusSchema = named('Status', 'An accepted request.', z.object({ status: z.literal('ok') }));

export const ErrorSchema = named(
  'Error',
  'An error: a stable code, a one-line message and, when there is one, a hint.',
  z.object({ error: z.object({ code: z.string(), message: z.string(), hint: z.string().optional() }) }),
);

export const ResolveRequestSchema = named(
  'ResolveRequest',
  'A contract to fetch: an OCI reference and, when it has no tag, an optional version range.',
  z.object({ ref: z.string(), compatibility: z.string().optional() }),
);

export const VersionsRequestSchema = named(
  'VersionsRequest',
  'A repository whose semver tags to list; fetch also pulls (and caches) each version.',
  z.object({ ref: z.string(), fetch: z.boolean().optional() }),
);

export const VersionListSchema = named('VersionList', 'Semver tags, highest first.', z.object({ versions: z.array(z.string()) }));

export type SourceType = z.infer<typeof SourceTypeSchema>;
export type Phase = z.infer<typeof PhaseSchema>;
export type Classification = z.infer<typeof ClassificationSchema>;
export type ApiFinding = z.infer<typeof FindingSchema>;
export type ReadinessCheckInfo = z.infer<typeof ReadinessCheckSchema>;
export type ReadinessSummary = z.infer<typeof ReadinessSummarySchema>;
export type Step = z.infer<typeof StepSchema>;
export type ServiceSummary = z.infer<typeof ServiceSummarySchema>;
export type InterfaceInfo = z.infer<typeof InterfaceInfoSchema>;
export type ConfigurationInfo = z.infer<typeof ConfigurationInfoSchema>;
export type PolicyInfo = z.infer<typeof PolicyInfoSchema>;
export type DependencyInfo = z.infer<typeof DependencyInfoSchema>;
export type Dependent = z.infer<typeof DependentSchema>;
export type ServiceDetails = z.infer<typeof ServiceDetailsSchema>;
export type VersionInfo = z.infer<typeof VersionSchema>;
export type ServiceSources = z.infer<typeof ServiceSourcesSchema>;
export type ServiceGraph = z.infer<typeof ServiceGraphSchema>;
export type CrossReference = z.infer<typeof CrossReferenceSchema>;
export type ServiceRefs = z.infer<typeof ServiceRefsSchema>;
export type FleetGraph = z.infer<typeof FleetGraphSchema>;
export type DiffResult = z.infer<typeof DiffResultSchema>;
export type RepositoryStatus = z.infer<typeof RepositoryStatusSchema>;
export type SourceInfo = z.infer<typeof SourceInfoSchema>;
export type Sources = z.infer<typeof SourcesSchema>;
export type ApiError = z.infer<typeof ErrorSchema>;
