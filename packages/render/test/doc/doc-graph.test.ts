import type { Contract } from '@pacto/schema';
import { describe, expect, it } from 'vitest';
import type { DocGraph, DocGraphNode } from '../../src/doc/doc-graph.js';
import { renderDoc } from '../../src/doc/render-doc.js';
import { mapFS } from './map-fs.js';
import { ordersContract, ordersFiles } from './sample-contract.js';

const now = () => new Date('2026-06-01T12:00:00Z');

const postgres: Contract = {
  pactoVersion: '1.0',
  service: { name: 'postgresql', version: '16.4.0', owner: 'infra/db' },
  interfaces: [{ name: 'exporter', type: 'http', port: 9187 }],
  runtime: { workload: 'service', state: { type: 'stateful', persistence: { scope: 'local', durability: 'persistent' }, dataCriticality: 'high' } },
  dependencies: [{ name: 'backup', ref: 'oci://ghcr.io/acme/backup', compatibility: '^1.0.0' }],
  scaling: { replicas: 1 },
};

function graph(): DocGraph {
  const postgresNode: DocGraphNode = {
    name: 'postgresql',
    version: '16.4.0',
    bundle: { contract: postgres },
    dependencies: [{ ref: 'oci://ghcr.io/acme/backup', required: false, compatibility: '^1.0.0', type: 'dependency', error: 'no tags match ^1.0.0' }],
  };
  return {
    root: {
      name: 'orders',
      version: '2.3.0',
      dependencies: [
        { ref: 'oci://ghcr.io/acme/postgresql-pacto:16.4.0', required: true, compatibility: '^16.0.0', type: 'dependency', node: postgresNode },
        { ref: 'file://../cache', required: false, compatibility: '~1.2', type: 'dependency', error: 'no pacto.yaml found in ../cache' },
        { ref: 'oci://ghcr.io/acme/platform-pacto', required: false, compatibility: '', type: 'reference', node: { name: 'platform', version: '1.0.0' } },
      ],
    },
  };
}

describe('renderDoc with a resolved dependency graph', () => {
  const md = renderDoc({ contract: ordersContract, files: mapFS(ordersFiles) }, { now, graph: graph() });

  it('draws every resolved service and an edge per dependency, declared nodes for unresolved ones', () => {
    const diagram = /```mermaid\n([\s\S]*?)```/.exec(md)![1]!;
    expect(diagram).toContain('  subgraph postgresql["postgresql v16.4.0"]\n    direction TB\n    postgresql_state[("stateful · high criticality · local persistent · 1 replicas")]');
    expect(diagram).toContain('  orders --> postgresql\n');
    expect(diagram).toContain('  orders -.->|"optional · ~1.2"| dep_cache["cache"]\n');
    expect(diagram).toContain('  postgresql -.->|"optional · ^1.0.0"| dep_backup["backup"]\n');
    expect(diagram).not.toContain('platform');
  });

  it('adds a subsection per resolved dependency and a note per unresolved one', () => {
    expect(md).toContain('- [4. Dependencies](#4-dependencies)\n  - [4.1. postgresql v16.4.0](#41-postgresql-v1640)\n');
    expect(md).toContain('_Could not resolve file://../cache: no pacto.yaml found in ../cache_\n');
    expect(md).toContain('### 4.1. postgresql v16.4.0\n\n**postgresql** `v16.4.0` is a `stateful` `service` workload exposing 1 interface with 1 dependency.');
    expect(md).toContain('**Runtime**\n\n| Concept | Value | Description |');
    expect(md).toContain('| `exporter` | `http` | `9187` | — |');
    expect(md).toContain('| `backup` | `oci://ghcr.io/acme/backup` | `^1.0.0` | No |\n\n_Could not resolve oci://ghcr.io/acme/backup: no tags match ^1.0.0_\n');
  });
});

describe('renderDoc over a chain of 10,000 resolved dependencies', () => {
  it('gives every dependency its section, depth-first, without running out of stack', () => {
    const contract = (i: number): Contract => ({
      pactoVersion: '1.0',
      service: { name: `svc-${i}`, version: '1.0.0' },
      ...(i < 10_000 ? { dependencies: [{ name: `svc-${i + 1}`, ref: `file://../svc-${i + 1}`, compatibility: '^1.0.0', required: true }] } : {}),
    });
    const edge = (i: number, node: DocGraphNode) => ({ ref: `file://../svc-${i}`, required: true, compatibility: '^1.0.0', type: 'dependency' as const, node });
    let node: DocGraphNode = { name: 'svc-10000', version: '1.0.0', bundle: { contract: contract(10_000) } };
    for (let i = 9_999; i >= 1; i -= 1) {
      node = { name: `svc-${i}`, version: '1.0.0', bundle: { contract: contract(i) }, dependencies: [edge(i + 1, node)] };
    }
    const md = renderDoc({ contract: contract(0) }, { now, graph: { root: { name: 'svc-0', version: '1.0.0', dependencies: [edge(1, node)] } } });
    const sections = md.split('\n').filter((line) => /^### \d+\.\d+\. svc-\d+ v1\.0\.0$/.test(line));
    expect(sections).toHaveLength(10_000);
    expect(sections[0]).toMatch(/ svc-1 v1\.0\.0$/);
    expect(sections.at(-1)).toMatch(/ svc-10000 v1\.0\.0$/);
  });
});
