import type { DiffSide } from '../contract/diff-side.js';
import { compareCodePoints } from '../code-point-order.js';
import { limitConcurrency } from './limit-concurrency.js';
import { isLocalRef } from './local-ref.js';
import { edgesDepthFirst } from './walk.js';
import type { DependencyFetcher, DependencyRequest, GraphConflict, GraphEdge, GraphNode, GraphResult } from './types.js';

export interface ResolveGraphOptions {
  /** Most fetches in flight at once (default 8). */
  readonly concurrency?: number;
  /** `with`: append configuration/policy reference edges to the root; `only`: show nothing else. */
  readonly references?: 'none' | 'with' | 'only';
}

type Outcome = { ok: true; side: DiffSide } | { ok: false; message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Resolve the dependency graph of `root` (diff.md §9.2). The result is the one of the sequential depth-first
 * walk in declaration order; fetching is concurrent underneath: when a dependency list is entered, every
 * entry the walk may need is requested at once, and identical requests share one in-flight fetch.
 */
export async function resolveGraph(root: DiffSide, fetch: DependencyFetcher, options: ResolveGraphOptions = {}): Promise<GraphResult> {
  const limit = limitConcurrency(Math.max(1, options.concurrency ?? 8));
  // Keyed by ref and range: a tag-less OCI ref resolves differently under another compatibility range.
  const inFlight = new Map<string, Promise<Outcome>>();
  const visited = new Map<string, GraphNode>();
  const failed = new Map<string, string>();
  const cycles: string[][] = [];

  const request = (req: DependencyRequest): Promise<Outcome> => {
    const key = `${req.ref}\u0000${req.compatibility}`;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = limit(() => fetch(req)).then(
        (side): Outcome => ({ ok: true, side }),
        (error: unknown): Outcome => ({ ok: false, message: messageOf(error) }),
      );
      inFlight.set(key, pending);
    }
    return pending;
  };

  const toRequest = (dep: { ref?: unknown; compatibility?: unknown; required?: unknown }): DependencyRequest => ({
    ref: String(dep.ref ?? ''),
    compatibility: String(dep.compatibility ?? ''),
    required: dep.required === true,
  });

  // The walk path (root name, then refs): a list for cycle reports, counts for constant-time membership.
  const path: string[] = [];
  const onPath = new Map<string, number>();
  const enterPath = (ref: string) => {
    path.push(ref);
    onPath.set(ref, (onPath.get(ref) ?? 0) + 1);
  };
  const leavePath = () => {
    const ref = path.pop()!;
    const count = onPath.get(ref)! - 1;
    if (count === 0) onPath.delete(ref);
    else onPath.set(ref, count);
  };

  // One frame per dependency list being walked; a loop over this stack replaces recursion, since a
  // chain of contracts can be thousands of levels deep.
  interface Frame {
    readonly node: GraphNode;
    readonly deps: readonly DependencyRequest[];
    readonly edges: GraphEdge[];
    index: number;
  }
  const stack: Frame[] = [];
  const enter = (node: GraphNode, deps: readonly DependencyRequest[], ref: string) => {
    enterPath(ref);
    for (const dep of deps) {
      if (!onPath.has(dep.ref) && !visited.has(dep.ref) && !failed.has(dep.ref)) void request(dep);
    }
    stack.push({ node, deps, edges: [], index: 0 });
  };

  const walk = async (root: GraphNode, deps: readonly DependencyRequest[]): Promise<GraphEdge[]> => {
    enter(root, deps, root.name);
    let rootEdges: GraphEdge[] = [];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.index >= frame.deps.length) {
        stack.pop();
        leavePath();
        if (stack.length === 0) rootEdges = frame.edges;
        else frame.node.dependencies = frame.edges;
        continue;
      }
      const dep = frame.deps[frame.index++]!;
      const edge: GraphEdge = { ref: dep.ref, required: dep.required, compatibility: dep.compatibility, type: 'dependency' };
      frame.edges.push(edge);
      const local = isLocalRef(dep.ref);
      if (local) edge.local = true;
      if (onPath.has(dep.ref)) {
        cycles.push([...path, dep.ref]);
        edge.error = `cycle detected: ${dep.ref}`;
        continue;
      }
      const seen = visited.get(dep.ref);
      if (seen) {
        edge.shared = true;
        edge.node = shallowCopy(seen);
        continue;
      }
      const earlierFailure = failed.get(dep.ref);
      if (earlierFailure !== undefined) {
        edge.error = earlierFailure;
        continue;
      }
      const outcome = await request(dep);
      if (!outcome.ok) {
        failed.set(dep.ref, outcome.message);
        edge.error = outcome.message;
        continue;
      }
      const contract = outcome.side.contract;
      const node: GraphNode = { name: String(contract.service?.name ?? ''), version: String(contract.service?.version ?? ''), ref: dep.ref };
      if (local) node.local = true;
      node.bundle = outcome.side;
      visited.set(dep.ref, node);
      edge.node = node;
      const children = (contract.dependencies ?? []).map(toRequest);
      if (children.length > 0) enter(node, children, dep.ref);
    }
    return rootEdges;
  };

  const rootContract = root.contract;
  const rootNode: GraphNode = { name: String(rootContract.service?.name ?? ''), version: String(rootContract.service?.version ?? ''), bundle: root };
  const references = options.references ?? 'none';
  const edges: GraphEdge[] = [];
  if (references !== 'only') edges.push(...(await walk(rootNode, (rootContract.dependencies ?? []).map(toRequest))));
  if (references !== 'none') edges.push(...referenceEdges(root));
  if (edges.length > 0) rootNode.dependencies = edges;

  const result: GraphResult = { root: rootNode };
  if (cycles.length > 0) result.cycles = cycles;
  const conflicts = findConflicts(rootNode);
  if (conflicts.length > 0) result.conflicts = conflicts;
  return result;
}

function shallowCopy(node: GraphNode): GraphNode {
  const copy: GraphNode = { name: node.name, version: node.version };
  if (node.ref !== undefined) copy.ref = node.ref;
  if (node.local) copy.local = true;
  return copy;
}

function referenceEdges(root: DiffSide): GraphEdge[] {
  const refs: string[] = [];
  for (const source of [...(root.contract.configurations ?? []), ...(root.contract.policies ?? [])]) {
    const ref = source.ref ? String(source.ref) : '';
    if (ref !== '' && !refs.includes(ref)) refs.push(ref);
  }
  return refs.map((ref) => {
    const edge: GraphEdge = { ref, required: false, compatibility: '', type: 'reference' };
    if (isLocalRef(ref)) edge.local = true;
    return edge;
  });
}

/** Service names reached with more than one version, shared copies included (diff.md §9.4). */
export function findConflicts(root: GraphNode): GraphConflict[] {
  const versions = new Map<string, Set<string>>();
  for (const { edge } of edgesDepthFirst(root)) {
    if (!edge.node) continue;
    const set = versions.get(edge.node.name) ?? new Set<string>();
    set.add(edge.node.version);
    versions.set(edge.node.name, set);
  }
  const conflicts: GraphConflict[] = [];
  for (const [name, set] of versions) {
    if (set.size > 1) conflicts.push({ name, versions: [...set].map((v) => `${name}@${v}`).sort(compareCodePoints) });
  }
  return conflicts.sort((a, b) => compareCodePoints(a.name, b.name));
}
