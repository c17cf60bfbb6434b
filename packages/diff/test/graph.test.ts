import { describe, expect, it } from 'vitest';
import {
  buildGraphJson,
  diffGraphs,
  renderGraphDiffTree,
  renderGraphDot,
  renderGraphJson,
  renderGraphMermaid,
  renderGraphTree,
  resolveGraph,
} from '../src/index.js';
import { sideOf } from './support/fixtures.js';
import { memoryFetcher, serviceFiles } from './support/memory-fleet.js';
import { lines } from './support/run-diff.js';

const T32 = {
  '/ws/frontend': serviceFiles('frontend', { deps: ['../backend', '../keycloak'] }),
  '/ws/backend': serviceFiles('backend', { deps: ['../postgres', '../keycloak'] }),
  '/ws/keycloak': serviceFiles('keycloak', { version: '26.0.0', deps: ['../postgres'] }),
  '/ws/postgres': serviceFiles('postgres', { version: '16.4.0' }),
};

describe('resolveGraph (diff.md §9)', () => {
  it('T32 graph tree with shared nodes', async () => {
    const graph = await resolveGraph(sideOf(T32['/ws/frontend']), memoryFetcher(T32, '/ws/frontend'));
    expect(renderGraphTree(graph)).toBe(
      lines(
        'frontend@1.0.0',
        '├─ backend@1.0.0 [local]',
        '│  ├─ postgres@16.4.0 [local]',
        '│  └─ keycloak@26.0.0 [local]',
        '│     └─ postgres@16.4.0 [local] (shared)',
        '└─ keycloak@26.0.0 [local] (shared)',
      ),
    );
  });

  it('T33 cycle', async () => {
    const dirs = { '/ws/a': serviceFiles('a', { deps: ['../b'] }), '/ws/b': serviceFiles('b', { deps: ['../a'] }) };
    const graph = await resolveGraph(sideOf(dirs['/ws/a']), memoryFetcher(dirs, '/ws/a'));
    expect(renderGraphTree(graph)).toBe(
      lines(
        'a@1.0.0',
        '└─ b@1.0.0 [local]',
        '   └─ a@1.0.0 [local]',
        '      └─ b (error: cycle detected: ../b)',
        '',
        'Cycles (1):',
        '  a -> ../b -> ../a -> ../b',
      ),
    );
  });

  it('T34 conflict and fetch error', async () => {
    const dirs = {
      '/ws/svc': serviceFiles('svc', { deps: [{ name: 'cache', ref: '../cache-1' }, '../api', { name: 'gone', ref: '../missing' }] }),
      '/ws/cache-1': serviceFiles('cache'),
      '/ws/cache-2': serviceFiles('cache', { version: '2.0.0' }),
      '/ws/api': serviceFiles('api', { deps: [{ ref: '../cache-2', compatibility: '^2.0.0' }] }),
    };
    const graph = await resolveGraph(sideOf(dirs['/ws/svc']), memoryFetcher(dirs, '/ws/svc'));
    expect(renderGraphTree(graph)).toBe(
      lines(
        'svc@1.0.0',
        '├─ cache@1.0.0 [local]',
        '├─ api@1.0.0 [local]',
        '│  └─ cache@2.0.0 [local]',
        '└─ missing (error: failed to access /ws/missing: no such file or directory)',
        '',
        'Conflicts (1):',
        '  cache: [cache@1.0.0 cache@2.0.0]',
      ),
    );
    expect(graph.conflicts).toEqual([{ name: 'cache', versions: ['cache@1.0.0', 'cache@2.0.0'] }]);
  });

  it('reports a failed ref once per run and does not fetch it again', async () => {
    const dirs = {
      '/ws/svc': serviceFiles('svc', { deps: ['../a', '../missing'] }),
      '/ws/a': serviceFiles('a', { deps: ['../missing'] }),
    };
    const fetcher = memoryFetcher(dirs, '/ws/svc');
    const graph = await resolveGraph(sideOf(dirs['/ws/svc']), fetcher);
    expect(fetcher.calls.filter((ref) => ref === '../missing')).toHaveLength(1);
    const edges = graph.root.dependencies!;
    expect(edges[1]!.error).toBe(edges[0]!.node!.dependencies![0]!.error);
    expect(edges[1]!.shared).toBeUndefined();
  });

  it('JSON omits empty fields and keeps the edge key order', async () => {
    const graph = await resolveGraph(sideOf(T32['/ws/frontend']), memoryFetcher(T32, '/ws/frontend'));
    const json = renderGraphJson(graph);
    expect(JSON.parse(json)).toEqual(buildGraphJson(graph));
    const keycloak = (buildGraphJson(graph).root as any).dependencies[1];
    expect(Object.keys(keycloak)).toEqual(['ref', 'required', 'compatibility', 'type', 'node', 'shared', 'local']);
    expect(keycloak.node).toEqual({ name: 'keycloak', version: '26.0.0', ref: '../keycloak', local: true });
    expect(json).not.toContain('bundle');
    expect(json).not.toContain('"cycles"');
  });

  it('adds reference edges with --with-references and shows only them with --only-references', async () => {
    const files = serviceFiles('svc', { deps: ['../a'] });
    const withRefs = files['pacto.yaml'] + 'configurations:\n  - { name: app, ref: oci://ghcr.io/acme/cfg:1.0.0 }\npolicies:\n  - { name: p, ref: oci://ghcr.io/acme/cfg:1.0.0 }\n';
    const dirs = { '/ws/svc': { 'pacto.yaml': withRefs }, '/ws/a': serviceFiles('a') };
    const only = await resolveGraph(sideOf(dirs['/ws/svc']), memoryFetcher(dirs, '/ws/svc'), { references: 'only' });
    expect(renderGraphTree(only)).toBe(lines('svc@1.0.0', '└─ cfg:1.0.0 [ref]'));
    const both = await resolveGraph(sideOf(dirs['/ws/svc']), memoryFetcher(dirs, '/ws/svc'), { references: 'with' });
    expect(renderGraphTree(both)).toBe(lines('svc@1.0.0', '├─ a@1.0.0 [local]', '└─ cfg:1.0.0 [ref]'));
    expect(buildGraphJson(both)).toMatchObject({ root: { dependencies: [{}, { ref: 'oci://ghcr.io/acme/cfg:1.0.0', required: false, compatibility: '', type: 'reference' }] } });
  });

  it('concurrent fetching gives the sequential depth-first result whatever the completion order', async () => {
    // A diamond whose shared node is reached first through the deeper path in declaration order.
    const dirs = {
      '/ws/root': serviceFiles('root', { deps: ['../left', '../shared', '../right'] }),
      '/ws/left': serviceFiles('left', { deps: ['../mid'] }),
      '/ws/mid': serviceFiles('mid', { deps: ['../shared'] }),
      '/ws/shared': serviceFiles('shared', { deps: ['../leaf'] }),
      '/ws/right': serviceFiles('right', { deps: ['../shared', '../leaf'] }),
      '/ws/leaf': serviceFiles('leaf'),
    };
    const sequential = renderGraphTree(await resolveGraph(sideOf(dirs['/ws/root']), memoryFetcher(dirs, '/ws/root'), { concurrency: 1 }));
    for (let run = 0; run < 5; run++) {
      const jitter = memoryFetcher(dirs, '/ws/root', () => Math.floor(Math.random() * 8));
      const graph = await resolveGraph(sideOf(dirs['/ws/root']), jitter, { concurrency: 4 });
      expect(renderGraphTree(graph)).toBe(sequential);
      expect(new Set(jitter.calls).size).toBe(jitter.calls.length);
    }
    expect(sequential).toBe(
      lines(
        'root@1.0.0',
        '├─ left@1.0.0 [local]',
        '│  └─ mid@1.0.0 [local]',
        '│     └─ shared@1.0.0 [local]',
        '│        └─ leaf@1.0.0 [local]',
        '├─ shared@1.0.0 [local] (shared)',
        '└─ right@1.0.0 [local]',
        '   ├─ shared@1.0.0 [local] (shared)',
        '   └─ leaf@1.0.0 [local] (shared)',
      ),
    );
  });

  it('starts sibling fetches before the first one finishes', async () => {
    const dirs = {
      '/ws/root': serviceFiles('root', { deps: ['../a', '../b', '../c'] }),
      '/ws/a': serviceFiles('a'),
      '/ws/b': serviceFiles('b'),
      '/ws/c': serviceFiles('c'),
    };
    let inFlight = 0;
    let peak = 0;
    const base = memoryFetcher(dirs, '/ws/root');
    const fetcher = async (req: Parameters<typeof base>[0]) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      try {
        return await base(req);
      } finally {
        inFlight--;
      }
    };
    await resolveGraph(sideOf(dirs['/ws/root']), fetcher);
    expect(peak).toBe(3);
  });

  it('renders DOT and Mermaid diagrams with diamonds collapsed and cycles marked', async () => {
    const dirs = { '/ws/a': serviceFiles('a', { deps: ['../b', '../missing'] }), '/ws/b': serviceFiles('b', { deps: ['../a'] }) };
    const graph = await resolveGraph(sideOf(dirs['/ws/a']), memoryFetcher(dirs, '/ws/a'));
    expect(renderGraphDot(graph)).toBe(
      lines(
        'digraph pacto {',
        '  rankdir=LR;',
        '  node [fontname="Helvetica"];',
        '  "a@1.0.0" [label="a@1.0.0", shape=box];',
        '  "b@1.0.0" [label="b@1.0.0", shape=box];',
        '  "error:../missing" [label="missing (error: failed to access /ws/missing: no such file or directory)", shape=octagon, color="red"];',
        '  "a@1.0.0" -> "b@1.0.0" [label="^1.0.0", style=dashed];',
        '  "b@1.0.0" -> "a@1.0.0" [label="^1.0.0", style=dashed];',
        '  "a@1.0.0" -> "b@1.0.0" [label="cycle", color="red", constraint=false];',
        '  "a@1.0.0" -> "error:../missing" [label="^1.0.0", style=dashed];',
        '}',
      ),
    );
    const mermaid = renderGraphMermaid(graph);
    expect(mermaid.split('\n').slice(0, 4)).toEqual(['flowchart LR', '  n0["a@1.0.0"]', '  n1["b@1.0.0"]', expect.stringMatching(/^ {2}n2\("missing \(error: /)]);
    expect(mermaid).toContain('  n0 -.->|"cycle"| n1\n');
    expect(mermaid).toContain('  class n2 error\n');
  });
});

describe('diffGraphs (diff.md §10)', () => {
  it('T36 graph diff rendering', async () => {
    const oldDirs = {
      '/old/frontend': serviceFiles('frontend', { deps: ['../backend', '../keycloak'] }),
      '/old/backend': serviceFiles('backend', { deps: ['../postgres'] }),
      '/old/postgres': serviceFiles('postgres', { version: '16.4.0' }),
      '/old/keycloak': serviceFiles('keycloak', { version: '26.0.0' }),
    };
    const newDirs = {
      '/new/frontend': serviceFiles('frontend', { deps: ['../backend', '../keycloak'] }),
      '/new/backend': serviceFiles('backend', { deps: ['../postgres', '../redis'] }),
      '/new/postgres': serviceFiles('postgres', { version: '17.0.0' }),
      '/new/redis': serviceFiles('redis', { version: '7.2.0' }),
      '/new/keycloak': serviceFiles('keycloak', { version: '26.1.0' }),
    };
    const oldGraph = await resolveGraph(sideOf(oldDirs['/old/frontend']), memoryFetcher(oldDirs, '/old/frontend'));
    const newGraph = await resolveGraph(sideOf(newDirs['/new/frontend']), memoryFetcher(newDirs, '/new/frontend'));
    const diff = diffGraphs(oldGraph, newGraph);
    expect(renderGraphDiffTree(diff)).toBe(
      lines('frontend', '├─ backend', '│  ├─ postgres      16.4.0 → 17.0.0', '│  └─ redis         +7.2.0', '└─ keycloak      26.0.0 → 26.1.0'),
    );
    expect(diff.changes).toEqual([
      { name: 'keycloak', changeType: 'version_changed', oldVersion: '26.0.0', newVersion: '26.1.0' },
      { name: 'postgres', changeType: 'version_changed', oldVersion: '16.4.0', newVersion: '17.0.0' },
      { name: 'redis', changeType: 'added', newVersion: '7.2.0' },
    ]);
  });

  it('reports removals and keeps long names unpadded past 14 characters', async () => {
    const oldDirs = {
      '/o/app': serviceFiles('app', { deps: ['../a-very-long-service', '../gone'] }),
      '/o/a-very-long-service': serviceFiles('a-very-long-service'),
      '/o/gone': serviceFiles('gone'),
    };
    const newDirs = { '/n/app': serviceFiles('app', { deps: ['../a-very-long-service'] }), '/n/a-very-long-service': serviceFiles('a-very-long-service', { version: '2.0.0' }) };
    const diff = diffGraphs(
      await resolveGraph(sideOf(oldDirs['/o/app']), memoryFetcher(oldDirs, '/o/app')),
      await resolveGraph(sideOf(newDirs['/n/app']), memoryFetcher(newDirs, '/n/app')),
    );
    expect(renderGraphDiffTree(diff)).toBe(lines('app', '├─ a-very-long-service1.0.0 → 2.0.0', '└─ gone          -1.0.0'));
  });

  it('renders nothing when the graphs match', async () => {
    const dirs = { '/ws/a': serviceFiles('a', { deps: ['../b'] }), '/ws/b': serviceFiles('b') };
    const graph = await resolveGraph(sideOf(dirs['/ws/a']), memoryFetcher(dirs, '/ws/a'));
    const diff = diffGraphs(graph, graph);
    expect(renderGraphDiffTree(diff)).toBe('');
    expect(diff).toEqual({ root: { name: 'a', version: '1.0.0', children: [{ name: 'b', version: '1.0.0' }] } });
  });
});
