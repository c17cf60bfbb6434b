import { describe, expect, it } from 'vitest';
import type { Contract } from '@pacto/schema';
import {
  buildDiffJson,
  buildDiffReport,
  buildGraphJson,
  diffGraphs,
  findConflicts,
  GRAPH_DEPTH_LIMIT,
  renderGraphDiffTree,
  renderGraphDot,
  renderGraphMermaid,
  renderGraphTree,
  resolveGraph,
  type DependencyFetcher,
  type DiffSide,
  type GraphNode,
  type GraphResult,
} from '../src/index.js';
import { thrownDiffError } from './support/diff-error.js';

// Dependency graphs are user data: a generated chain of 10,000 contracts must end in output or in one
// clear message, never in "Maximum call stack size exceeded".

const name = (i: number) => `svc-${String(i).padStart(5, '0')}`;

/** Service i of a fleet; `deps(i)` are the indices it depends on, `version(i)` its version. */
function fleet(deps: (i: number) => number[], version: (i: number) => string = () => '1.0.0') {
  const side = (i: number): DiffSide => ({
    contract: {
      pactoVersion: '1.0',
      service: { name: name(i), version: version(i) },
      dependencies: deps(i).map((j) => ({ name: name(j), ref: `file://../${name(j)}`, required: true, compatibility: '^1.0.0' })),
    } as Contract,
  });
  const fetcher: DependencyFetcher = async (request) => side(Number(request.ref.slice('file://../svc-'.length)));
  return { root: side(0), fetcher };
}

const chain = (count: number, version?: (i: number) => string) => fleet((i) => (i + 1 < count ? [i + 1] : []), version);

/** The deepest node of a graph and its depth, found without recursion. */
function deepest(graph: GraphResult): { node: GraphNode; depth: number } {
  let node = graph.root;
  let depth = 0;
  while (node.dependencies?.[0]?.node) {
    node = node.dependencies[0].node;
    depth += 1;
  }
  return { node, depth };
}

describe('a chain of 10,000 dependencies', () => {
  it('resolves, finds no conflict and draws as dot and Mermaid', async () => {
    const { root, fetcher } = chain(10_000);
    const graph = await resolveGraph(root, fetcher);
    expect(deepest(graph)).toMatchObject({ depth: 9_999, node: { name: 'svc-09999' } });
    expect(graph.cycles).toBeUndefined();
    expect(findConflicts(graph.root)).toEqual([]);
    const dot = renderGraphDot(graph).split('\n');
    expect(dot.filter((line) => line.includes('shape=box'))).toHaveLength(10_000);
    expect(dot.filter((line) => line.includes(' -> '))).toHaveLength(9_999);
    const mermaid = renderGraphMermaid(graph).split('\n');
    expect(mermaid.filter((line) => line.includes(' -->'))).toHaveLength(9_999);
  });

  it('refuses the text tree and JSON with one message naming the limit', async () => {
    const { root, fetcher } = chain(10_000);
    const graph = await resolveGraph(root, fetcher);
    for (const render of [() => renderGraphTree(graph), () => buildGraphJson(graph)]) {
      const error = thrownDiffError(render);
      expect(error.code).toBe('GRAPH_TOO_DEEP');
      expect(error.message).toBe(`the dependency graph is 9999 levels deep; text and JSON output show at most ${GRAPH_DEPTH_LIMIT} levels`);
      expect(error.hint).toBe('pacto graph --format dot or --format mermaid draws a graph of any depth');
    }
  });

  it('reports a cycle closing at the bottom of the chain', async () => {
    const { root, fetcher } = fleet((i) => (i + 1 < 10_000 ? [i + 1] : [1]));
    const graph = await resolveGraph(root, fetcher);
    expect(graph.cycles).toHaveLength(1);
    expect(graph.cycles![0]).toHaveLength(10_001);
    expect(graph.cycles![0]!.slice(-2)).toEqual(['file://../svc-09999', 'file://../svc-00001']);
    expect(deepest(graph).node.dependencies?.[0]?.error).toBe('cycle detected: file://../svc-00001');
  });

  it('diffs against a chain whose last service changed version', async () => {
    const before = chain(10_000);
    const after = chain(10_000, (i) => (i === 9_999 ? '2.0.0' : '1.0.0'));
    const oldGraph = await resolveGraph(before.root, before.fetcher);
    const newGraph = await resolveGraph(after.root, after.fetcher);
    const diff = diffGraphs(oldGraph, newGraph);
    expect(diff.changes).toEqual([{ name: 'svc-09999', changeType: 'version_changed', oldVersion: '1.0.0', newVersion: '2.0.0' }]);
    expect(thrownDiffError(() => renderGraphDiffTree(diff)).code).toBe('GRAPH_TOO_DEEP');
    const report = buildDiffReport({ oldPath: 'old', newPath: 'new', old: before.root, new: after.root, oldGraph, newGraph });
    expect(thrownDiffError(() => buildDiffJson(report)).code).toBe('GRAPH_TOO_DEEP');
    expect(diffGraphs(oldGraph, oldGraph).changes).toBeUndefined();
  });
});

describe('the depth limit of the nested renderings', () => {
  it(`prints a tree exactly ${GRAPH_DEPTH_LIMIT} levels deep, refuses one level more`, async () => {
    const atLimit = chain(GRAPH_DEPTH_LIMIT + 1);
    const tree = renderGraphTree(await resolveGraph(atLimit.root, atLimit.fetcher)).trimEnd().split('\n');
    expect(tree).toHaveLength(GRAPH_DEPTH_LIMIT + 1);
    expect(tree.at(-1)).toBe(`${' '.repeat(3 * (GRAPH_DEPTH_LIMIT - 1))}└─ ${name(GRAPH_DEPTH_LIMIT)}@1.0.0 [local]`);
    const beyond = chain(GRAPH_DEPTH_LIMIT + 2);
    const graph = await resolveGraph(beyond.root, beyond.fetcher);
    expect(thrownDiffError(() => renderGraphTree(graph)).message).toContain(`is ${GRAPH_DEPTH_LIMIT + 1} levels deep`);
  });

  it('prints the diff tree of a change 400 levels down', async () => {
    const before = chain(401);
    const after = chain(401, (i) => (i === 400 ? '1.1.0' : '1.0.0'));
    const diff = diffGraphs(await resolveGraph(before.root, before.fetcher), await resolveGraph(after.root, after.fetcher));
    const lines = renderGraphDiffTree(diff).trimEnd().split('\n');
    expect(lines).toHaveLength(401);
    expect(lines.at(-1)).toBe(`${' '.repeat(3 * 399)}└─ ${name(400).padEnd(14, ' ')}1.0.0 → 1.1.0`);
  });
});

describe('10,000 direct dependencies', () => {
  it('resolve and print as a tree of 10,001 lines', async () => {
    const { root, fetcher } = fleet((i) => (i === 0 ? Array.from({ length: 10_000 }, (_, j) => j + 1) : []));
    const graph = await resolveGraph(root, fetcher);
    const tree = renderGraphTree(graph).trimEnd().split('\n');
    expect(tree).toHaveLength(10_001);
    expect(tree.at(-1)).toBe('└─ svc-10000@1.0.0 [local]');
    expect(findConflicts(graph.root)).toEqual([]);
  });
});
