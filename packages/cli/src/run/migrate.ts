import { resolve } from 'node:path';
import { extractBundle, loadBundleDir, withContractText, writeFileAtomic } from '@pacto/bundle';
import { formatJson, renderValidationText } from '@pacto/render';
import { migrateContract, type MigrationNote } from '@pacto/schema';
import { validateContract } from '@pacto/validate';
import { createTwoFilesPatch } from 'diff';
import { CliError } from '../cli-error.js';
import type { CommandIO } from './command-io.js';
import { validationTextOptions } from '../finding-frames.js';

export interface MigrateRequest {
  readonly dir: string;
  readonly dryRun: boolean;
  readonly output: string | undefined;
  readonly cwd: string;
}

/** `<file>:<line>:<column>  NOTE  [CODE] path: message`, and the hint on the next line. */
function noteLines(fileName: string, note: MigrationNote): string {
  const at = note.line === undefined ? fileName : `${fileName}:${note.line}:${note.column ?? 1}`;
  const hint = note.hint === undefined ? '' : `; ${note.hint}`;
  return `  WARN  [${note.code}] ${note.path}: ${note.message}${hint} (${at})\n`;
}

function noteJson(fileName: string, note: MigrationNote): Record<string, unknown> {
  return {
    code: note.code,
    path: note.path,
    message: note.message,
    ...(note.hint === undefined ? {} : { hint: note.hint }),
    file: fileName,
    ...(note.line === undefined ? {} : { line: note.line, column: note.column ?? 1 }),
  };
}

/** The unified diff of the contract file, as `diff -u` or `git diff` would print it. */
function unifiedDiff(fileName: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(`a/${fileName}`, `b/${fileName}`, before, after, undefined, undefined, { context: 3 });
  // jsdiff starts with an `Index:`-style separator line; a plain unified diff starts at `---`.
  return patch.slice(patch.indexOf('--- '));
}

/** The work of `pacto migrate` (see run/validate.ts for why it is a module of its own). */
export async function runMigrate(io: CommandIO, request: MigrateRequest): Promise<number> {
  const dir = request.dir.startsWith('file://') ? request.dir.slice('file://'.length) || '.' : request.dir;
  const loaded = await loadBundleDir(dir);
  const migration = migrateContract(loaded.text, { fileName: loaded.fileName, files: loaded.files });
  if (!migration.ok) {
    const error = migration.error;
    if (error.code === 'MIGRATE_FAILED') throw new CliError(error.message, error.hint === undefined ? {} : { hint: error.hint });
    throw new CliError(`failed to parse ${loaded.fileName}: ${error.message}`, { cause: error, code: error.code });
  }
  const json = io.settings.outputFormat === 'json';
  if (migration.unchanged) {
    if (json) io.out(formatJson({ file: loaded.fileName, from: migration.from, to: '2.0', changed: false, written: false, notes: [] }));
    else io.out(`${loaded.fileName} is already pactoVersion 2.0; nothing to migrate\n`);
    return 0;
  }

  const notes = migration.notes;
  if (!json) for (const note of notes) io.err(noteLines(loaded.fileName, note));
  const result = await validateContract({ fileName: loaded.fileName, text: migration.text, files: loaded.files });
  const diff = request.dryRun ? unifiedDiff(loaded.fileName, loaded.text, migration.text) : undefined;
  const written = !request.dryRun && result.valid;
  const target = request.output ?? dir;
  if (written) {
    if (request.output === undefined) await writeFileAtomic(resolve(request.cwd, loaded.fileName), new TextEncoder().encode(migration.text));
    else await extractBundle(withContractText(loaded.contents, migration.text), resolve(request.cwd, request.output));
  }

  if (json) {
    io.out(
      formatJson({
        file: loaded.fileName,
        from: migration.from,
        to: '2.0',
        changed: true,
        written,
        ...(written ? { output: target } : {}),
        valid: result.valid,
        notes: notes.map((note) => noteJson(loaded.fileName, note)),
        errors: result.errors.map((f) => ({ code: f.code, path: f.path, message: f.message, ...(f.line === undefined ? {} : { line: f.line, column: f.column }) })),
        ...(diff === undefined ? {} : { diff }),
      }),
    );
  } else if (diff !== undefined) io.out(diff);
  else if (written) {
    io.out(`Migrated ${loaded.fileName} from ${migration.from} to 2.0${request.output === undefined ? '' : ` -> ${request.output}/`}\n`);
    // The notes' lines are those of the file as it was, which an in-place migration has just replaced.
    if (request.output === undefined && notes.length > 0) io.err(`note: the positions above are lines of the ${migration.from} file, before it was rewritten\n`);
  }

  if (!result.valid) {
    const policiesOnly = result.errors.every((finding) => finding.layer === 'policy');
    const failure = `the migrated contract is not valid (${result.errors.length} error(s))${request.dryRun ? '' : '; nothing was written'}`;
    // JSON mode has printed its one document, which says `valid: false` and lists the errors.
    if (json) {
      io.err(`${failure}\n`);
      return 1;
    }
    // Positions are in the migrated text (what --dry-run shows); on a terminal the frames quote it.
    io.err(renderValidationText(request.dir, result, validationTextOptions({ fileName: loaded.fileName, text: migration.text }, io.stderrIsTTY)).stderr);
    throw new CliError(failure, {
      code: 'MIGRATION_INVALID',
      hint: policiesOnly
        ? "the bundle's policies check 1.x fields: update them to accept the 2.0 contract (see --dry-run), then migrate"
        : 'the places are lines of the migrated text: see it with --dry-run, fix the source contract, then migrate again',
    });
  }
  return 0;
}
