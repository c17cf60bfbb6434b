import { MAX_ALIAS_EXPANSION } from './limits.js';
import type { YamlNode, YamlTree } from './tree.js';
import { YamlSyntaxError } from './tree.js';

// Aliases make the tree a DAG. Count the nodes a full expansion would create
// (memoised per shared node, so this is linear) and refuse documents that
// would blow up, before anything expands them.

export function checkAliasExpansion(tree: YamlTree): void {
  if (!tree.hasAliases) return;
  const sizes = new Map<YamlNode, number>();
  const limit = MAX_ALIAS_EXPANSION + tree.nodeCount;
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
  if (size(tree.root) > limit) throw new YamlSyntaxError('yaml: document contains excessive aliasing');
}
