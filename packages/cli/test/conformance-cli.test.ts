import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPacto } from './support/run-pacto.js';

const CORPUS = fileURLToPath(new URL('../../../../shared/conformance/', import.meta.url));

interface ExpectedFinding {
  code: string;
  path: string;
  layer?: string;
  messageContains?: string;
}
interface Expected {
  valid: boolean;
  errors: ExpectedFinding[];
  warnings: ExpectedFinding[];
}
interface JsonFinding {
  Path: string;
  Code: string;
  Message: string;
}

const cases = ['valid', 'invalid', 'future'].flatMap((group) =>
  readdirSync(`${CORPUS}${group}`)
    .sort()
    .map((name) => `${group}/${name}`),
);

const pairs = (findings: readonly { code: string; path: string }[]) => findings.map((f) => `${f.code} @ ${f.path}`);

// Through the CLI, `validate --output-format json` must report what the corpus expects
// (conformance README step 1). demo-orders-service resolves a remote policy ref in resolver
// mode, so its outcome depends on a registry and is covered by the library tests instead.
describe('pacto validate over the conformance corpus', () => {
  for (const name of cases.filter((c) => !c.endsWith('demo-orders-service-v1.0.0'))) {
    it(name, async () => {
      const expected = JSON.parse(readFileSync(`${CORPUS}${name}/expected.json`, 'utf8')) as Expected;
      const run = await runPacto(['validate', name, '--output-format', 'json'], { cwd: CORPUS });
      const result = JSON.parse(run.stdout) as { Path: string; Valid: boolean; Errors: JsonFinding[] | null; Warnings: JsonFinding[] | null };
      expect(result.Path).toBe(name);
      expect(result.Valid).toBe(expected.valid);
      expect(run.code).toBe(expected.valid ? 0 : 1);
      const errors = (result.Errors ?? []).map((f) => ({ code: f.Code, path: f.Path, message: f.Message }));
      const warnings = (result.Warnings ?? []).map((f) => ({ code: f.Code, path: f.Path, message: f.Message }));
      if (expected.errors.every((e) => e.code === 'SCHEMA_VIOLATION')) {
        expect(new Set(pairs(errors))).toEqual(new Set(pairs(expected.errors)));
      } else {
        expect(pairs(errors)).toEqual(pairs(expected.errors));
      }
      expect(pairs(warnings)).toEqual(pairs(expected.warnings));
      for (const [list, wanted] of [[errors, expected.errors], [warnings, expected.warnings]] as const) {
        for (const want of wanted.filter((w) => w.messageContains)) {
          expect(list.find((f) => f.code === want.code && f.path === want.path)?.message).toContain(want.messageContains);
        }
      }
    });
  }
});
