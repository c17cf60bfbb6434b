// Writes the JSON Schemas generated from the zod model (run after `pnpm build`, see package script
// `generate:schema`). A test fails while the committed files differ from a fresh generation.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSON_SCHEMA_FILES, JSON_SCHEMA_MODULE, jsonSchemaFileText, jsonSchemaModuleText } from '../dist/json-schema-files.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputs = [
  ...Object.entries(JSON_SCHEMA_FILES).map(([version, file]) => [file, jsonSchemaFileText(version)]),
  [JSON_SCHEMA_MODULE, jsonSchemaModuleText()],
];
for (const [file, text] of outputs) {
  const path = join(packageDir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  process.stdout.write(`wrote ${file} (${text.length} bytes)\n`);
}
