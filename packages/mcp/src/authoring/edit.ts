import { resolve } from 'node:path';
import { CONTRACT_FILE, loadBundleDir } from '@pacto/bundle';
import { OWNER_TEAM_PATTERN, parseContract } from '@pacto/schema';
import { isMap, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import { McpToolError } from '../tool-error.js';
import { deriveState, hasDataIntent, intentOf, type DataIntent, type StateBlock, type Workload } from './intent.js';
import type { ConfigPropertyInput, DependencyInput, InterfaceInput, ScalingInput } from './inputs.js';
import { CONFIG_SCHEMA_PATH, DEFAULT_PORTS, addConfigProperties, configSchema, defaultCompatibility, dependencyName } from './stubs.js';
import { interfaceContractPath, interfaceStub, jsonText } from './stubs.js';
import { validateBeforeWriting, type WriteResult } from './validation.js';
import { orderedPaths, replaceInDirectory } from './write-files.js';

export interface EditContractInput {
  /** The contract directory, relative to the working directory; `.` when absent. */
  readonly path?: string | undefined;
  readonly name?: string | undefined;
  readonly version?: string | undefined;
  readonly owner?: string | undefined;
  /** New interfaces; one whose name exists already updates that interface (its port, type, visibility). */
  readonly addInterfaces?: readonly InterfaceInput[] | undefined;
  readonly removeInterfaces?: readonly string[] | undefined;
  /** New dependencies; one whose name exists already updates that dependency. */
  readonly addDependencies?: readonly DependencyInput[] | undefined;
  /** Refs (or names) of the dependencies to remove. */
  readonly removeDependencies?: readonly string[] | undefined;
  readonly workload?: Workload | undefined;
  readonly data?: DataIntent | undefined;
  readonly addConfigProperties?: readonly ConfigPropertyInput[] | undefined;
  readonly scaling?: ScalingInput | undefined;
  readonly setMetadata?: Readonly<Record<string, unknown>> | undefined;
  readonly removeMetadata?: readonly string[] | undefined;
  readonly dryRun?: boolean | undefined;
}

export interface EditContractResult extends WriteResult {
  /** One line per change, e.g. `interfaces: "api" port 8080 -> 9090`. Empty when nothing changed (nothing written). */
  readonly changes: readonly string[];
}

// Top-level keys in the order of the format, so a new section lands where a person would put it.
const SECTION_ORDER = ['pactoVersion', 'service', 'interfaces', 'configurations', 'policies', 'dependencies', 'runtime', 'scaling', 'readiness', 'metadata'];

/**
 * Edits a contract directory (pacto_edit, cli.md §4.15). The YAML is changed in place, so comments and
 * layout survive; the edited contract and any new interface or configuration files are validated together,
 * and only a valid result is written (each file atomically, pacto.yaml last).
 */
export async function editContract(input: EditContractInput, options: { readonly cwd: string }): Promise<EditContractResult> {
  const shown = (input.path || '.').replace(/\/+$/, '') || '/';
  const dir = resolve(options.cwd, shown);
  const display = `${shown}/${CONTRACT_FILE}`;
  const bundle = await loadBundleDir(dir);
  const doc = parseDocument(bundle.text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    // The contract reader words YAML problems for people (where a quote opens, no library jargon).
    const parsed = parseContract(bundle.text, display);
    const message = parsed.ok ? `failed to parse ${display}: the document is not a mapping` : parsed.error.located;
    const hint = (parsed.ok ? undefined : parsed.error.hint) ?? 'fix the YAML by hand, then edit again';
    throw new McpToolError('CONTRACT_INVALID', message, { hint });
  }
  const editor = new ContractEditor(doc as Document.Parsed<YAMLMap.Parsed>, (path) => bundle.files.readFile(path));
  editor.apply(input);

  const files = new Map(editor.files);
  if (editor.changes.length > 0) files.set(CONTRACT_FILE, doc.toString({ lineWidth: 0 }));
  const text = files.get(CONTRACT_FILE) ?? bundle.text;
  const checked = await validateBeforeWriting('the edited contract', display, text, bundle.files, files);

  const dryRun = input.dryRun === true;
  const write = !dryRun && editor.changes.length > 0;
  if (write) await replaceInDirectory(dir, files);
  return {
    path: display,
    dryRun,
    changes: editor.changes,
    files: write ? orderedPaths(files).map((path) => `${shown}/${path}`) : [],
    ...checked,
    ...(dryRun ? { contract: text } : {}),
  };
}

/** The edits of one pacto_edit call on a parsed contract document. */
class ContractEditor {
  readonly changes: string[] = [];
  /** Interface and configuration files to add or replace, bundle-relative. */
  readonly files = new Map<string, string>();

  constructor(
    private readonly doc: Document.Parsed<YAMLMap.Parsed>,
    private readonly readFile: (path: string) => Uint8Array | undefined,
  ) {}

  apply(input: EditContractInput): void {
    this.service(input);
    for (const name of input.removeInterfaces ?? []) this.removeInterface(name);
    for (const iface of input.addInterfaces ?? []) this.addInterface(iface);
    for (const ref of input.removeDependencies ?? []) this.removeDependency(ref);
    for (const dep of input.addDependencies ?? []) this.addDependency(dep);
    if (input.workload !== undefined || hasDataIntent(input.data)) this.runtime(input.workload, input.data ?? {});
    if (input.addConfigProperties && input.addConfigProperties.length > 0) this.configProperties(input.addConfigProperties);
    if (input.scaling) this.scaling(input.scaling);
    // A job must not declare scaling (contract.md §3.8): turning a service into a job drops it, unless asked for.
    const scalingAsked = input.scaling !== undefined && Object.values(input.scaling).some((value) => value !== undefined);
    if (input.workload === 'job' && !scalingAsked && this.doc.has('scaling')) {
      this.doc.delete('scaling');
      this.changes.push('scaling: removed (a job does not scale)');
    }
    this.metadata(input.setMetadata ?? {}, input.removeMetadata ?? []);
  }

  private get js(): Record<string, unknown> {
    return (this.doc.toJS() ?? {}) as Record<string, unknown>;
  }

  private set(path: readonly (string | number)[], value: unknown, change: string): void {
    if (JSON.stringify(this.jsAt(path)) === JSON.stringify(value)) return;
    this.doc.setIn(path, this.doc.createNode(value));
    this.changes.push(change);
  }

  private jsAt(path: readonly (string | number)[]): unknown {
    let value: unknown = this.js;
    for (const key of path) value = (value as Record<string | number, unknown> | undefined)?.[key];
    return value;
  }

  /** Adds a top-level section at its place in the format's order. */
  private ensureSection(key: string, empty: unknown): void {
    if (this.doc.has(key)) return;
    const items = (this.doc.contents as YAMLMap).items;
    const rank = SECTION_ORDER.indexOf(key);
    const at = items.findIndex((pair) => SECTION_ORDER.indexOf(String((pair.key as { value?: unknown }).value)) > rank);
    const pair = this.doc.createPair(key, empty);
    if (at < 0) items.push(pair as never);
    else items.splice(at, 0, pair as never);
  }

  private service(input: EditContractInput): void {
    const service = (this.js.service ?? {}) as Record<string, unknown>;
    if (input.name !== undefined) this.set(['service', 'name'], input.name, `service.name: ${show(service.name)} -> ${show(input.name)}`);
    if (input.version !== undefined) this.set(['service', 'version'], input.version, `service.version: ${show(service.version)} -> ${show(input.version)}`);
    if (input.owner !== undefined) {
      const structured = isMap(this.doc.getIn(['service', 'owner'])) || service.owner === undefined;
      if (structured && OWNER_TEAM_PATTERN.test(input.owner)) this.set(['service', 'owner', 'team'], input.owner, `service.owner.team: ${show(input.owner)}`);
      else this.set(['service', 'owner'], input.owner, `service.owner: ${show(input.owner)}`);
    }
  }

  private list(key: 'interfaces' | 'dependencies'): Record<string, unknown>[] {
    const value = this.js[key];
    return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  }

  private removeInterface(name: string): void {
    const index = this.list('interfaces').findIndex((iface) => iface.name === name);
    if (index < 0) throw notFound('interface', name, this.list('interfaces').map((iface) => String(iface.name)));
    this.doc.deleteIn(['interfaces', index]);
    this.changes.push(`interfaces: removed ${show(name)}`);
  }

  private addInterface(iface: InterfaceInput): void {
    const interfaces = this.list('interfaces');
    const index = interfaces.findIndex((existing) => existing.name === iface.name);
    if (index >= 0) {
      this.updateInterface(index, interfaces[index]!, iface);
      return;
    }
    const type = iface.type ?? 'http';
    const port = iface.port ?? DEFAULT_PORTS[type];
    let entry: InterfaceInput = { name: iface.name, type, ...(port === undefined ? {} : { port }), ...(iface.visibility ? { visibility: iface.visibility } : {}) };
    entry = { ...entry, ...this.definitionFile(entry, iface.contract) };
    this.ensureSection('interfaces', []);
    this.doc.addIn(['interfaces'], this.doc.createNode(entry));
    this.changes.push(`interfaces: added ${show(iface.name)} (${[type, ...(port === undefined ? [] : [`port ${port}`])].join(', ')})`);
  }

  private updateInterface(index: number, current: Record<string, unknown>, iface: InterfaceInput): void {
    for (const key of ['type', 'port', 'visibility', 'contract'] as const) {
      const value = iface[key];
      if (value === undefined || value === current[key]) continue;
      this.doc.setIn(['interfaces', index, key], value);
      this.changes.push(`interfaces: ${show(iface.name)} ${key} ${current[key] === undefined ? '' : `${show(current[key])} -> `}${show(value)}`);
    }
    const type = String(iface.type ?? current.type);
    if (current.port === undefined && iface.port === undefined && DEFAULT_PORTS[type] !== undefined) {
      this.doc.setIn(['interfaces', index, 'port'], DEFAULT_PORTS[type]);
      this.changes.push(`interfaces: ${show(iface.name)} port ${DEFAULT_PORTS[type]} (default for ${type})`);
    }
    if (current.contract === undefined && iface.contract === undefined && type !== 'http') {
      const file = this.definitionFile({ name: iface.name, type });
      if (file.contract) this.doc.setIn(['interfaces', index, 'contract'], file.contract);
    }
  }

  /** The definition file of a new interface: the given path, or a stub written beside the contract. */
  private definitionFile(iface: InterfaceInput, given?: string): { contract?: string } {
    if (given) return { contract: given };
    const path = interfaceContractPath(iface);
    if (!path) return {};
    if (this.readFile(path) === undefined) {
      this.files.set(path, interfaceStub(String(this.jsAt(['service', 'name']) ?? 'service'), iface));
      this.changes.push(`${path}: new ${iface.type} definition stub`);
    }
    return { contract: path };
  }

  private removeDependency(refOrName: string): void {
    const deps = this.list('dependencies');
    const index = deps.findIndex((dep) => dep.ref === refOrName || dep.name === refOrName);
    if (index < 0) throw notFound('dependency', refOrName, deps.map((dep) => String(dep.ref)));
    this.doc.deleteIn(['dependencies', index]);
    this.changes.push(`dependencies: removed ${show(deps[index]!.name)} (${String(deps[index]!.ref)})`);
  }

  private addDependency(dep: DependencyInput): void {
    const name = dep.name || dependencyName(dep);
    const deps = this.list('dependencies');
    const index = deps.findIndex((existing) => existing.name === name);
    const entry = {
      name,
      ref: dep.ref,
      ...(dep.required === undefined ? (index >= 0 && deps[index]!.required !== undefined ? { required: deps[index]!.required } : {}) : { required: dep.required }),
      compatibility: dep.compatibility || (index >= 0 ? String(deps[index]!.compatibility) : defaultCompatibility(dep.ref)),
    };
    if (index >= 0) {
      this.set(['dependencies', index], entry, `dependencies: ${show(name)} -> ${dep.ref} (${entry.compatibility})`);
      return;
    }
    this.ensureSection('dependencies', []);
    this.doc.addIn(['dependencies'], this.doc.createNode(entry));
    this.changes.push(`dependencies: added ${show(name)} (${dep.ref}, ${entry.compatibility})`);
  }

  private runtime(workload: Workload | undefined, data: DataIntent): void {
    const version = String(this.js.pactoVersion ?? '');
    if (version !== '1.0' && version !== '1.1') {
      throw new McpToolError('UNSUPPORTED_REFERENCE', `pacto_edit changes the runtime of pactoVersion 1.0 and 1.1 contracts only, this one is ${show(version)}`);
    }
    const runtime = this.js.runtime as { workload?: string; state?: Partial<StateBlock> } | undefined;
    if (!runtime) {
      this.ensureSection('runtime', { workload: workload ?? 'service', state: deriveState(data) });
      this.changes.push(`runtime: added (${workload ?? 'service'}, ${deriveState(data).type})`);
      return;
    }
    if (workload !== undefined) this.set(['runtime', 'workload'], workload, `runtime.workload: ${show(runtime.workload)} -> ${show(workload)}`);
    if (!hasDataIntent(data)) return;
    const current = intentOf(runtime.state);
    const state = deriveState({
      storesData: data.storesData ?? current.storesData,
      survivesRestart: data.survivesRestart ?? current.survivesRestart,
      sharedAcrossInstances: data.sharedAcrossInstances ?? current.sharedAcrossInstances,
      // An explicit impact wins; otherwise a change of "stores data" re-derives the default criticality.
      lossImpact: data.lossImpact ?? (data.storesData === undefined ? current.lossImpact : undefined),
    });
    // A hybrid service that still stores data stays hybrid.
    if (state.type === 'stateful' && runtime.state?.type === 'hybrid') state.type = 'hybrid';
    // Scalars one by one, so comments on the state block survive.
    const scalars: [string[], string][] = [
      [['type'], state.type],
      [['persistence', 'scope'], state.persistence.scope],
      [['persistence', 'durability'], state.persistence.durability],
      [['dataCriticality'], state.dataCriticality],
    ];
    for (const [path, value] of scalars) {
      this.set(['runtime', 'state', ...path], value, `runtime.state.${path.join('.')}: ${show(this.jsAt(['runtime', 'state', ...path]))} -> ${show(value)}`);
    }
  }

  private configProperties(properties: readonly ConfigPropertyInput[]): void {
    const configurations = Array.isArray(this.js.configurations) ? (this.js.configurations as Record<string, unknown>[]) : [];
    let schemaPath = configurations.find((config) => typeof config.schema === 'string')?.schema as string | undefined;
    if (!schemaPath) {
      schemaPath = CONFIG_SCHEMA_PATH;
      const name = configurations.some((config) => config.name === 'default') ? 'service' : 'default';
      this.ensureSection('configurations', []);
      this.doc.addIn(['configurations'], this.doc.createNode({ name, schema: schemaPath }));
      this.changes.push(`configurations: added ${show(name)} with ${schemaPath}`);
    }
    const bytes = this.readFile(schemaPath);
    let schema: Record<string, unknown>;
    if (bytes === undefined) {
      schema = configSchema(properties);
    } else {
      try {
        schema = addConfigProperties(JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>, properties);
      } catch (error) {
        throw new McpToolError('CONTRACT_INVALID', `${schemaPath} is not valid JSON: ${(error as Error).message}`);
      }
    }
    this.files.set(schemaPath, jsonText(schema));
    this.changes.push(`${schemaPath}: properties ${properties.map((property) => property.name).join(', ')}`);
  }

  private scaling(input: ScalingInput): void {
    if (input.replicas === undefined && input.min === undefined && input.max === undefined) return;
    const current = (this.js.scaling ?? {}) as { replicas?: number; min?: number; max?: number };
    let next: Record<string, number>;
    if (input.replicas !== undefined) next = { replicas: input.replicas };
    else {
      const min = input.min ?? current.min ?? Math.min(1, input.max ?? 1);
      next = { min, max: input.max ?? current.max ?? Math.max(min, 1) };
    }
    const before = current.replicas !== undefined ? `${current.replicas} replicas` : current.min !== undefined ? `${current.min}-${current.max}` : 'none';
    const after = next.replicas !== undefined ? `${next.replicas} replicas` : `${next.min}-${next.max}`;
    if (!this.doc.has('scaling')) this.ensureSection('scaling', next);
    this.set(['scaling'], next, `scaling: ${before} -> ${after}`);
  }

  private metadata(set: Readonly<Record<string, unknown>>, remove: readonly string[]): void {
    for (const [key, value] of Object.entries(set)) {
      this.ensureSection('metadata', {});
      this.set(['metadata', key], value, `metadata.${key}: ${show(value)}`);
    }
    for (const key of remove) {
      if (!this.doc.hasIn(['metadata', key])) continue;
      this.doc.deleteIn(['metadata', key]);
      this.changes.push(`metadata.${key}: removed`);
    }
    const metadata = this.doc.get('metadata');
    if (isMap(metadata) && metadata.items.length === 0) this.doc.delete('metadata');
    if (isSeq(metadata)) throw new McpToolError('CONTRACT_INVALID', 'metadata is a list, not a mapping');
  }
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : value === undefined ? '(none)' : JSON.stringify(value);
}

function notFound(what: string, name: string, known: readonly string[]): McpToolError {
  return new McpToolError('NOT_FOUND', `no ${what} ${JSON.stringify(name)} in the contract`, {
    hint: known.length > 0 ? `the contract has: ${known.join(', ')}` : `the contract declares no ${what === 'interface' ? 'interfaces' : 'dependencies'}`,
  });
}
