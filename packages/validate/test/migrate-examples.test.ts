import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffContracts } from '@pacto/diff';
import { migrateContract, scaffoldContract } from '@pacto/schema';
import { validateContractSync } from '../src/index.js';
import { caseBundle, textBundle } from './support/case-bundle.js';
import { pairs } from './support/contracts.js';

// Issue 13 acceptance: `pacto migrate` on every contract in examples/ and on 1.x fixtures gives a 2.0 contract that
// validates and keeps its comments, and a diff between the 1.x contract and the migrated one runs.

const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const dirsWithContracts = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'pacto.yaml')))
    .map((entry) => ({ name: entry.name, dir: join(dir, entry.name) }));

const sources = [
  ...dirsWithContracts(repo('examples')).map((c) => ({ ...c, name: `examples/${c.name}` })),
  ...dirsWithContracts(fileURLToPath(new URL('./fixtures/upstream/v1.1/', import.meta.url))).map((c) => ({ ...c, name: `upstream 1.1 ${c.name}` })),
  ...dirsWithContracts(fileURLToPath(new URL('./fixtures/upstream/v1.2/', import.meta.url))).map((c) => ({ ...c, name: `upstream 1.2 ${c.name}` })),
];

const NOW = new Date('2026-06-01T12:00:00Z');

/** Whole-line comments, which belong to the file rather than to one field. */
const lineComments = (text: string) => text.split('\n').filter((line) => /^\s*#/.test(line)).map((line) => line.trim());

describe('pacto migrate over the examples and 1.x fixtures', () => {
  it('has the eight examples and the upstream fixtures', () => {
    expect(sources.filter((s) => s.name.startsWith('examples/')).length).toBeGreaterThanOrEqual(8);
    expect(sources.length).toBeGreaterThanOrEqual(13);
  });

  describe.each(sources)('$name', ({ name, dir }) => {
    const bundle = caseBundle(dir, name);
    const result = migrateContract(bundle.text, { fileName: bundle.fileName, ...(bundle.files ? { files: bundle.files } : {}), now: NOW });

    it('gives a 2.0 contract that validates', () => {
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.unchanged).toBe(false);
      const validation = validateContractSync({ ...bundle, text: result.text }, { now: () => NOW });
      expect(pairs(validation.errors)).toEqual([]);
      expect(validation.contract?.pactoVersion).toBe('2.0');
    });

    it('keeps every comment line of the file', () => {
      if (!result.ok) throw new Error(result.error.message);
      const kept = lineComments(result.text);
      for (const comment of lineComments(bundle.text)) expect(kept).toContain(comment);
    });

    it('notes each dropped field at a position of the original file', () => {
      if (!result.ok) throw new Error(result.error.message);
      const lines = bundle.text.split('\n');
      for (const note of result.notes) {
        expect(note.line, `${note.code} ${note.path}`).toBeGreaterThan(0);
        const key = note.path.split(/[.[]/).at(-1)!.replace(']', '');
        // The line holds the field's key (or, for a list item, the item).
        if (!/^\d+$/.test(key)) expect(lines[note.line! - 1], `${note.code} ${note.path}`).toContain(key);
      }
    });

    it('can be compared with the original by diff', () => {
      if (!result.ok) throw new Error(result.error.message);
      const diff = diffContracts(bundle, { ...bundle, text: result.text });
      expect(diff.migrated).toEqual({ old: result.from });
      // The migration keeps every carried field, so what changes is the version and what 2.0 cannot hold.
      expect(diff.changes[0]).toMatchObject({ path: 'pactoVersion', type: 'modified', newValue: '2.0' });
    });
  });
});

describe('migrating the init scaffold', () => {
  it('gives a valid 2.0 contract with no loss but the 1.x-only fields', () => {
    const scaffold = scaffoldContract('svc');
    const files = Object.fromEntries(scaffold.files.map((f) => [f.path.slice('svc/'.length), f.content]));
    const bundle = textBundle(files['pacto.yaml']!, files);
    const result = migrateContract(bundle.text, { files: bundle.files! });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(pairs(validateContractSync({ ...bundle, text: result.text }).errors)).toEqual([]);
    expect(result.notes.map((n) => n.path)).toEqual([
      'service.image',
      'interfaces[0].port',
      'configurations',
      'runtime.lifecycle',
      'runtime.health.initialDelaySeconds',
      'scaling',
    ]);
  });

  it('the 2.0 scaffold validates without warnings', () => {
    const scaffold = scaffoldContract('svc', { pactoVersion: '2.0' });
    const files = Object.fromEntries(scaffold.files.map((f) => [f.path.slice('svc/'.length), f.content]));
    const result = validateContractSync(textBundle(files['pacto.yaml']!, files));
    expect([result.errors, result.warnings]).toEqual([[], []]);
    expect(readFileSync(repo('packages/schema/schema/pacto.schema.json'), 'utf8')).toContain('"$id": "https://cdn.jsdelivr.net/npm/@pacto/schema/schema/pacto.schema.json"');
    expect(files['pacto.yaml']!.split('\n')[0]).toBe('# yaml-language-server: $schema=https://cdn.jsdelivr.net/npm/@pacto/schema/schema/pacto.schema.json');
  });
});
