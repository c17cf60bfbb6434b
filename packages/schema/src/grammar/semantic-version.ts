
// Lenient semantic versions in the Masterminds/semver v3 sense (contract.md §3.12.2, oci.md §8.2):
// optional leading `v`, missing minor/patch mean 0, optional pre-release and build metadata.

export interface SemanticVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** Dot-separated pre-release identifiers without the leading `-`; empty when none. */
  readonly prerelease: string;
  /** Build metadata without the leading `+`; empty when none. Ignored by comparison. */
  readonly build: string;
  /** The text as written (e.g. `v1.2`). */
  readonly original: string;
}

export type VersionParseResult =
  | { readonly ok: true; readonly version: SemanticVersion }
  | { readonly ok: false; readonly error: string };

export const MAX_VERSION_LENGTH = 256;

const IDENT = '[0-9A-Za-z-]+';
const LOOSE_VERSION = new RegExp(
  `^v?([0-9]+)(?:\\.([0-9]+))?(?:\\.([0-9]+))?(?:-(${IDENT}(?:\\.${IDENT})*))?(?:\\+(${IDENT}(?:\\.${IDENT})*))?$`,
);
const DIGITS = /^[0-9]+$/;
const UINT64_MAX = 2n ** 64n - 1n;

function hasLeadingZero(segment: string | undefined): boolean {
  return segment !== undefined && segment.length > 1 && segment.startsWith('0');
}

export interface VersionParseOptions {
  /**
   * Accept leading zeros in major, minor and patch (`2024.01.01`), as Masterminds/semver 3.4 and later and so
   * pactoVersion 2.0 do (contract-2.0.md §3.11). The numbers read as decimal.
   */
  readonly leadingZeros?: boolean;
}

/**
 * Parse `text` as a lenient semantic version. Numeric parts and numeric pre-release identifiers
 * must not have leading zeros (contract.md §3.12.2). Error texts follow Masterminds/semver.
 */
export function parseVersion(text: string, options: VersionParseOptions = {}): VersionParseResult {
  if (text.length > MAX_VERSION_LENGTH) {
    return { ok: false, error: `version string is too long (max ${MAX_VERSION_LENGTH} bytes)` };
  }
  const match = LOOSE_VERSION.exec(text);
  if (match === null) return { ok: false, error: 'invalid semantic version' };
  const [, major, minor, patch, prerelease = '', build = ''] = match;
  if (options.leadingZeros !== true && (hasLeadingZero(major) || hasLeadingZero(minor) || hasLeadingZero(patch))) {
    return { ok: false, error: 'version segment starts with 0' };
  }
  if (prerelease !== '' && prerelease.split('.').some((id) => DIGITS.test(id) && hasLeadingZero(id))) {
    return { ok: false, error: 'version segment starts with 0' };
  }
  for (const segment of [major, minor, patch]) {
    if (segment !== undefined && segment.length > 19 && BigInt(segment) > UINT64_MAX) {
      return { ok: false, error: `error parsing version segment: strconv.ParseUint: parsing ${JSON.stringify(segment)}: value out of range` };
    }
  }
  return {
    ok: true,
    version: {
      major: Number(major),
      minor: minor === undefined ? 0 : Number(minor),
      patch: patch === undefined ? 0 : Number(patch),
      prerelease,
      build,
      original: text,
    },
  };
}

/** True when `text` is a lenient semantic version. */
export function isSemanticVersion(text: string, options: VersionParseOptions = {}): boolean {
  return parseVersion(text, options).ok;
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const NUMERIC_IDENTIFIER = /^[0-9]+$/;

/**
 * SemVer §11.4 identifier precedence, as the `semver` package's compareIdentifiers (kept local so the
 * contract parser does not load all of `semver`): numeric identifiers compare as numbers and sort
 * before alphanumeric ones, which compare in ASCII order.
 */
function compareIdentifiers(a: string, b: string): number {
  const aNumeric = NUMERIC_IDENTIFIER.test(a);
  const bNumeric = NUMERIC_IDENTIFIER.test(b);
  if (aNumeric && bNumeric) return compareNumbers(Number(a), Number(b));
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compare pre-release strings by SemVer precedence. */
export function comparePrerelease(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  const length = Math.max(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const x = left[i];
    const y = right[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const order = compareIdentifiers(x, y);
    if (order !== 0) return order;
  }
  return 0;
}

/** SemVer precedence: -1, 0 or 1. Build metadata is ignored; a pre-release sorts before its release. */
export function compareVersions(a: SemanticVersion, b: SemanticVersion): number {
  const order =
    compareNumbers(a.major, b.major) || compareNumbers(a.minor, b.minor) || compareNumbers(a.patch, b.patch);
  if (order !== 0) return order;
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === '') return 1;
  if (b.prerelease === '') return -1;
  return comparePrerelease(a.prerelease, b.prerelease);
}

/** `major.minor.patch[-pre][+build]` without the `v` prefix, as Masterminds prints a version. */
export function formatVersion(version: SemanticVersion): string {
  let text = `${version.major}.${version.minor}.${version.patch}`;
  if (version.prerelease !== '') text += `-${version.prerelease}`;
  if (version.build !== '') text += `+${version.build}`;
  return text;
}
