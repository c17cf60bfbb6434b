import type { Contract } from '../model.js';
import { toGeneric } from './generic.js';
import type { GenericSink } from './generic.js';
import { contractShape, indexShape, ownerInfoShape } from './go-types.js';
import type { FieldSpec, StructShape } from './go-types.js';
import { MAX_DEPTH } from './limits.js';
import { DecodeAbort, duplicateKeys, isMergeKey, mergedSources } from './map-pairs.js';
import { isGoTimestamp, isNullScalar, resolveScalar } from './scalar.js';
import type { DecodeError, MapNode, ScalarNode, YamlNode } from './tree.js';

// Strict typed decoding (contract.md §2.2), mirroring yaml.v3 with
// KnownFields(true): errors are collected as `line N: ...` texts in document
// order and reported together; a few failures abort at once (as a custom
// unmarshaler error does in Go).

export type { DecodeError } from './tree.js';

const OLD_LAYOUT_HINTS: Readonly<Record<string, string>> = {
  configuration:
    ' (older layout: write "configurations:", a list of named entries such as "- name: default", instead of "configuration:")',
  policy: ' (older layout: write "policies:", a list of named entries such as "- name: default", instead of "policy:")',
};

const BOOL_WORDS = new Map<string, boolean>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'].map((w) => [w, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'].map((w) => [w, false] as const),
]);

const MAX_INT64 = 2 ** 63;

/** The short tag yaml.v3 gives a scalar: its resolved kind, or `timestamp` for a plain date (kept as text by us). */
function goScalarTag(node: ScalarNode): string {
  const tag = resolveScalar(node).tag;
  return tag === 'str' && node.plain && node.tag === undefined && isGoTimestamp(node.text) ? 'timestamp' : tag;
}

class Decoder {
  readonly errors: DecodeError[] = [];
  readonly sink: GenericSink = { errors: this.errors, nonFinite: false };

  private typeError(node: YamlNode, goType: string): void {
    let described: string;
    if (node.kind === 'scalar') {
      const tag = node.tag && !node.tag.startsWith('tag:yaml.org,2002:') ? node.tag : `!!${goScalarTag(node)}`;
      const value = node.text.length > 10 ? `${node.text.slice(0, 7)}...` : node.text;
      described = `${tag} \`${value}\``;
    } else described = `!!${node.kind}`;
    this.errors.push({ line: node.line, column: node.column, message: `line ${node.line}: cannot unmarshal ${described} into ${goType}` });
  }

  private isNull(node: YamlNode): boolean {
    return node.kind === 'scalar' && isNullScalar(node);
  }

  decodeStruct(node: YamlNode, shape: StructShape, depth: number): Record<string, unknown> | undefined {
    if (depth > MAX_DEPTH) throw new DecodeAbort(`yaml: exceeded max depth of ${MAX_DEPTH}`, node);
    if (node.kind !== 'map') {
      if (!this.isNull(node)) this.typeError(node, shape.goType);
      return undefined;
    }
    const dups = duplicateKeys(node);
    if (dups.length > 0) {
      this.errors.push(...dups);
      return undefined;
    }
    const out: Record<string, unknown> = {};
    // Only merge keys can bring a key twice (duplicates were refused above), so only they need the set.
    const seen = node.pairs.some((pair) => isMergeKey(pair.key)) ? new Set<string>() : undefined;
    if (this.decodePairs(node, shape, out, seen, depth) && seen) {
      for (const source of mergedSources(node)) this.decodeMerged(source, shape, out, seen, depth + 1);
    }
    return out;
  }

  private decodeMerged(source: MapNode, shape: StructShape, out: Record<string, unknown>, seen: Set<string> | undefined, depth: number): void {
    const dups = duplicateKeys(source);
    if (dups.length > 0) {
      this.errors.push(...dups);
      return;
    }
    if (this.decodePairs(source, shape, out, seen, depth)) {
      for (const inner of mergedSources(source)) this.decodeMerged(inner, shape, out, seen, depth + 1);
    }
  }

  /** Decodes the explicit pairs; true when the mapping also has `<<` merge keys. */
  private decodePairs(node: MapNode, shape: StructShape, out: Record<string, unknown>, seen: Set<string> | undefined, depth: number): boolean {
    let merges = false;
    for (const { key, value } of node.pairs) {
      if (isMergeKey(key)) {
        merges = true;
        continue;
      }
      if (key.kind !== 'scalar') {
        this.typeError(key, 'string');
        continue;
      }
      // yaml.v3 cannot decode a null key into a field name and skips the pair without a word.
      if (this.isNull(key)) continue;
      const name = key.text;
      if (seen?.has(name)) continue;
      const spec = indexShape(shape).byName.get(name);
      if (spec === undefined) {
        const hint = shape === contractShape ? (OLD_LAYOUT_HINTS[name] ?? '') : '';
        this.errors.push({ line: key.line, column: key.column, message: `line ${key.line}: field ${name} not found in type ${shape.goType}${hint}` });
        continue;
      }
      seen?.add(name);
      const decoded = this.decodeField(value, spec, depth + 1);
      if (decoded !== undefined) out[name] = decoded;
    }
    return merges;
  }

  private decodeField(node: YamlNode, spec: FieldSpec, depth: number): unknown {
    const shape = spec.shape;
    switch (shape.kind) {
      case 'string':
        if (node.kind !== 'scalar') {
          this.typeError(node, 'string');
          return undefined;
        }
        return this.isNull(node) ? undefined : node.text;
      case 'int': {
        if (node.kind !== 'scalar') {
          this.typeError(node, 'int');
          return undefined;
        }
        const resolved = resolveScalar(node);
        if (resolved.tag === 'null') return undefined;
        const value = resolved.value;
        if ((resolved.tag === 'int' || resolved.tag === 'float') && typeof value === 'number' && Number.isFinite(value) && value < MAX_INT64 && value >= -MAX_INT64) {
          return Math.trunc(value) + 0;
        }
        this.typeError(node, 'int');
        return undefined;
      }
      case 'bool': {
        if (node.kind !== 'scalar') {
          this.typeError(node, 'bool');
          return undefined;
        }
        const resolved = resolveScalar(node);
        if (resolved.tag === 'null') return undefined;
        if (resolved.tag === 'bool') return resolved.value;
        const word = resolved.tag === 'str' ? BOOL_WORDS.get(node.text) : undefined;
        if (word !== undefined) return word;
        this.typeError(node, 'bool');
        return undefined;
      }
      case 'owner':
        if (node.kind === 'seq') throw new DecodeAbort('owner must be a string or object', node);
        if (node.kind === 'scalar') return this.isNull(node) ? undefined : node.text;
        return this.withZeros(this.decodeStruct(node, ownerInfoShape, depth), ownerInfoShape);
      case 'freeMap':
        if (node.kind === 'map') return toGeneric(node, this.sink, depth) ?? undefined;
        if (!this.isNull(node)) this.typeError(node, 'map[string]interface {}');
        return undefined;
      case 'struct': {
        const decoded = this.decodeStruct(node, shape.type, depth);
        if (decoded === undefined && !spec.required) return undefined;
        return this.withZeros(decoded ?? {}, shape.type);
      }
      case 'list': {
        if (node.kind !== 'seq') {
          if (!this.isNull(node)) this.typeError(node, shape.goType);
          return spec.required ? [] : undefined;
        }
        // As in yaml.v3, an item that does not decode (a null, or a mapping with duplicate keys) is left out.
        const items: Record<string, unknown>[] = [];
        for (const item of node.items) {
          const decoded = this.decodeStruct(item, shape.item, depth + 1);
          if (decoded !== undefined) items.push(this.withZeros(decoded, shape.item) as Record<string, unknown>);
        }
        return items;
      }
    }
  }

  /** Go zero values for required fields that were absent or null, so the result matches its TS type. */
  withZeros(value: Record<string, unknown> | undefined, shape: StructShape): Record<string, unknown> | undefined {
    if (value === undefined) return undefined;
    for (const [name, spec] of indexShape(shape).required) {
      if (value[name] !== undefined) continue;
      const kind = spec.shape.kind;
      if (kind === 'string') value[name] = '';
      else if (kind === 'int') value[name] = 0;
      else if (kind === 'list') value[name] = [];
      else if (spec.shape.kind === 'struct') value[name] = this.withZeros({}, spec.shape.type);
    }
    return value;
  }
}

export type DecodeResult =
  | { readonly ok: true; readonly contract: Contract }
  | { readonly ok: false; readonly errors: readonly DecodeError[] };

/** Decode the document root into the typed contract. Throws DecodeAbort for failures yaml.v3 does not collect. */
export function decodeContract(root: YamlNode): DecodeResult {
  const decoder = new Decoder();
  const decoded = decoder.decodeStruct(root, contractShape, 0);
  if (decoder.errors.length > 0) return { ok: false, errors: decoder.errors };
  const contract = decoder.withZeros(decoded ?? {}, contractShape) as unknown as Contract;
  return { ok: true, contract };
}
