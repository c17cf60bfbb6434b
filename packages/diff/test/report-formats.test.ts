import { describe, expect, it } from 'vitest';
import { buildDiffReport, renderDiffJson, renderDiffMarkdown, renderDiffText, resolveGraph } from '../src/index.js';
import { baseBundle, sideOf } from './support/fixtures.js';
import type { Files } from './support/fixtures.js';
import { memoryFetcher, serviceFiles } from './support/memory-fleet.js';
import { lines } from './support/run-diff.js';

const portChange = () =>
  buildDiffReport({
    oldPath: 'oci://ghcr.io/your-org/my-service-pacto:1.0.0',
    newPath: 'my-service',
    old: sideOf(baseBundle()),
    new: sideOf(baseBundle((c) => (c.interfaces[0].port = 9090))),
  });

describe('diff report formats (diff.md §8)', () => {
  it('T30 JSON form of T01', () => {
    expect(renderDiffJson(portChange())).toBe(`{
  "oldPath": "oci://ghcr.io/your-org/my-service-pacto:1.0.0",
  "newPath": "my-service",
  "classification": "BREAKING",
  "changes": [
    {
      "path": "interfaces.port",
      "type": "modified",
      "oldValue": 8080,
      "newValue": 9090,
      "classification": "BREAKING",
      "reason": "interfaces.port modified"
    }
  ],
  "graphDiff": {
    "root": {
      "name": "my-service",
      "version": "1.0.0"
    }
  }
}
`);
  });

  it('T31 Markdown form of T01', () => {
    expect(renderDiffMarkdown(portChange())).toBe(
      lines(
        '## Contract Diff',
        '',
        '**Classification:** `BREAKING`',
        '',
        '### Changes (1)',
        '',
        '| Classification | Path | Type | Reason | Old | New |',
        '|---|---|---|---|---|---|',
        '| BREAKING | `interfaces.port` | modified | interfaces.port modified | `8080` | `9090` |',
        '',
      ),
    );
  });

  it('JSON: empty changes are null, absent values are left out, HTML characters escaped', () => {
    const none = buildDiffReport({ oldPath: 'a<b', newPath: 'new', old: sideOf(baseBundle()), new: sideOf(baseBundle()) });
    const json = JSON.parse(renderDiffJson(none));
    expect(json.changes).toBeNull();
    expect(renderDiffJson(none)).toContain('"oldPath": "a\\u003cb"');
    expect(json).not.toHaveProperty('dependencyDiffs');
    expect(json).not.toHaveProperty('sbomDiff');
    const added = buildDiffReport({ oldPath: 'o', newPath: 'n', old: sideOf(baseBundle()), new: sideOf(baseBundle((c) => (c.runtime.lifecycle = { upgradeStrategy: 'rolling', gracefulShutdownSeconds: 30 }))) });
    const changes = JSON.parse(renderDiffJson(added)).changes;
    expect(changes[0]).toEqual({ path: 'runtime.lifecycle.upgradeStrategy', type: 'added', oldValue: '', newValue: 'rolling', classification: 'NON_BREAKING', reason: 'runtime.lifecycle.upgradeStrategy added' });
    expect(changes[1].oldValue).toBe(0);
    const removed = buildDiffReport({ oldPath: 'o', newPath: 'n', old: sideOf(baseBundle()), new: sideOf(baseBundle((c) => (c.interfaces = []))) });
    expect(Object.keys(JSON.parse(renderDiffJson(removed)).changes[0])).toEqual(['path', 'type', 'oldValue', 'classification', 'reason']);
  });

  it('Markdown: no changes, and empty-string cells', () => {
    const none = buildDiffReport({ oldPath: 'o', newPath: 'n', old: sideOf(baseBundle()), new: sideOf(baseBundle()) });
    expect(renderDiffMarkdown(none)).toBe(lines('## Contract Diff', '', '**Classification:** `NON_BREAKING`', '', 'No changes detected.'));
    const visibility = buildDiffReport({ oldPath: 'o', newPath: 'n', old: sideOf(baseBundle((c) => delete c.interfaces[0].visibility)), new: sideOf(baseBundle()) });
    expect(renderDiffText(visibility)).toContain('interfaces.visibility modified [api:  -> api: public]\n');
    const contract = buildDiffReport({ oldPath: 'o', newPath: 'n', old: sideOf(baseBundle((c) => delete c.interfaces[0].contract)), new: sideOf(baseBundle()) });
    expect(renderDiffMarkdown(contract)).toContain('| POTENTIAL_BREAKING | `interfaces.contract` | modified | interfaces.contract modified | `` | `interfaces/openapi.yaml` |\n');
  });
});

const spdx = (packages: [string, string, string][]) =>
  JSON.stringify({
    spdxVersion: 'SPDX-2.3',
    packages: packages.map(([name, versionInfo, licenseConcluded]) => ({ name, versionInfo, licenseConcluded, supplier: 'Organization: Acme' })),
  });

describe('dependency contracts and SBOM inside pacto diff (diff.md §6, §7)', () => {
  it('T28 dependency contract changed', async () => {
    const root = (c: Record<string, any>) => (c.dependencies = [{ name: 'auth', ref: '../auth', compatibility: '^1.0.0', required: true }]);
    const oldDirs: Record<string, Files> = {
      '/old/my-service': baseBundle(root),
      '/old/auth': serviceFiles('auth', { port: 8080 }),
    };
    const newDirs: Record<string, Files> = {
      '/new/my-service': baseBundle(root),
      '/new/auth': serviceFiles('auth', { version: '2.0.0', port: 9090 }),
    };
    const old = sideOf(oldDirs['/old/my-service']!);
    const next = sideOf(newDirs['/new/my-service']!);
    const report = buildDiffReport({
      oldPath: 'old/my-service',
      newPath: 'new/my-service',
      old,
      new: next,
      oldGraph: await resolveGraph(old, memoryFetcher(oldDirs, '/old/my-service')),
      newGraph: await resolveGraph(next, memoryFetcher(newDirs, '/new/my-service')),
    });
    expect(renderDiffText(report)).toBe(
      lines(
        'Classification: BREAKING',
        '',
        'Dependency auth [BREAKING] (2):',
        '  [NON_BREAKING] service.version (modified): service.version modified [1.0.0 -> 2.0.0]',
        '  [BREAKING] interfaces.port (modified): interfaces.port modified [8080 -> 9090]',
        '',
        'Dependency graph changes:',
        'my-service',
        '└─ auth          1.0.0 → 2.0.0',
      ),
    );
    expect(renderDiffMarkdown(report)).toBe(
      lines(
        '## Contract Diff',
        '',
        '**Classification:** `BREAKING`',
        '',
        '### Dependency: auth (`BREAKING`)',
        '',
        '| Classification | Path | Type | Reason | Old | New |',
        '|---|---|---|---|---|---|',
        '| NON_BREAKING | `service.version` | modified | service.version modified | `1.0.0` | `2.0.0` |',
        '| BREAKING | `interfaces.port` | modified | interfaces.port modified | `8080` | `9090` |',
        '',
        '### Dependency Graph Changes',
        '',
        '```',
        'my-service',
        '└─ auth          1.0.0 → 2.0.0',
        '```',
      ),
    );
    const json = JSON.parse(renderDiffJson(report));
    expect(json.changes).toBeNull();
    expect(json.dependencyDiffs).toHaveLength(1);
    expect(json.graphDiff.changes).toEqual([{ name: 'auth', changeType: 'version_changed', oldVersion: '1.0.0', newVersion: '2.0.0' }]);
  });

  it('T29 SBOM only', () => {
    const old = sideOf(baseBundle(() => {}, { 'sbom/app.spdx.json': spdx([['lodash', '4.17.20', 'MIT']]) }));
    const next = sideOf(baseBundle(() => {}, { 'sbom/app.spdx.json': spdx([['lodash', '4.17.21', 'MIT'], ['axios', '1.6.0', 'MIT']]) }));
    const report = buildDiffReport({ oldPath: 'old', newPath: 'new', old, new: next });
    expect(renderDiffText(report)).toBe(
      lines('Classification: NON_BREAKING', '', 'SBOM changes (2):', '  ~ lodash version: 4.17.20 -> 4.17.21', '  + axios@1.6.0'),
    );
    expect(JSON.parse(renderDiffJson(report)).sbomDiff).toEqual({
      oldFormat: 'spdx',
      newFormat: 'spdx',
      changes: [
        { package: 'lodash', type: 'modified', field: 'version', oldValue: '4.17.20', newValue: '4.17.21' },
        { package: 'axios', type: 'added', field: 'package', newValue: '1.6.0' },
      ],
    });
    expect(renderDiffMarkdown(report)).toContain(
      lines('### SBOM Changes', '', '| Package | Type | Field | Old | New |', '|---|---|---|---|---|', '| `lodash` | modified | version | `4.17.20` | `4.17.21` |', '| `axios` | added | package |  | `1.6.0` |', ''),
    );
  });

  it('reads CycloneDX and treats a missing SBOM as empty', () => {
    const cdx = JSON.stringify({
      bomFormat: 'CycloneDX',
      components: [{ name: 'left-pad', version: '1.3.0', supplier: { name: 'npm' }, licenses: [{ license: { id: 'MIT' } }, { expression: 'WTFPL' }] }],
    });
    const report = buildDiffReport({ oldPath: 'o', newPath: 'n', old: sideOf(baseBundle()), new: sideOf(baseBundle(() => {}, { 'sbom/x.cdx.json': cdx })) });
    expect(report.sbomDiff).toEqual({ newFormat: 'cyclonedx', changes: [{ package: 'left-pad', type: 'added', field: 'package', newValue: '1.3.0' }] });
    expect(report.classification).toBe('NON_BREAKING');
  });

  it('drops the dependency set when nothing changed and skips the root name', async () => {
    const dirs = { '/ws/a': serviceFiles('a', { deps: ['../b'] }), '/ws/b': serviceFiles('b') };
    const side = sideOf(dirs['/ws/a']);
    const graph = await resolveGraph(side, memoryFetcher(dirs, '/ws/a'));
    const report = buildDiffReport({ oldPath: 'a', newPath: 'a', old: side, new: side, oldGraph: graph, newGraph: graph });
    expect(renderDiffText(report)).toBe(lines('Classification: NON_BREAKING', 'No changes detected.'));
  });
});
