import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeChain } from '../../../scripts/bench/fleet.mjs';
import { runPacto } from './support/run-pacto.js';

// A generated chain of 10,000 contracts, each a `file://` dependency of the one before: the walks over it
// are loops, so every command ends in output or in one message, never in a stack overflow.
describe('a chain of 10,000 file:// dependencies', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'pacto-chain-'));
  let root = '';
  beforeAll(() => {
    root = writeChain(dir, 10_000);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }), 120_000);

  it('pacto graph --format mermaid draws all of it', async () => {
    const run = await runPacto(['graph', root, '--format', 'mermaid']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.includes(' -->'))).toHaveLength(9_999);
    expect(run.stdout).toContain('["svc-09999@1.0.0"]');
  });

  it('pacto graph (text tree) says in one message that it is deeper than the tree prints', async () => {
    const run = await runPacto(['graph', root]);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'the dependency graph is 9999 levels deep; text and JSON output show at most 500 levels\n' +
        'hint: pacto graph --format dot or --format mermaid draws a graph of any depth\n',
    );
    expect(run.code).toBe(1);
  });

  it('pacto doc gives every dependency its section', async () => {
    const run = await runPacto(['doc', root]);
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^### \d+\.\d+\. svc-\d+ v1\.0\.0$/gm)).toHaveLength(9_999);
  });
});
