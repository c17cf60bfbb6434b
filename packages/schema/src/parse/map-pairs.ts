import type { DecodeError, MapNode, MapPair, YamlNode } from './tree.js';
import { goQuote } from '../grammar/go-quote.js';

// Mapping semantics shared by the typed decoder and the generic document:
// duplicate detection (yaml.v3 compares key kind and raw text) and `<<` merge
// keys (explicit keys win over merged ones; earlier merge sources win).

export class DecodeAbort extends Error {
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(detail: string, at?: { line: number; column: number }) {
    super(detail);
    this.name = 'DecodeAbort';
    this.line = at?.line;
    this.column = at?.column;
  }
}

const MERGE_TAG = 'tag:yaml.org,2002:merge';

export function isMergeKey(key: YamlNode): boolean {
  return key.kind === 'scalar' && key.plain && key.text === '<<' && (key.tag === undefined || key.tag === MERGE_TAG);
}

const keyIdentity = (key: YamlNode): string => (key.kind === 'scalar' ? `s:${key.text}` : `${key.kind}:`);

const sameKey = (a: YamlNode, b: YamlNode): boolean =>
  a.kind === b.kind && (a.kind !== 'scalar' || a.text === (b as typeof a).text);

/** Cheap test first: small mappings are compared pairwise, larger ones through a Set. */
function hasDuplicate(pairs: readonly MapPair[]): boolean {
  const n = pairs.length;
  if (n <= 24) {
    for (let i = 1; i < n; i++) {
      const key = (pairs[i] as MapPair).key;
      for (let j = 0; j < i; j++) if (sameKey(key, (pairs[j] as MapPair).key)) return true;
    }
    return false;
  }
  const seen = new Set<string>();
  for (const pair of pairs) {
    const id = keyIdentity(pair.key);
    if (seen.has(id)) return true;
    seen.add(id);
  }
  return false;
}

/** yaml.v3's duplicate-key findings for one mapping, in its order (first occurrence, then each later one). */
export function duplicateKeys(map: MapNode): DecodeError[] {
  const pairs = map.pairs;
  if (pairs.length < 2 || !hasDuplicate(pairs)) return [];
  const groups = new Map<string, number[]>();
  for (let i = 0; i < pairs.length; i++) {
    const id = keyIdentity((pairs[i] as MapPair).key);
    const group = groups.get(id);
    if (group) group.push(i);
    else groups.set(id, [i]);
  }
  const found: DecodeError[] = [];
  for (let i = 0; i < pairs.length; i++) {
    const ki = (pairs[i] as MapPair).key;
    const group = groups.get(keyIdentity(ki)) as number[];
    for (const j of group) {
      if (j <= i) continue;
      const kj = (pairs[j] as MapPair).key;
      const text = kj.kind === 'scalar' ? kj.text : '';
      found.push({ line: kj.line, column: kj.column, message: `line ${kj.line}: mapping key ${goQuote(text)} already defined at line ${ki.line}` });
    }
  }
  return found;
}

/** The pairs `<<` merges into `map`, in priority order (caller skips keys it already has). */
export function mergedSources(map: MapNode): MapNode[] {
  const sources: MapNode[] = [];
  for (const pair of map.pairs) {
    if (!isMergeKey(pair.key)) continue;
    const value = pair.value;
    if (value.kind === 'map') sources.push(value);
    else if (value.kind === 'seq' && value.items.every((item) => item.kind === 'map')) sources.push(...(value.items as MapNode[]));
    else throw new DecodeAbort('map merge requires map or sequence of maps as the value', value);
  }
  return sources;
}
