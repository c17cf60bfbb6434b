import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CONTRACT_FILE } from '@pacto/bundle';
import { OWNER_TEAM_PATTERN } from '@pacto/schema';
import { McpToolError, ToolInputError } from '../tool-error.js';
import { deriveState, inferFromDescription, type DataIntent, type DescriptionHints, type Workload } from './intent.js';
import type { ConfigPropertyInput, DependencyInput, InterfaceInput, ScalingInput } from './inputs.js';
import {
  CONFIG_SCHEMA_PATH,
  DEFAULT_PORTS,
  configSchema,
  defaultCompatibility,
  dependencyName,
  interfaceContractPath,
  interfaceStub,
  jsonText,
} from './stubs.js';
import { validateBeforeWriting, type WriteResult } from './validation.js';
import { addToDirectory, orderedPaths, writeNewDirectory } from './write-files.js';
import { contractYaml } from './yaml-document.js';

export interface CreateContractInput {
  readonly name: string;
  /** Free text that keywords are inferred from (REST, gRPC, PostgreSQL, Kafka, cron…). */
  readonly description?: string | undefined;
  /** Directory to create, relative to the working directory; the name when absent. */
  readonly path?: string | undefined;
  readonly version?: string | undefined;
  readonly owner?: string | undefined;
  readonly interfaces?: readonly InterfaceInput[] | undefined;
  readonly dependencies?: readonly DependencyInput[] | undefined;
  readonly workload?: Workload | undefined;
  readonly data?: DataIntent | undefined;
  readonly configProperties?: readonly ConfigPropertyInput[] | undefined;
  readonly scaling?: ScalingInput | undefined;
  readonly metadata?: Readonly<Record<string, unknown>> | undefined;
  /** Validate and return the result without writing anything. */
  readonly dryRun?: boolean | undefined;
}

export interface CreateContractResult extends WriteResult {
  readonly fileCount: number;
  /** What was inferred or defaulted rather than given. */
  readonly derived: readonly string[];
}

/**
 * Builds a pactoVersion 1.0 contract from intent (pacto_create, cli.md §4.15), validates it with its
 * interface and configuration files, then writes the directory whole — or nothing, on a dry run or a failure.
 */
export async function createContract(input: CreateContractInput, options: { readonly cwd: string }): Promise<CreateContractResult> {
  if (!input.name) throw new ToolInputError('name is required');
  const shown = input.path || input.name;
  const dir = resolve(options.cwd, shown);
  const display = `${shown.replace(/\/+$/, '')}/${CONTRACT_FILE}`;
  const existing = await directoryState(dir, display);

  const derived: string[] = [];
  const hints = inferFromDescription(input.description);
  if (hints.matched.length > 0) derived.push(`description keywords: ${hints.matched.join(', ')}`);
  const interfaces = resolveInterfaces(input, hints, derived);
  const files = new Map<string, string>();
  const contract = buildContract(input, hints, interfaces, derived, files);
  files.set(CONTRACT_FILE, contractYaml(contract));

  // Files already in an existing directory are kept (and validated as they are), never overwritten.
  const kept = new Map<string, Uint8Array>();
  if (existing === 'directory') {
    for (const path of files.keys()) {
      const bytes = await readFile(join(dir, ...path.split('/'))).catch(() => undefined);
      if (bytes) kept.set(path, new Uint8Array(bytes));
    }
    for (const path of kept.keys()) {
      files.delete(path);
      derived.push(`kept the existing ${path}`);
    }
  }
  const text = files.get(CONTRACT_FILE) ?? '';
  const checked = await validateBeforeWriting('the generated contract', display, text, undefined, new Map<string, string | Uint8Array>([...kept, ...files]));

  const dryRun = input.dryRun === true;
  if (!dryRun) {
    if (existing === 'missing') await writeNewDirectory(dir, files);
    else await addToDirectory(dir, files);
  }
  const written = dryRun ? [] : orderedPaths(files).map((path) => `${shown.replace(/\/+$/, '')}/${path}`);
  return {
    path: display,
    dryRun,
    files: written,
    fileCount: written.length,
    ...checked,
    derived,
    ...(dryRun ? { contract: text } : {}),
  };
}

async function directoryState(dir: string, display: string): Promise<'missing' | 'directory'> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) return 'missing';
  if (!info.isDirectory()) throw new McpToolError('NOT_A_DIRECTORY', `${display.slice(0, -CONTRACT_FILE.length - 1)} is not a directory`);
  if (await stat(join(dir, CONTRACT_FILE)).catch(() => undefined)) {
    throw new McpToolError('CONTRACT_EXISTS', `${display} already exists`, { hint: 'use pacto_edit to change an existing contract' });
  }
  return 'directory';
}

/** Explicit interfaces, or the ones the description suggests; each gets a type, a port and a definition file. */
function resolveInterfaces(input: CreateContractInput, hints: DescriptionHints, derived: string[]): InterfaceInput[] {
  let given = input.interfaces ? [...input.interfaces] : [];
  if (!input.interfaces) {
    if (hints.http) given.push({ name: 'api', type: 'http' });
    if (hints.grpc) given.push({ name: 'grpc', type: 'grpc' });
    if (hints.events) given.push({ name: 'events', type: 'event' });
    for (const iface of given) derived.push(`interface "${iface.name}" (${iface.type}) from the description`);
  }
  given = given.map((iface) => {
    let type = iface.type;
    if (type === undefined) {
      type = 'http';
      derived.push(`interface "${iface.name}": type http (default)`);
    }
    let port = iface.port;
    if (port === undefined && DEFAULT_PORTS[type] !== undefined) {
      port = DEFAULT_PORTS[type];
      derived.push(`interface "${iface.name}": port ${port} (default for ${type})`);
    }
    const withType = { ...iface, type, ...(port === undefined ? {} : { port }) };
    return { ...withType, ...(iface.contract ? {} : contractOf(withType)) };
  });
  return given;
}

function contractOf(iface: InterfaceInput): { contract?: string } {
  const contract = interfaceContractPath(iface);
  return contract ? { contract } : {};
}

function buildContract(
  input: CreateContractInput,
  hints: DescriptionHints,
  interfaces: readonly InterfaceInput[],
  derived: string[],
  files: Map<string, string>,
): Record<string, unknown> {
  const service: Record<string, unknown> = { name: input.name, version: input.version || '0.1.0' };
  if (!input.version) derived.push('service.version 0.1.0 (default)');
  if (input.owner) service.owner = OWNER_TEAM_PATTERN.test(input.owner) ? { team: input.owner } : input.owner;
  const contract: Record<string, unknown> = { pactoVersion: '1.0', service };

  if (interfaces.length > 0) {
    contract.interfaces = interfaces.map((iface) => ({ ...iface }));
    for (const iface of interfaces) {
      if (iface.contract && iface.contract === interfaceContractPath(iface)) files.set(iface.contract, interfaceStub(input.name, iface));
    }
  }
  if (input.configProperties) {
    contract.configurations = [{ name: 'default', schema: CONFIG_SCHEMA_PATH }];
    files.set(CONFIG_SCHEMA_PATH, jsonText(configSchema(input.configProperties)));
  }
  if (input.dependencies && input.dependencies.length > 0) {
    contract.dependencies = input.dependencies.map((dep) => {
      const name = dep.name || dependencyName(dep);
      const compatibility = dep.compatibility || defaultCompatibility(dep.ref);
      if (!dep.name) derived.push(`dependency name "${name}" from ${dep.ref}`);
      if (!dep.compatibility) derived.push(`dependency "${name}": compatibility ${compatibility} (from the reference)`);
      return { name, ref: dep.ref, ...(dep.required === undefined ? {} : { required: dep.required }), compatibility };
    });
  }
  contract.runtime = buildRuntime(input, hints, interfaces, derived);
  const scaling = buildScaling(input.scaling);
  if (scaling) contract.scaling = scaling;
  if (input.metadata && Object.keys(input.metadata).length > 0) contract.metadata = { ...input.metadata };
  return contract;
}

function buildRuntime(input: CreateContractInput, hints: DescriptionHints, interfaces: readonly InterfaceInput[], derived: string[]): Record<string, unknown> {
  const workload = input.workload ?? hints.workload ?? 'service';
  if (!input.workload) derived.push(`runtime.workload ${workload}${hints.workload ? ' from the description' : ' (default)'}`);
  const data = input.data ?? {};
  const intent: DataIntent = {
    storesData: data.storesData ?? hints.storesData,
    survivesRestart: data.survivesRestart ?? hints.durable,
    sharedAcrossInstances: data.sharedAcrossInstances ?? hints.shared,
    lossImpact: data.lossImpact,
  };
  const state = deriveState(intent);
  derived.push(`runtime.state ${state.type}, ${state.persistence.scope}/${state.persistence.durability}, ${state.dataCriticality} criticality`);
  const runtime: Record<string, unknown> = { workload, state };
  const http = interfaces.find((iface) => iface.type === 'http' && iface.contract === interfaceContractPath(iface));
  if (http && workload === 'service') {
    // The generated OpenAPI stub answers /health, so the probe points at it.
    runtime.health = { interface: http.name, path: '/health' };
    derived.push(`runtime.health on interface "${http.name}" at /health`);
  }
  return runtime;
}

/** `replicas` wins over min/max; one bound alone gets the other from it. */
function buildScaling(scaling: ScalingInput | undefined): Record<string, number> | undefined {
  if (!scaling) return undefined;
  if (scaling.replicas !== undefined) return { replicas: scaling.replicas };
  if (scaling.min === undefined && scaling.max === undefined) return undefined;
  const min = scaling.min ?? Math.min(1, scaling.max ?? 1);
  return { min, max: scaling.max ?? Math.max(min, 1) };
}
