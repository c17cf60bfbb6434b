import type { Contract } from '../contract-types.js';
import { SUPPORTED_PACTO_VERSIONS, formatOfVersion } from '../pacto-versions.js';
import { checkAliasExpansion } from './alias-guard.js';
import { ContractParseError, renderParseError } from './contract-parse-error.js';
import type { ParseProblem } from './contract-parse-error.js';
import { decodeContract } from './decode.js';
import { contractShape, contractShapeV12, contractShapeV20 } from './contract-shapes.js';
import { toGeneric } from './generic.js';
import { goQuote } from '../grammar/go-quote.js';
import { DecodeAbort } from './map-pairs.js';
import { checkPresence, normaliseScaling } from './presence.js';
import { readYaml } from './read-yaml.js';
import { resolveScalar } from './scalar.js';
import { YamlSourceMap } from './source-map.js';
import type { SourceMap } from './source-map.js';
import type { YamlNode } from './tree.js';
import { YamlSyntaxError } from './tree.js';
import { withoutStack } from './without-stack.js';

export type ParseResult =
  | {
      readonly ok: true;
      /** The typed contract (§2.2/§2.3; `scaling.replicas` normalised into min/max). */
      readonly contract: Contract;
      /** The generic document (§2.5): the file as authored, for L1 and policies. */
      readonly document: unknown;
      /** Source positions of the document's nodes. */
      readonly positions: SourceMap;
      /** True when the file holds `.inf`/`.nan` (L1 then reports YAML_PARSE_ERROR, §2.5). */
      readonly hasNonFinite: boolean;
    }
  | { readonly ok: false; readonly error: ContractParseError };

export interface ParseOptions {
  /** Use the fast YAML reader when it can (default true); false forces the complete reader. */
  readonly fast?: boolean;
}

const fail = (fileName: string, problems: readonly ParseProblem[], extra: { path?: string; cause?: unknown } = {}): ParseResult => ({
  ok: false,
  error: withoutStack(() => new ContractParseError({ code: 'PARSE_ERROR', path: extra.path ?? '', problems, fileName, cause: extra.cause })),
});

/** A problem of the YAML text or of its decoding: `failed to parse YAML: <reason>` (contract.md §2.4). */
function yamlProblem(reason: string, at: { line?: number | undefined; column?: number | undefined; hint?: string | undefined }): ParseProblem {
  return {
    message: `failed to parse YAML: ${reason}`,
    ...(at.hint === undefined ? {} : { hint: at.hint }),
    ...(at.line === undefined ? {} : { line: at.line, column: at.column ?? 1 }),
  };
}

/** The `pactoVersion` scalar of a mapping root: its text, and whether YAML reads it as a string. */
function authoredVersion(root: YamlNode): { text: string; isString: boolean; node: YamlNode } | undefined {
  if (root.kind !== 'map') return undefined;
  const pair = root.pairs.find((p) => p.key.kind === 'scalar' && p.key.text === 'pactoVersion');
  if (pair === undefined || pair.value.kind !== 'scalar') return undefined;
  return { text: pair.value.text, isString: resolveScalar(pair.value).tag === 'str', node: pair.value };
}

const SHAPES = { '1.x': contractShape, '1.2': contractShapeV12, '2.0': contractShapeV20 } as const;

/** The unsupported-version message (contract-2.0.md §1). */
export function unsupportedVersionDetail(version: string): string {
  return `unsupported pactoVersion ${goQuote(version)}; supported versions: ${SUPPORTED_PACTO_VERSIONS.join(', ')}`;
}

/**
 * Stage P of contract.md §2: YAML text -> typed contract + generic document,
 * or the single parse failure. Never throws for bad input.
 */
export function parseContract(text: string | Uint8Array, fileName: string, options: ParseOptions = {}): ParseResult {
  // Bytes that are not UTF-8 decode to U+FFFD, which the reader reports with its position.
  const source = typeof text === 'string' ? text : new TextDecoder('utf-8').decode(text);
  try {
    const tree = readYaml(source, { fast: options.fast !== false });
    if (tree === undefined) {
      return fail(fileName, [yamlProblem('the file has no content', { hint: 'write the contract there, or run `pacto init <name>` to create one' })]);
    }
    checkAliasExpansion(tree);
    const root = tree.root;

    const version = authoredVersion(root);
    if (version?.isString && version.text !== '' && !(SUPPORTED_PACTO_VERSIONS as readonly string[]).includes(version.text)) {
      return {
        ok: false,
        error: withoutStack(
          () =>
            new ContractParseError({
              code: 'UNSUPPORTED_PACTO_VERSION',
              path: 'pactoVersion',
              problems: [{ message: unsupportedVersionDetail(version.text), line: version.node.line, column: version.node.column }],
              fileName,
            }),
        ),
      };
    }

    // The model follows the version's text, quoted or not: an unquoted 2.0 decodes with the 2.0 keys and then
    // fails L1 for not being a string, as an unquoted 1.0 does.
    const decoded = decodeContract(root, SHAPES[formatOfVersion(version?.text ?? '')]);
    if (!decoded.ok) return fail(fileName, decoded.errors.map((error) => ({ ...error })));
    const contract = decoded.contract;
    const positions = new YamlSourceMap(root);
    const missing = checkPresence(contract);
    if (missing) {
      const at = positions.locate(missing.path);
      const problem: ParseProblem = { message: renderParseError(missing.path, missing.message), hint: missing.hint, ...at };
      return fail(fileName, [problem], { path: missing.path });
    }
    normaliseScaling(contract);
    const sink = { nonFinite: false };
    const document = toGeneric(root, sink);
    return { ok: true, contract, document, positions, hasNonFinite: sink.nonFinite };
  } catch (error) {
    if (error instanceof YamlSyntaxError || error instanceof DecodeAbort) {
      const hint = error instanceof YamlSyntaxError ? error.hint : undefined;
      return fail(fileName, [yamlProblem(error.message, { line: error.line, column: error.column, hint })], { cause: error });
    }
    if (error instanceof RangeError) {
      return fail(fileName, [yamlProblem('the document is too large or nested too deeply', {})], { cause: error });
    }
    throw error;
  }
}
