import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useCompiledSchemaStore, type CompiledSchemaStore } from '@pacto/validate';
import { buildInfo } from './build-info.js';
import { codeCacheDir } from './launch/code-cache-dir.js';

// Integrity, not security (the directory is the user's own, as for the compiled-code cache).
const checksumLine = (code: string) => `// sha1 ${createHash('sha1').update(code).digest('hex')}`;

/**
 * The generated code of compiled configuration and policy schemas, kept in the compiled-code cache directory
 * (`<cache>/schemas/`, off with PACTO_NO_CODE_CACHE like the rest of it), so that validating the same contract
 * again skips ajv's code generator. One file per schema and build; a file that cannot be read or written is
 * simply not used.
 */
function schemaCodeStore(env: Record<string, string | undefined>): CompiledSchemaStore | undefined {
  const base = codeCacheDir(env);
  if (base === undefined) return undefined;
  const dir = join(base, 'schemas');
  const build = `${buildInfo.version}\n${buildInfo.commit}\n${buildInfo.date}\n`;
  const fileOf = (key: string) => join(dir, `${createHash('sha256').update(build).update(key).digest('hex').slice(0, 40)}.js`);
  return {
    get(key) {
      let stored: string;
      try {
        stored = readFileSync(fileOf(key), 'utf8');
      } catch {
        return undefined;
      }
      // A damaged file is not run: the first line is the checksum of the rest.
      const newline = stored.indexOf('\n');
      const code = stored.slice(newline + 1);
      return newline > 0 && stored.slice(0, newline) === checksumLine(code) ? code : undefined;
    },
    set(key, code) {
      const file = fileOf(key);
      // Written aside and renamed, so a reader never sees half a file.
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        writeFileSync(temp, `${checksumLine(code)}\n${code}`, { mode: 0o600, flag: 'wx' });
        renameSync(temp, file);
      } catch {
        rmSync(temp, { force: true });
      }
    },
  };
}

/** Validation in this process keeps compiled schemas in the cache directory. */
export function useSchemaCodeCache(env: Record<string, string | undefined>): void {
  useCompiledSchemaStore(schemaCodeStore(env));
}
