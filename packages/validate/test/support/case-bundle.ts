import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractBundle } from '@pacto/schema';
import { memoryFiles, readDirectoryEntries } from './memory-files.js';

/** A conformance case directory as a bundle: its pacto.yaml and every file under it, in memory. */
export function caseBundle(dir: string, name: string): ContractBundle {
  return {
    fileName: `${name}/pacto.yaml`,
    text: readFileSync(join(dir, 'pacto.yaml'), 'utf8'),
    files: memoryFiles(readDirectoryEntries(dir)),
  };
}

/** A bundle from literal YAML and extra files (contract.md §13 cases). */
export function textBundle(text: string, files: Record<string, string> = {}): ContractBundle {
  return { fileName: 'case/pacto.yaml', text, files: memoryFiles({ 'pacto.yaml': text, ...files }) };
}
