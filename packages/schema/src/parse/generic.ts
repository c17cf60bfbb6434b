import { MAX_DEPTH } from './limits.js';
import { describeFound } from './describe.js';
import { duplicateKeys, isMergeKey, mergedSources, tooDeep } from './map-pairs.js';
import { isNullScalar, resolveScalar } from './scalar.js';
import type { DecodeError, MapNode, YamlNode } from './tree.js';

// YAML node -> JSON data model (contract.md §2.5): what yaml.v3 gives for an
// `interface{}` target, as seen after a JSON round trip. Also used for the
// free-form parts of the typed contract (`metadata`, `configurations[].values`).

export interface GenericSink {
  /** Decoding errors (yaml.v3 style lines); when absent, problems are ignored. */
  readonly errors?: DecodeError[];
  /** Set when a NaN or infinite number is met (JSON cannot carry it). */
  nonFinite: boolean;
}

export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** `where` names the free-form field being read (`metadata`), for the messages of `sink.errors`. */
export function toGeneric(node: YamlNode, sink: GenericSink, depth = 0, where: () => string = () => ''): unknown {
  if (depth > MAX_DEPTH) throw tooDeep(node);
  if (node.kind === 'scalar') {
    const { value } = resolveScalar(node);
    if (typeof value === 'number' && !Number.isFinite(value)) sink.nonFinite = true;
    return value;
  }
  if (node.kind === 'seq') return node.items.map((item) => toGeneric(item, sink, depth + 1, where));
  return mapToGeneric(node, sink, depth, where);
}

function mapToGeneric(node: MapNode, sink: GenericSink, depth: number, where: () => string): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  if (sink.errors) {
    const dups = duplicateKeys(node, where);
    if (dups.length > 0) {
      sink.errors.push(...dups);
      return null;
    }
  }
  let hasMerge = false;
  for (const { key, value } of node.pairs) {
    let name: string;
    if (key.kind === 'scalar') {
      if (isMergeKey(key)) {
        hasMerge = true;
        continue;
      }
      // A null key (`~: x`) names nothing; yaml.v3 drops the pair from string-keyed maps.
      if (isNullScalar(key)) continue;
      name = key.text;
    } else {
      const place = where();
      sink.errors?.push({ line: key.line, column: key.column, message: `expected a key${place === '' ? '' : ` in ${place}`} to be a single value, got ${describeFound(key)}` });
      name = JSON.stringify(toGeneric(key, sink, depth + 1, where));
    }
    // First occurrence wins (only reachable for keys that differ in the YAML but not as text).
    if (Object.hasOwn(out, name)) continue;
    setOwn(out, name, toGeneric(value, sink, depth + 1, where));
  }
  if (hasMerge) {
    for (const source of mergedSources(node)) {
      const merged = mapToGeneric(source, sink, depth + 1, where);
      if (merged === null) continue;
      for (const [key, value] of Object.entries(merged)) if (!Object.hasOwn(out, key)) setOwn(out, key, value);
    }
  }
  return out;
}
