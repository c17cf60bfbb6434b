import type { DecodeError, MapNode, MapPair, YamlNode } from './tree.js';
import { MAX_DEPTH } from './limits.js';

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

/** Decoding stops: the document nests deeper than any contract does. */
export function tooDeep(node: YamlNode): DecodeAbort {
  return new DecodeAbort(`the document is nested more than ${MAX_DEPTH} levels deep`, node);
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

/**
 * The duplicate keys of one mapping, each at the repeated key, in yaml.v3's order (first occurrence, then each
 * later one). `where` names the mapping (`service`; `""` for the root), asked only when there is a duplicate.
 */
export function duplicateKeys(map: MapNode, where: () => string): DecodeError[] {
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
  const place = where();
  const inside = place === '' ? ' at the top level' : ` in ${place}`;
  for (let i = 0; i < pairs.length; i++) {
    const ki = (pairs[i] as MapPair).key;
    const group = groups.get(keyIdentity(ki)) as number[];
    for (const j of group) {
      if (j <= i) continue;
      const kj = (pairs[j] as MapPair).key;
      const text = kj.kind === 'scalar' ? JSON.stringify(kj.text) : `(a ${kj.kind === 'map' ? 'mapping' : 'list'})`;
      found.push({
        line: kj.line,
        column: kj.column,
        message: `duplicate key ${text}${inside}: already defined at line ${ki.line}`,
        hint: 'keep one of them',
      });
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
    else throw new DecodeAbort('the value of a merge key (<<) must be a mapping or a list of mappings', value);
  }
  return sources;
}
