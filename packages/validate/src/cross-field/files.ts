import { goQuote, isValidBundlePath, isYamlFileName, yamlSyntaxError, type BundleFS } from '@pacto/schema';
import { fileText } from '../file-text.js';
import { compileUserSchema, type UserSchema } from '../user-schema.js';
import type { CrossFieldContext } from './context.js';

/** True when something (file or directory) is at `path` inside the bundle (contract.md §3.12.4). */
export function bundleHas(files: BundleFS, path: string): boolean {
  return isValidBundlePath(path) && files.stat(path) !== undefined;
}

/** The bytes of a readable regular file, else undefined (content rules then skip silently). */
export function readBundleFile(files: BundleFS, path: string): Uint8Array | undefined {
  if (!isValidBundlePath(path)) return undefined;
  return files.readFile(path);
}

/**
 * The FILE_NOT_FOUND message of rules 10, 12 and 15a; when `.pactoignore` removed the file, it says
 * which pattern did (oci.md §2.3), since the file is right there on disk.
 */
export function fileNotFoundMessage(files: BundleFS, what: string, path: string): string {
  const pattern = files.excludedBy?.(path);
  const hint = pattern === undefined ? '' : ` (excluded by .pactoignore pattern ${goQuote(pattern)})`;
  return `${what} ${goQuote(path)} not found in bundle${hint}`;
}

/**
 * Rule 10 over every interface, then rule 11 over every interface (the Go tool's order): the contract
 * file exists and, when it is YAML and readable, parses. A missing file is reported once, by rule 10.
 */
export function checkInterfaceFiles(ctx: CrossFieldContext, files: BundleFS, contract: { interfaces?: readonly { contract?: string }[] }): void {
  const interfaces = contract.interfaces ?? [];
  interfaces.forEach((item, i) => {
    const path = item.contract;
    if (path && !bundleHas(files, path)) {
      ctx.error('FILE_NOT_FOUND', `interfaces[${i}].contract`, fileNotFoundMessage(files, 'interface contract file', path));
    }
  });
  interfaces.forEach((item, i) => {
    const path = item.contract;
    if (!path || !isYamlFileName(path)) return;
    const bytes = readBundleFile(files, path);
    if (bytes === undefined) return;
    const problem = yamlSyntaxError(fileText(bytes));
    if (problem !== undefined) {
      ctx.error(
        'INVALID_CONTRACT_FILE',
        `interfaces[${i}].contract`,
        `interface contract file ${goQuote(path)} is not valid YAML: ${problem}`,
      );
    }
  });
}

export type SchemaFileKind = 'CONFIG' | 'POLICY';

/**
 * Rules 13 and 16: a schema file that exists and is readable must be JSON and compile. Returns the
 * compiled schema when it does.
 */
export function checkSchemaFileContent(
  ctx: CrossFieldContext,
  files: BundleFS,
  path: string,
  findingPath: string,
  kind: SchemaFileKind,
): UserSchema | undefined {
  const bytes = readBundleFile(files, path);
  if (bytes === undefined) return undefined;
  const compiled = compileUserSchema(fileText(bytes));
  if (compiled.ok) return compiled.schema;
  if (compiled.stage === 'json') {
    ctx.error(`INVALID_${kind}_JSON`, findingPath, `file ${goQuote(path)} is not valid JSON`);
  } else {
    ctx.error(`INVALID_${kind}_SCHEMA`, findingPath, `file ${goQuote(path)} is not a valid JSON Schema: ${compiled.error}`);
  }
  return undefined;
}

/** The compiled local schema at `path`, or undefined on any failure (already reported elsewhere). */
export function loadLocalSchema(files: BundleFS, path: string): UserSchema | undefined {
  const bytes = readBundleFile(files, path);
  if (bytes === undefined) return undefined;
  const compiled = compileUserSchema(fileText(bytes));
  return compiled.ok ? compiled.schema : undefined;
}
