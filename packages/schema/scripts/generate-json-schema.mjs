// Writes the JSON Schemas generated from the zod models (run after `pnpm build`, see package script
// `generate:schema`): one per format, the combined one editors use, and the TS module. A test fails while the
// committed files differ from a fresh generation.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedSchemaFiles } from '../dist/json-schema-files.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const [file, text] of Object.entries(generatedSchemaFiles())) {
  const path = join(packageDir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  process.stdout.write(`wrote ${file} (${text.length} bytes)\n`);
}
