import { pactoV10JsonSchema, pactoV11JsonSchema, pactoV12JsonSchema, pactoV20JsonSchema } from '@pacto/schema';
import type { FieldSpec, ToolArguments } from './arguments.js';
import { checkContract } from './authoring/check.js';
import { createContract } from './authoring/create.js';
import { editContract } from './authoring/edit.js';
import { readConfigProperties, readDataIntent, readDependencies, readInterfaces, readScaling, readWorkload } from './authoring/inputs.js';
import { compareContracts, explainContract, graphContract } from './read-only.js';
import type { ContractReader } from './reader.js';
import { ToolInputError } from './tool-error.js';

export interface ToolContext {
  /** Relative paths in tool inputs resolve against this directory. */
  readonly cwd: string;
  readonly reader: ContractReader;
}

/** One MCP tool: its published definition and what a call does. The result is returned as JSON. */
export interface PactoTool {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly fields: readonly FieldSpec[];
  /** Reads only (MCP `readOnlyHint`); the authoring tools write files. */
  readonly readOnly: boolean;
  run(args: ToolArguments, context: ToolContext): Promise<unknown>;
}

const DOCS_URL = 'https://trianalab.github.io/pacto';

const str = (name: string, description: string): FieldSpec => ({ name, kind: 'string', description });
const bool = (name: string, description: string): FieldSpec => ({ name, kind: 'boolean', description });
const int = (name: string, description: string): FieldSpec => ({ name, kind: 'integer', description });
const list = (name: string, description: string): FieldSpec => ({ name, kind: 'json-array', description });
const obj = (name: string, description: string): FieldSpec => ({ name, kind: 'json-object', description });

const PATH_FIELD = str('path', 'Contract directory (default "."); .tar.gz bundles and oci:// references are read too');

const INTENT_FIELDS: readonly FieldSpec[] = [
  str('workload', 'Workload type: service, job or scheduled'),
  bool('stores_data', 'Whether the service stores data (stateful, medium data criticality)'),
  bool('data_survives_restart', 'Whether stored data must survive a restart (persistent)'),
  bool('data_shared_across_instances', 'Whether instances share the data (shared scope)'),
  str('data_loss_impact', 'Impact of losing the data: low, medium or high (the data criticality)'),
];

const SCALING_FIELDS: readonly FieldSpec[] = [
  int('replicas', 'Fixed number of instances (wins over min_replicas/max_replicas)'),
  int('min_replicas', 'Lowest number of instances'),
  int('max_replicas', 'Highest number of instances'),
];

const INTERFACES_HELP = 'JSON array of interfaces: [{"name","type":"http|grpc|event","port"?,"visibility"?:"public|internal"}]';
const DEPENDENCIES_HELP = 'JSON array of dependencies: [{"ref":"oci://registry/repo:1.0.0","required"?,"compatibility"?:"^1.0.0","name"?}]';
const CONFIG_HELP = 'JSON array of configuration properties: [{"name","type"?:"string|integer|number|boolean|object|array","required"?}]';

export const createTool: PactoTool = {
  name: 'pacto_create',
  title: 'Create a Pacto contract',
  description:
    'Creates a service contract directory (pacto.yaml plus interface and configuration files) from what the service does. ' +
    'Answers such as stores_data or data_survives_restart become the right runtime state; keywords in the description ' +
    '(REST, gRPC, PostgreSQL, Kafka, Redis, cron) fill what is not given. The contract is validated before anything is written; ' +
    'dry_run returns it without writing. Call pacto_schema first to learn the format.',
  readOnly: false,
  fields: [
    { ...str('name', 'Service name: lower-case letters, digits and inner hyphens (e.g. "payment-api")'), required: true },
    str('description', 'What the service does, in words; keywords are used to infer interfaces, state and workload'),
    str('path', 'Directory to create (default: the name)'),
    str('version', 'Service version (default "0.1.0")'),
    str('owner', 'Owning team, e.g. "team/payments"'),
    list('interfaces', INTERFACES_HELP),
    list('dependencies', DEPENDENCIES_HELP),
    ...INTENT_FIELDS,
    list('config_properties', CONFIG_HELP),
    ...SCALING_FIELDS,
    obj('metadata', 'JSON object of free-form metadata, e.g. {"tier":"critical"}'),
    bool('dry_run', 'Validate and return the contract without writing files'),
  ],
  async run(args, { cwd }) {
    const name = args.text('name');
    if (name === undefined) throw new ToolInputError('name is required');
    return createContract(
      {
        name,
        description: args.text('description'),
        path: args.text('path'),
        version: args.text('version'),
        owner: args.text('owner'),
        interfaces: readInterfaces(args, 'interfaces'),
        dependencies: readDependencies(args, 'dependencies'),
        workload: readWorkload(args),
        data: readDataIntent(args),
        configProperties: readConfigProperties(args, 'config_properties'),
        scaling: readScaling(args),
        metadata: args.object('metadata'),
        dryRun: args.boolean('dry_run'),
      },
      { cwd },
    );
  },
};

export const editTool: PactoTool = {
  name: 'pacto_edit',
  title: 'Edit a Pacto contract',
  description:
    'Changes an existing contract: identity, interfaces (an added interface whose name exists updates it, e.g. its port), ' +
    'dependencies, runtime state from intent, configuration properties, scaling and metadata. Comments and layout of pacto.yaml ' +
    'are kept. The edited contract is validated before it is written, atomically; an invalid result writes nothing. Supports dry_run.',
  readOnly: false,
  fields: [
    str('path', 'Contract directory (default ".")'),
    str('name', 'New service name'),
    str('version', 'New service version'),
    str('owner', 'New owning team'),
    list('add_interfaces', `${INTERFACES_HELP}; an existing name is updated`),
    list('remove_interfaces', 'JSON array of interface names to remove'),
    list('add_dependencies', `${DEPENDENCIES_HELP}; an existing name is updated`),
    list('remove_dependencies', 'JSON array of dependency refs (or names) to remove'),
    ...INTENT_FIELDS,
    list('add_config_properties', CONFIG_HELP),
    ...SCALING_FIELDS,
    obj('set_metadata', 'JSON object of metadata keys to set'),
    list('remove_metadata', 'JSON array of metadata keys to remove'),
    bool('dry_run', 'Validate and return the edited contract without writing'),
  ],
  async run(args, { cwd }) {
    return editContract(
      {
        path: args.text('path'),
        name: args.text('name'),
        version: args.text('version'),
        owner: args.text('owner'),
        addInterfaces: readInterfaces(args, 'add_interfaces'),
        removeInterfaces: args.strings('remove_interfaces'),
        addDependencies: readDependencies(args, 'add_dependencies'),
        removeDependencies: args.strings('remove_dependencies'),
        workload: readWorkload(args),
        data: readDataIntent(args),
        addConfigProperties: readConfigProperties(args, 'add_config_properties'),
        scaling: readScaling(args),
        setMetadata: args.object('set_metadata'),
        removeMetadata: args.strings('remove_metadata'),
        dryRun: args.boolean('dry_run'),
      },
      { cwd },
    );
  },
};

export const checkTool: PactoTool = {
  name: 'pacto_check',
  title: 'Check a Pacto contract',
  description:
    'Validates a contract with the four layers of `pacto validate` and returns valid, errors and warnings (with line and column), ' +
    'a summary, and suggestions, each with a ready-made pacto_edit call where one applies.',
  readOnly: true,
  fields: [PATH_FIELD],
  run: (args, { reader }) => checkContract(args.text('path'), reader),
};

/** The schema pacto_schema returns by `version`; 1.1 (what pacto_create and pacto_edit write, with readiness) by default. */
const SCHEMAS: Readonly<Record<string, object>> = { '1.0': pactoV10JsonSchema, '1.1': pactoV11JsonSchema, '1.2': pactoV12JsonSchema, '2.0': pactoV20JsonSchema };

export const schemaTool: PactoTool = {
  name: 'pacto_schema',
  title: 'Pacto contract format',
  description: 'Returns the JSON Schema of pacto.yaml and a link to the documentation. Call it first, before creating or editing contracts.',
  readOnly: true,
  fields: [str('version', 'pactoVersion whose schema to return: 1.0, 1.1 (default), 1.2 or 2.0; pacto_create and pacto_edit write 1.x contracts')],
  run: async (args) => {
    const version = args.text('version') ?? '1.1';
    const schema = SCHEMAS[version];
    if (schema === undefined) throw new ToolInputError(`invalid version: ${JSON.stringify(version)}; use 1.0, 1.1, 1.2 or 2.0`);
    return {
      description:
        'Pacto contracts (pacto.yaml) describe how a service behaves in operation: interfaces, configuration, dependencies, ' +
        'runtime state, scaling, policies and readiness. Create one with pacto_create, change it with pacto_edit, and check it ' +
        'with pacto_check, which also suggests improvements.',
      docs: DOCS_URL,
      jsonSchema: JSON.stringify(schema, null, 2),
    };
  },
};

export const explainTool: PactoTool = {
  name: 'pacto_explain',
  title: 'Explain a Pacto contract',
  description: 'Summarises a contract as `pacto explain --output-format json` does: identity, owner, runtime, interfaces, dependencies, scaling and readiness.',
  readOnly: true,
  fields: [PATH_FIELD],
  run: (args, { reader }) => explainContract(args.text('path'), reader),
};

export const diffTool: PactoTool = {
  name: 'pacto_diff',
  title: 'Compare two Pacto contracts',
  description:
    'Compares two contracts (directories, .tar.gz bundles or oci:// references; a reference without a tag means the highest version) ' +
    'and classifies every change as NON_BREAKING, POTENTIAL_BREAKING or BREAKING, as `pacto diff --output-format json` does.',
  readOnly: true,
  fields: [
    { ...str('old', 'The earlier contract, e.g. oci://ghcr.io/acme/payments-pacto (the last published version)'), required: true },
    str('new', 'The later contract (default ".")'),
  ],
  async run(args, { reader }) {
    const old = args.text('old');
    if (old === undefined) throw new ToolInputError('old is required');
    return compareContracts(old, args.text('new'), reader);
  },
};

export const graphTool: PactoTool = {
  name: 'pacto_graph',
  title: 'Dependency graph of a Pacto contract',
  description: 'Resolves the dependency graph of a contract (local and oci:// dependencies), with cycles and version conflicts, as `pacto graph --output-format json` does.',
  readOnly: true,
  fields: [PATH_FIELD, bool('with_references', 'Also list configuration and policy reference edges'), bool('only_references', 'List only reference edges')],
  run: (args, { reader }) =>
    graphContract(args.text('path'), reader, args.boolean('only_references') ? 'only' : args.boolean('with_references') ? 'with' : 'none'),
};

/** The tools of `pacto mcp`: the four of cli.md §4.15, then the read-only ones. */
export const PACTO_TOOLS: readonly PactoTool[] = [createTool, editTool, checkTool, schemaTool, explainTool, diffTool, graphTool];
