import { describe, expect, it } from 'vitest';
import { memoryBundleFS } from '../src/index.js';
import { bytes } from './helpers.js';

describe('memoryBundleFS', () => {
  const files = new Map([
    ['pacto.yaml', bytes('pactoVersion: "1.0"\n')],
    ['interfaces/openapi.yaml', bytes('openapi: 3.0.0\n')],
  ]);
  const fs = memoryBundleFS(files, { directories: ['docs/empty'], excludedBy: (p) => (p === 'secret.txt' ? 'secret.txt' : undefined) });

  it('reports files, implied parents, explicit empty directories and the root', () => {
    expect(fs.stat('pacto.yaml')).toBe('file');
    expect(fs.stat('interfaces/openapi.yaml')).toBe('file');
    expect(fs.stat('interfaces')).toBe('directory');
    expect(fs.stat('docs/empty')).toBe('directory');
    expect(fs.stat('docs')).toBe('directory');
    expect(fs.stat('.')).toBe('directory');
    expect(fs.stat('missing.yaml')).toBeUndefined();
  });

  it('reads file bytes and nothing for directories or missing paths', () => {
    expect(new TextDecoder().decode(fs.readFile('interfaces/openapi.yaml'))).toBe('openapi: 3.0.0\n');
    expect(fs.readFile('interfaces')).toBeUndefined();
    expect(fs.readFile('nope')).toBeUndefined();
  });

  it.each(['./interfaces/openapi.yaml', '../pacto.yaml', '/pacto.yaml', 'interfaces//openapi.yaml', 'interfaces/', '', 'interfaces/./openapi.yaml'])(
    'treats the invalid io/fs path %j as missing',
    (path) => {
      expect(fs.stat(path)).toBeUndefined();
      expect(fs.readFile(path)).toBeUndefined();
    },
  );

  it('answers excludedBy only for paths that are not in the bundle', () => {
    expect(fs.excludedBy?.('secret.txt')).toBe('secret.txt');
    expect(fs.excludedBy?.('pacto.yaml')).toBeUndefined();
    expect(fs.excludedBy?.('../secret.txt')).toBeUndefined();
  });
});
