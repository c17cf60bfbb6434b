import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIR, META_SCHEMA_MODULE, SCHEMA_DIR, TARGETS, renderMetaSchemaModule, renderValidatorModule } from '../scripts/generate-validators.mjs';

// The precompiled L1 validators must be exactly what the generator makes from the committed schemas.

describe('generated L1 validators', () => {
  it.each(TARGETS)('src/generated/$moduleFile is up to date with $schemaFile (run `pnpm --filter @pacto/validate generate`)', (target) => {
    const schema: unknown = JSON.parse(readFileSync(join(SCHEMA_DIR, target.schemaFile), 'utf8'));
    const committed = readFileSync(join(GENERATED_DIR, target.moduleFile), 'utf8');
    expect(renderValidatorModule(schema, target.schemaFile) === committed).toBe(true);
  });

  it('the 2020-12 meta-schema validator is up to date with ajv', () => {
    expect(renderMetaSchemaModule() === readFileSync(join(GENERATED_DIR, META_SCHEMA_MODULE), 'utf8')).toBe(true);
  });
});
