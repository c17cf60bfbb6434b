import { LineCounter, Scalar, isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { BundleFS } from '../bundle-fs.js';
import { contractFormat } from '../contract-types.js';
import { isValidBundlePath } from '../grammar/bundle-path.js';
import { parseValidationReference, splitRef } from '../grammar/oci-reference.js';
import { epochDay, parseReadinessDate } from '../grammar/readiness-date.js';
import { CAPABILITY_PATH_PATTERN, OWNER_DRI_PATTERN, OWNER_TEAM_PATTERN } from '../contract-rules.js';
import { parseContract } from '../parse/parse-contract.js';
import type { ContractParseError } from '../parse/contract-parse-error.js';
import { PactoError } from '../pacto-error.js';
import { interfaceSpecProblem, isYamlFileName } from '../spec-file.js';
import { detectLayout } from './layout.js';
import {
  insertPair,
  mapAt,
  pairOf,
  positionOf,
  removePair,
  renameKey,
  replacePair,
  scalarText,
  seqAt,
  type AnyPair,
} from './yaml-edit.js';

// `pacto migrate`: a 1.0/1.1/1.2 contract rewritten as 2.0 (contract-2.0.md §11), in place on the YAML document so
// that every field that survives keeps its key order, comments and quoting. What 2.0 cannot carry is listed as a
// note at its original line and column.

export type MigrationNoteCode = 'FIELD_NOT_CARRIED' | 'INTERFACE_NOT_CARRIED' | 'BINDING_NOT_CARRIED' | 'REF_CHANGED' | 'VALUE_ASSUMED';

export interface MigrationNote {
  readonly code: MigrationNoteCode;
  /** The field in the original contract, in validation path style (`interfaces[1].port`). */
  readonly path: string;
  readonly message: string;
  /** What to do about it, when there is something to say. */
  readonly hint?: string;
  /** 1-based position in the original file. */
  readonly line?: number;
  readonly column?: number;
}

export interface MigrateOptions {
  /** For messages (default `pacto.yaml`). */
  readonly fileName?: string;
  /** The bundle's files: an interface is carried only when 2.0 can read its spec file. */
  readonly files?: BundleFS;
  /** The migration date, for 1.1 evidence that has expired (default: now). */
  readonly now?: Date;
}

export type MigrationResult =
  | {
      readonly ok: true;
      /** The `pactoVersion` the file had. */
      readonly from: string;
      readonly to: '2.0';
      /** The 2.0 contract text (the input itself when it already was 2.0). */
      readonly text: string;
      readonly notes: readonly MigrationNote[];
      /** True when the input already was 2.0 and nothing changed. */
      readonly unchanged: boolean;
    }
  | { readonly ok: false; readonly error: ContractParseError | MigrationError };

export class MigrationError extends PactoError {
  override readonly name = 'MigrationError';
  constructor(message: string, hint?: string) {
    super('MIGRATE_FAILED', message, hint === undefined ? {} : { hint });
  }
}

const INTERFACE_TYPES: Readonly<Record<string, string>> = { http: 'openapi', event: 'asyncapi', grpc: 'grpc' };
const MS_PER_DAY = 86_400_000;

class Migration {
  readonly notes: MigrationNote[] = [];
  /** Interfaces carried into 2.0, by name, with their 1.x type. */
  readonly carried = new Map<string, string>();

  constructor(
    readonly doc: Document,
    readonly root: YAMLMap,
    readonly lines: LineCounter,
    readonly options: MigrateOptions,
  ) {}

  note(code: MigrationNoteCode, path: string, node: unknown, message: string, hint?: string): void {
    const at = positionOf(this.lines, node);
    this.notes.push({ code, path, message, ...(hint === undefined ? {} : { hint }), ...(at === undefined ? {} : at) });
  }

  /** Removes a pair that 2.0 does not have, with a note. */
  drop(map: YAMLMap, key: string, path: string, message: string, hint?: string): void {
    const pair = pairOf(map, key);
    if (pair === undefined) return;
    this.note('FIELD_NOT_CARRIED', path, pair.key, message, hint);
    removePair(map, pair);
  }

  run(): void {
    this.version();
    this.service();
    this.interfaces();
    this.configurations();
    this.policies();
    this.dependencies();
    this.runtime();
    this.drop(this.root, 'scaling', 'scaling', '2.0 has no scaling: the instance count is left to the deployment', 'keep the replica count or autoscaler in your deployment manifests');
    this.readiness();
  }

  version(): void {
    const value = pairOf(this.root, 'pactoVersion')?.value;
    if (!isScalar(value)) return;
    value.value = '2.0';
    // A plain 2.0 would be a number, which no format accepts.
    if (value.type !== Scalar.QUOTE_SINGLE) value.type = Scalar.QUOTE_DOUBLE;
  }

  service(): void {
    const service = mapAt(this.root, 'service');
    if (service === undefined) return;
    const owner = pairOf(service, 'owner');
    if (owner !== undefined && isScalar(owner.value) && typeof owner.value.value === 'string') {
      const text = owner.value.value;
      const key = OWNER_TEAM_PATTERN.test(text) ? 'team' : OWNER_DRI_PATTERN.test(text) ? 'dri' : undefined;
      if (key === undefined) {
        this.note('FIELD_NOT_CARRIED', 'service.owner', owner.key, `the owner ${JSON.stringify(text)} is neither a team nor a person name 2.0 accepts`, 'write it as owner: {team: …} with letters, digits, ".", "_", "/" and "-"');
        removePair(service, owner);
      } else {
        const comment = owner.value.comment;
        const replacement = this.doc.createNode({ [key]: text }) as YAMLMap;
        if (comment) replacement.comment = comment;
        owner.value = replacement;
      }
    }
    this.drop(service, 'image', 'service.image', '2.0 has no service.image: the container image is a delivery concern', 'keep the image reference in your deployment manifests');
    this.drop(service, 'chart', 'service.chart', '2.0 has no service.chart: the Helm chart is a delivery concern', 'keep the chart reference in your deployment tooling');
  }

  /** Why 2.0 cannot take this interface's spec file, or undefined when it can. */
  specProblem(path: string): string | undefined {
    const files = this.options.files;
    if (files === undefined || !isValidBundlePath(path)) {
      return /\.json$/i.test(path) || isYamlFileName(path) ? undefined : 'is neither JSON nor YAML';
    }
    const bytes = files.readFile(path);
    if (bytes === undefined) return undefined; // missing already in 1.x; validation says so
    const problem = interfaceSpecProblem(path, new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
    return problem === undefined ? undefined : isYamlFileName(path) ? 'is not valid YAML' : 'is not JSON';
  }

  interfaces(): void {
    const list = seqAt(this.root, 'interfaces');
    if (list === undefined) return;
    const kept = [];
    for (const [i, item] of list.items.entries()) {
      if (!isMap(item)) {
        kept.push(item);
        continue;
      }
      const name = scalarText(item, 'name') ?? '';
      const type = scalarText(item, 'type') ?? '';
      const contract = scalarText(item, 'contract');
      const base = `interfaces[${i}]`;
      const problem = contract === undefined ? undefined : this.specProblem(contract);
      if (contract === undefined || problem !== undefined) {
        const why =
          contract === undefined
            ? 'it has no contract file, and every 2.0 interface refers to its spec file'
            : `its contract file ${JSON.stringify(contract)} ${problem}, and 2.0 reads interface specs as JSON or YAML`;
        const spec = type === 'grpc' ? 'a gRPC descriptor in JSON or YAML' : type === 'event' ? 'an AsyncAPI document' : 'an OpenAPI document';
        this.note('INTERFACE_NOT_CARRIED', base, item, `interface ${JSON.stringify(name)} is not carried: ${why}`, `add ${spec} to the bundle and declare the interface with type ${INTERFACE_TYPES[type] ?? type} and ref: <file>`);
        continue;
      }
      const typePair = pairOf(item, 'type');
      if (typePair !== undefined && isScalar(typePair.value) && INTERFACE_TYPES[type] !== undefined) typePair.value.value = INTERFACE_TYPES[type];
      const contractPair = pairOf(item, 'contract');
      if (contractPair !== undefined) renameKey(contractPair, 'ref');
      const port = pairOf(item, 'port');
      if (port !== undefined) {
        this.note('FIELD_NOT_CARRIED', `${base}.port`, port.key, `the port of interface ${JSON.stringify(name)} is not carried: 2.0 leaves ports to the deployment`);
        removePair(item, port);
      }
      this.carried.set(name, type);
      kept.push(item);
    }
    list.items = kept;
    if (kept.length === 0) {
      const pair = pairOf(this.root, 'interfaces');
      if (pair !== undefined) removePair(this.root, pair);
    }
  }

  configurations(): void {
    const list = seqAt(this.root, 'configurations');
    if (list === undefined) return;
    const names: string[] = [];
    list.items.forEach((item, i) => {
      if (!isMap(item)) return;
      this.checkRef(item, `configurations[${i}]`);
      if (pairOf(item, 'required') === undefined) {
        insertPair(this.doc, item, 'required', true);
        names.push(scalarText(item, 'name') ?? String(i));
      }
    });
    if (names.length > 0) {
      this.note(
        'VALUE_ASSUMED',
        'configurations',
        pairOf(this.root, 'configurations')?.key,
        `2.0 asks whether each configuration is required; ${names.map((n) => JSON.stringify(n)).join(', ')} ${names.length === 1 ? 'is' : 'are'} marked required: true`,
        'set required: false where the service runs without it',
      );
    }
  }

  policies(): void {
    seqAt(this.root, 'policies')?.items.forEach((item, i) => {
      if (isMap(item)) this.checkRef(item, `policies[${i}]`);
    });
  }

  dependencies(): void {
    seqAt(this.root, 'dependencies')?.items.forEach((item, i) => {
      if (!isMap(item)) return;
      this.checkRef(item, `dependencies[${i}]`);
      // 1.x read an absent `required` as false; 2.0 wants it written.
      if (pairOf(item, 'required') === undefined) insertPair(this.doc, item, 'required', false, pairOf(item, 'ref') === undefined ? undefined : 'ref');
    });
  }

  /** 2.0 checks OCI tags and digests (contract-2.0.md §3.11): a malformed one is removed. */
  checkRef(item: YAMLMap, base: string): void {
    const pair = pairOf(item, 'ref');
    if (pair === undefined || !isScalar(pair.value) || typeof pair.value.value !== 'string') return;
    const ref = pair.value.value;
    const split = splitRef(ref);
    if (split.scheme !== 'oci' || !parseValidationReference(split.location).ok || parseValidationReference(split.location, { strict: true }).ok) return;
    const at = split.location.indexOf('@');
    const withoutDigest = at < 0 ? split.location : split.location.slice(0, at);
    let fixed = withoutDigest;
    if (!parseValidationReference(fixed, { strict: true }).ok) {
      const colon = fixed.lastIndexOf(':');
      if (colon > fixed.lastIndexOf('/')) fixed = fixed.slice(0, colon);
    }
    pair.value.value = `oci://${fixed}`;
    this.note(
      'REF_CHANGED',
      `${base}.ref`,
      pair.value,
      `${JSON.stringify(ref)} has a malformed tag or digest, which 2.0 refuses; it now reads ${JSON.stringify(pair.value.value)}`,
      'pin a full digest (sha256:<64 hex>) or a valid tag',
    );
  }

  runtime(): void {
    const runtimePair = pairOf(this.root, 'runtime');
    if (runtimePair === undefined || !isMap(runtimePair.value)) return;
    const runtime = runtimePair.value;
    const moved: AnyPair[] = [];
    for (const key of ['workload', 'state']) {
      const pair = pairOf(runtime, key);
      if (pair !== undefined) moved.push(pair);
    }
    const lifecycle = pairOf(runtime, 'lifecycle');
    if (lifecycle !== undefined) {
      this.note('FIELD_NOT_CARRIED', 'runtime.lifecycle', lifecycle.key, '2.0 has no lifecycle: upgrade strategy and shutdown grace belong to the deployment', 'keep them in your deployment manifests');
    }
    const capabilities = (['health', 'metrics'] as const)
      .map((kind) => this.capability(runtime, kind))
      .filter((item): item is YAMLMap => item !== undefined);
    if (capabilities.length > 0) {
      const seq = this.doc.createNode([]) as YAMLSeq;
      seq.items.push(...capabilities);
      const pair = this.doc.createPair('capabilities', seq) as AnyPair;
      // A file that separates its sections with blank lines gets one before the new section too.
      if (isScalar(runtimePair.key) && runtimePair.key.spaceBefore === true && isScalar(pair.key)) pair.key.spaceBefore = true;
      moved.push(pair);
    }
    replacePair(this.root, runtimePair, moved);
  }

  /** A runtime probe as a capability, bound to its interface when 2.0 can express the binding. */
  capability(runtime: YAMLMap, kind: 'health' | 'metrics'): YAMLMap | undefined {
    const pair = pairOf(runtime, kind);
    if (pair === undefined || !isMap(pair.value)) return undefined;
    const probe = pair.value;
    const base = `runtime.${kind}`;
    const name = scalarText(probe, 'interface') ?? '';
    const path = scalarText(probe, 'path');
    const type = this.carried.get(name);
    const capability = this.doc.createNode({ type: kind }) as YAMLMap;
    const keyComment = isScalar(pair.key) ? pair.key.commentBefore : undefined;
    if (keyComment) capability.commentBefore = keyComment;
    let reason: string | undefined;
    if (type === undefined) reason = `its interface ${JSON.stringify(name)} was not carried`;
    else if (type !== 'http') reason = `its interface ${JSON.stringify(name)} is ${type}, and 2.0 binds capabilities over http only`;
    else if (path !== undefined && !CAPABILITY_PATH_PATTERN.test(path)) reason = `its path ${JSON.stringify(path)} is not an application path starting with "/"`;
    if (reason === undefined) {
      capability.set('binding', this.doc.createNode({ type: 'http', interface: name, ...(path === undefined ? {} : { path }) }));
    } else {
      this.note('BINDING_NOT_CARRIED', base, pair.key, `the ${kind} capability is kept without a binding: ${reason}`, 'bind it to an http interface when one serves the endpoint');
    }
    const delay = pairOf(probe, 'initialDelaySeconds');
    if (delay !== undefined) {
      this.note('FIELD_NOT_CARRIED', `${base}.initialDelaySeconds`, delay.key, '2.0 has no initialDelaySeconds: probe timing belongs to the deployment');
    }
    return capability;
  }

  readiness(): void {
    const readiness = mapAt(this.root, 'readiness');
    if (readiness === undefined) return;
    const checksPair = pairOf(readiness, 'checks');
    if (checksPair === undefined) return;
    if (pairOf(readiness, 'expires') === undefined) this.perCheckExpiry(readiness, checksPair);
    renameKey(checksPair, 'claims');
  }

  /** 1.1 readiness: each check's own expiry becomes a status, and one expiry for the assessment. */
  perCheckExpiry(readiness: YAMLMap, checksPair: AnyPair): void {
    const today = Math.floor((this.options.now ?? new Date()).getTime() / MS_PER_DAY);
    const checks = isSeq(checksPair.value) ? checksPair.value.items.filter(isMap) : [];
    const current: string[] = [];
    const all: string[] = [];
    const notDone: string[] = [];
    for (const check of checks) {
      const expires = scalarText(check, 'expires') ?? '';
      const date = parseReadinessDate(expires);
      const isCurrent = date !== undefined && epochDay(date) >= today;
      if (date !== undefined) all.push(expires);
      if (isCurrent) current.push(expires);
      else notDone.push(scalarText(check, 'id') ?? '');
      const expiresPair = pairOf(check, 'expires');
      if (expiresPair !== undefined) removePair(check, expiresPair);
      insertPair(this.doc, check, 'status', isCurrent ? 'done' : 'not-done', pairOf(check, 'type') === undefined ? undefined : 'type');
    }
    const sorted = (dates: string[]) => [...dates].sort();
    const chosen = sorted(current)[0] ?? sorted(all).at(-1) ?? new Date(today * MS_PER_DAY).toISOString().slice(0, 10);
    const scalar = new Scalar(chosen);
    scalar.type = Scalar.QUOTE_DOUBLE;
    // After minScore when there is one, else first: the place the Go examples give it.
    insertPair(this.doc, readiness, 'expires', scalar, pairOf(readiness, 'minScore') === undefined ? null : 'minScore');
    const statuses = notDone.length === 0 ? 'every check was current, so each claim is done' : `${notDone.map((id) => JSON.stringify(id)).join(', ')} had expired evidence and ${notDone.length === 1 ? 'is' : 'are'} not-done; the others are done`;
    this.note(
      'VALUE_ASSUMED',
      'readiness.checks',
      checksPair.key,
      `the per-check expiry dates become one assessment expiry, ${chosen}; ${statuses}`,
      'review each claim status (done, partial, not-done, deferred) and the expiry',
    );
  }
}

/**
 * Rewrite a 1.0, 1.1 or 1.2 contract as 2.0 (contract-2.0.md §11). A 2.0 contract comes back unchanged; a text
 * that does not parse, or a version this tool does not read, is an error. The result is not validated here.
 */
export function migrateContract(text: string, options: MigrateOptions = {}): MigrationResult {
  const fileName = options.fileName ?? 'pacto.yaml';
  const parsed = parseContract(text, fileName);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const from = parsed.contract.pactoVersion;
  if (contractFormat(parsed.contract) === '2.0') return { ok: true, from, to: '2.0', text, notes: [], unchanged: true };
  if (!['1.0', '1.1', '1.2'].includes(from)) {
    return { ok: false, error: new MigrationError(`${fileName}: pactoVersion ${JSON.stringify(from)} cannot be migrated`, 'write the version as a quoted string, e.g. pactoVersion: "1.0"') };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: false, uniqueKeys: false, merge: true });
  const root = doc.contents;
  if (!isMap(root)) return { ok: false, error: new MigrationError(`${fileName}: the contract is not a mapping`) };
  const migration = new Migration(doc, root, lines, options);
  migration.run();
  const migrated = doc.toString({ ...detectLayout(root, lines), lineWidth: 0 });
  return { ok: true, from, to: '2.0', text: migrated, notes: migration.notes, unchanged: false };
}
