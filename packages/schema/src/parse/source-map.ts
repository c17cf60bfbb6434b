import { isMergeKey, mergedSources } from './map-pairs.js';
import type { MapNode, NodePosition, YamlNode } from './tree.js';

// Finding-path -> source position. Accepts L1 paths (`interfaces.0.port`) and
// L2 paths (`interfaces[0].port`, `policies["p"]`); a path that does not exist
// resolves to its nearest existing ancestor (a missing key -> its mapping).

export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export interface SourceMap {
  locate(path: string): SourcePosition | undefined;
}

const TOKEN = /\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|([^.[\]]+)/g;

export function pathTokens(path: string): string[] {
  const tokens: string[] = [];
  for (const match of path.matchAll(TOKEN)) {
    if (match[1] !== undefined) tokens.push(match[1]);
    else if (match[2] !== undefined) tokens.push(JSON.parse(`"${match[2]}"`) as string);
    else if (match[3] !== undefined) tokens.push(match[3]);
  }
  return tokens;
}

function lookup(map: MapNode, key: string, depth = 0): YamlNode | undefined {
  for (const pair of map.pairs) {
    if (pair.key.kind === 'scalar' && !isMergeKey(pair.key) && pair.key.text === key) return pair.value;
  }
  if (depth > 50 || !map.pairs.some((pair) => isMergeKey(pair.key))) return undefined;
  try {
    for (const source of mergedSources(map)) {
      const found = lookup(source, key, depth + 1);
      if (found) return found;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export class YamlSourceMap implements SourceMap {
  constructor(private readonly root: YamlNode | undefined) {}

  locate(path: string): SourcePosition | undefined {
    let node = this.root;
    if (node === undefined) return undefined;
    for (const token of pathTokens(path)) {
      let next: YamlNode | undefined;
      if (node.kind === 'map') next = lookup(node, token);
      else if (node.kind === 'seq' && /^\d+$/.test(token)) next = node.items[Number(token)];
      if (next === undefined) break;
      node = next;
    }
    return position(node);
  }
}

const position = (node: NodePosition): SourcePosition => ({ line: node.line, column: node.column });
