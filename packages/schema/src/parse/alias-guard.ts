import { MAX_ALIAS_EXPANSION } from './limits.js';
import type { YamlNode, YamlTree } from './tree.js';
import { YamlSyntaxError } from './tree.js';

// Aliases make the tree a DAG. Two checks, before anything expands it:
// 1. a hard cap on the nodes a full expansion would create (memoised per shared node, so linear);
// 2. yaml.v3's own rule, so that what Go refuses we refuse too: while decoding in document order, once
//    more than 100 of over 1,000 decoded nodes came through aliases, their share may not exceed 99%
//    (falling to 10% between 400,000 and 4,000,000 decoded nodes).

const excessive = (): YamlSyntaxError => new YamlSyntaxError('the document contains excessive aliasing');

function expandedSize(root: YamlNode, limit: number): number {
  const sizes = new Map<YamlNode, number>();
  const size = (node: YamlNode): number => {
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let total = 1;
    if (node.kind === 'map') for (const pair of node.pairs) total += size(pair.key) + size(pair.value);
    else if (node.kind === 'seq') for (const item of node.items) total += size(item);
    total = Math.min(total, limit + 1);
    sizes.set(node, total);
    return total;
  };
  return size(root);
}

function allowedAliasRatio(decoded: number): number {
  if (decoded <= 400_000) return 0.99;
  if (decoded >= 4_000_000) return 0.1;
  return 0.99 - 0.89 * ((decoded - 400_000) / 3_600_000);
}

/** yaml.v3's running alias ratio, over the expanded tree in document order (an iterative walk: no deep stack). */
function checkAliasRatio(root: YamlNode): void {
  const seen = new Set<YamlNode>();
  const stack: [YamlNode, boolean][] = [[root, false]];
  let decoded = 0;
  let aliased = 0;
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [node, inherited] = entry;
    // Anchors precede their aliases, so the first visit of a node is its definition; any later one is an alias.
    const viaAlias = inherited || seen.has(node);
    seen.add(node);
    decoded++;
    if (viaAlias) aliased++;
    if (aliased > 100 && decoded > 1000 && aliased / decoded > allowedAliasRatio(decoded)) throw excessive();
    if (node.kind === 'map') {
      for (let i = node.pairs.length - 1; i >= 0; i--) {
        const pair = node.pairs[i] as (typeof node.pairs)[number];
        stack.push([pair.value, viaAlias], [pair.key, viaAlias]);
      }
    } else if (node.kind === 'seq') {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push([node.items[i] as YamlNode, viaAlias]);
    }
  }
}

export function checkAliasExpansion(tree: YamlTree): void {
  if (!tree.hasAliases) return;
  if (expandedSize(tree.root, MAX_ALIAS_EXPANSION + tree.nodeCount) > MAX_ALIAS_EXPANSION + tree.nodeCount) throw excessive();
  checkAliasRatio(tree.root);
}
