import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

// Small edits on a yaml Document that keep what survives as written: key order, comments, blank lines, quoting.

export type AnyPair = Pair<unknown, unknown>;

export function keyOf(pair: AnyPair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

export function pairOf(map: YAMLMap, key: string): AnyPair | undefined {
  return (map.items as AnyPair[]).find((pair) => keyOf(pair) === key);
}

export function mapAt(map: YAMLMap, key: string): YAMLMap | undefined {
  const value = pairOf(map, key)?.value;
  return isMap(value) ? value : undefined;
}

export function seqAt(map: YAMLMap, key: string): YAMLSeq | undefined {
  const value = pairOf(map, key)?.value;
  return isSeq(value) ? value : undefined;
}

export function scalarText(map: YAMLMap, key: string): string | undefined {
  const value = pairOf(map, key)?.value;
  return isScalar(value) && value.value !== null && value.value !== undefined ? String(value.value) : undefined;
}

function keyNode(pair: AnyPair): (Node & { commentBefore?: string | null; spaceBefore?: boolean }) | undefined {
  return isScalar(pair.key) ? pair.key : undefined;
}

/** Joins comment blocks; a comment text in yaml's model has no `#`, one line per line. */
function joinComments(first: string | null | undefined, second: string | null | undefined): string | undefined {
  const parts = [first, second].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.length === 0 ? undefined : parts.join('\n');
}

/**
 * Removes a pair. The comment lines above it (often a separate block, like a commented-out section) move to the
 * next key, or below the map when it was the last; comments on the removed value go with it.
 */
export function removePair(map: YAMLMap, pair: AnyPair): void {
  const items = map.items as AnyPair[];
  const index = items.indexOf(pair);
  if (index < 0) return;
  const before = keyNode(pair)?.commentBefore;
  const spaced = keyNode(pair)?.spaceBefore === true;
  items.splice(index, 1);
  if (before === undefined || before === null || before === '') return;
  const next = items[index] === undefined ? undefined : keyNode(items[index]);
  if (next !== undefined) {
    next.commentBefore = joinComments(before, next.commentBefore) ?? null;
    if (spaced) next.spaceBefore = true;
  } else {
    map.comment = joinComments(map.comment, before) ?? null;
  }
}

/** Puts the pairs where `replaced` was, giving the first one its leading comment and blank line. */
export function replacePair(map: YAMLMap, replaced: AnyPair, pairs: readonly AnyPair[]): void {
  const items = map.items as AnyPair[];
  const index = items.indexOf(replaced);
  if (index < 0) return;
  items.splice(index, 1, ...pairs);
  const first = pairs[0] === undefined ? undefined : keyNode(pairs[0]);
  const old = keyNode(replaced);
  if (first === undefined || old === undefined) return;
  first.commentBefore = joinComments(old.commentBefore, first.commentBefore) ?? null;
  if (old.spaceBefore === true) first.spaceBefore = true;
}

/** Renames a key in place. */
export function renameKey(pair: AnyPair, name: string): void {
  if (isScalar(pair.key)) pair.key.value = name;
}

/** Inserts a new pair after the pair named `after`; at the end when it is undefined or absent, first when null. */
export function insertPair(doc: Document, map: YAMLMap, key: string, value: unknown, after?: string | null): AnyPair {
  const pair = doc.createPair(key, value) as AnyPair;
  const items = map.items as AnyPair[];
  if (after === null) {
    items.unshift(pair);
    const next = items[1] === undefined ? undefined : keyNode(items[1]);
    const first = keyNode(pair);
    // The comment above the old first key stays at the top of the map.
    if (next !== undefined && first !== undefined && next.commentBefore) {
      first.commentBefore = next.commentBefore;
      next.commentBefore = null;
    }
    return pair;
  }
  const anchor = after === undefined ? -1 : items.findIndex((item) => keyOf(item) === after);
  if (anchor < 0) items.push(pair);
  else items.splice(anchor + 1, 0, pair);
  return pair;
}

/** 1-based line and column of a node's start in the source, when it has one. */
export function positionOf(lines: LineCounter, node: unknown): { line: number; column: number } | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  if (range === undefined) return undefined;
  const { line, col } = lines.linePos(range[0]);
  return { line, column: col };
}
