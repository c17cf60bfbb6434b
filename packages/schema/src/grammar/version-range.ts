import { rewriteHyphenRanges } from './hyphen-range.js';
import { compareVersions, comparePrerelease, parseVersion, type SemanticVersion } from './semantic-version.js';

// Version ranges in the Masterminds/semver v3 constraint dialect (contract.md §3.12.3, oci.md §8.2):
// operators = != > < >= => <= =< ~ ~> ^, wildcards x X *, hyphen ranges `a - b`,
// comma or whitespace for AND, `||` for OR. One module for validation, tag resolution and the graph.

export type RangeOperator = '' | '=' | '!=' | '>' | '<' | '>=' | '=>' | '<=' | '=<' | '~' | '~>' | '^';

/** One comparison of a range, e.g. `>=1.2` (a version with wildcard or missing parts is "dirty"). */
export interface RangeComparator {
  readonly operator: RangeOperator;
  /** The version text as written after the operator (e.g. `1.x`). */
  readonly text: string;
  /** The version with wildcards/missing parts replaced by 0. */
  readonly version: SemanticVersion;
  /** The major part was a wildcard or missing... */
  readonly dirty: boolean;
  /** ...the minor part was, so only the major counts. */
  readonly minorDirty: boolean;
  /** ...the patch part was, so major and minor count. */
  readonly patchDirty: boolean;
}

/** OR of AND-groups. A group that names a pre-release lets pre-release versions through. */
export interface VersionRange {
  readonly text: string;
  readonly groups: readonly (readonly RangeComparator[])[];
  readonly groupHasPrerelease: readonly boolean[];
}

export type RangeParseResult =
  | { readonly ok: true; readonly range: VersionRange }
  | { readonly ok: false; readonly error: string };

const PART = '[0-9xX*]+';
const IDS = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
// A constraint version: major, .minor, .patch (each digits or a wildcard), -prerelease, +build.
const CV = `v?(${PART})(\\.${PART})?(\\.${PART})?(-${IDS})?(\\+${IDS})?`;
const CV_PLAIN = `v?${PART}(?:\\.${PART})?(?:\\.${PART})?(?:-${IDS})?(?:\\+${IDS})?`;
// Longest operators first so that `>=` is not read as `>` followed by `=`.
const OPERATOR = /!=|>=|=>|<=|=<|~>|=|>|<|~|\^|/y;
const VERSION_TEXT = new RegExp(CV_PLAIN, 'y');
const SPACE = /\s*/y;
const SPLIT_CV = new RegExp(`^${CV}$`);

function isWildcard(part: string | undefined): boolean {
  return part === 'x' || part === 'X' || part === '*';
}

function stripDot(part: string | undefined): string | undefined {
  return part === undefined ? undefined : part.slice(1);
}

const UINT64_MAX = 2n ** 64n - 1n;

// Leading zeros are tolerated inside ranges (Masterminds coerces them); see docs/decisions.md.
// Like Masterminds, a part beyond the unsigned 64-bit range is an error.
function toNumber(part: string): number | undefined {
  if (!/^[0-9]+$/.test(part)) return undefined;
  if (part.length > 19 && BigInt(part) > UINT64_MAX) return undefined;
  return Number(part);
}

function parseComparator(operator: RangeOperator, text: string): RangeComparator | string {
  const match = SPLIT_CV.exec(text);
  if (match === null) return `improper constraint: ${operator}${text}`;
  const [, majorText = '', minorPart, patchPart, prereleasePart = ''] = match;
  const minorText = stripDot(minorPart);
  const patchText = stripDot(patchPart);
  const prerelease = prereleasePart.slice(1);
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  let major: number | undefined = 0;
  let minor: number | undefined = 0;
  let patch: number | undefined = 0;
  if (isWildcard(majorText)) {
    dirty = true;
  } else if (minorText === undefined || isWildcard(minorText)) {
    dirty = minorDirty = true;
    major = toNumber(majorText);
  } else if (patchText === undefined || isWildcard(patchText)) {
    dirty = patchDirty = true;
    major = toNumber(majorText);
    minor = toNumber(minorText);
  } else {
    major = toNumber(majorText);
    minor = toNumber(minorText);
    patch = toNumber(patchText);
  }
  if (major === undefined || minor === undefined || patch === undefined) return 'constraint parser error';
  if (prerelease !== '') {
    const check = parseVersion(`0.0.0-${prerelease}`);
    if (!check.ok) return 'constraint parser error';
  }
  const build = dirty ? '' : (match[5] ?? '').slice(1);
  return {
    operator,
    text,
    version: { major, minor, patch, prerelease, build, original: text },
    dirty,
    minorDirty,
    patchDirty,
  };
}

/**
 * The longest range accepted (Masterminds has no limit). Real ranges are tens of characters; the cap keeps
 * a hostile contract from making each range cost time and memory in proportion to its length.
 */
export const MAX_RANGE_LENGTH = 1024;

/** The longest constraint version at `at` (sticky match: greedy, no backtracking after it). */
function versionAt(text: string, at: number): string | undefined {
  VERSION_TEXT.lastIndex = at;
  return VERSION_TEXT.exec(text)?.[0];
}

const MAX_CACHED = 1024;
const cache = new Map<string, RangeParseResult>();

function skip(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  return match === null ? at : at + match[0].length;
}

/**
 * The `operator version` pairs of one AND-group, or undefined when the group is not
 * `op? version ((whitespace | ,) op? version)*` with optional whitespace around (Masterminds' grammar).
 * A hand-written scanner: the same grammar as one regular expression backtracks exponentially in JS.
 */
function scanGroup(segment: string): [RangeOperator, string][] | undefined {
  const found: [RangeOperator, string][] = [];
  let at = skip(SPACE, segment, 0);
  for (;;) {
    OPERATOR.lastIndex = at;
    const operator = (OPERATOR.exec(segment)?.[0] ?? '') as RangeOperator;
    at = skip(SPACE, segment, at + operator.length);
    const version = versionAt(segment, at);
    if (version === undefined) return undefined;
    found.push([operator, version]);
    at += version.length;
    const afterVersion = at;
    at = skip(SPACE, segment, at);
    if (at === segment.length) return found;
    if (segment[at] === ',') at = skip(SPACE, segment, at + 1);
    else if (at === afterVersion) return undefined; // two comparators need a comma or whitespace between them
  }
}

/**
 * Parse a range; errors read like Masterminds' (`improper constraint: <segment>`). Results are cached.
 * Time is linear in the length of `text`, which is at most MAX_RANGE_LENGTH.
 */
export function parseRange(text: string): RangeParseResult {
  let result = cache.get(text);
  if (result === undefined) {
    result = parseRangeUncached(text);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(text, result);
  }
  return result;
}

function parseRangeUncached(text: string): RangeParseResult {
  if (text.length > MAX_RANGE_LENGTH) {
    return { ok: false, error: `a range has at most ${MAX_RANGE_LENGTH} characters, this one has ${text.length}` };
  }
  const rewritten = rewriteHyphenRanges(text, versionAt);
  const groups: RangeComparator[][] = [];
  const groupHasPrerelease: boolean[] = [];
  for (const segment of rewritten.split('||')) {
    const found = scanGroup(segment);
    if (found === undefined) return { ok: false, error: `improper constraint: ${segment}` };
    const group: RangeComparator[] = [];
    let hasPrerelease = false;
    for (const [operator, versionText] of found) {
      const comparator = parseComparator(operator, versionText);
      if (typeof comparator === 'string') return { ok: false, error: comparator };
      if (comparator.version.prerelease !== '') hasPrerelease = true;
      group.push(comparator);
    }
    groups.push(group);
    groupHasPrerelease.push(hasPrerelease);
  }
  return { ok: true, range: { text, groups, groupHasPrerelease } };
}

/** True when `text` parses as a range. */
export function isVersionRange(text: string): boolean {
  return parseRange(text).ok;
}

function tilde(v: SemanticVersion, c: RangeComparator): boolean {
  if (compareVersions(v, c.version) < 0) return false;
  const con = c.version;
  // `~0.0.0` (and `~*`) accept everything from 0.0.0 up.
  if (con.major === 0 && con.minor === 0 && con.patch === 0 && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== con.major) return false;
  return v.minor === con.minor || c.minorDirty;
}

function caret(v: SemanticVersion, c: RangeComparator): boolean {
  const con = c.version;
  if (compareVersions(v, con) < 0) return false;
  if (con.major > 0 || c.minorDirty) return v.major === con.major;
  if (v.major > 0) return false;
  if (con.minor > 0 || c.patchDirty) return v.minor === con.minor;
  if (v.minor > 0) return false;
  return v.patch === con.patch;
}

function notEqual(v: SemanticVersion, c: RangeComparator): boolean {
  const con = c.version;
  if (c.dirty) {
    if (con.major !== v.major) return true;
    if (c.minorDirty) return false;
    if (con.minor !== v.minor) return true;
    if (!c.patchDirty && con.patch !== v.patch) return true;
    if (c.patchDirty) {
      if (v.prerelease !== '' || con.prerelease !== '') return comparePrerelease(v.prerelease, con.prerelease) !== 0;
      return false;
    }
  }
  return compareVersions(v, con) !== 0;
}

function greaterThan(v: SemanticVersion, c: RangeComparator): boolean {
  const con = c.version;
  if (!c.dirty) return compareVersions(v, con) > 0;
  if (v.major !== con.major) return v.major > con.major;
  if (c.minorDirty) return false;
  if (c.patchDirty) return v.minor > con.minor;
  return compareVersions(v, con) > 0;
}

function lessThanOrEqual(v: SemanticVersion, c: RangeComparator): boolean {
  const con = c.version;
  if (!c.dirty) return compareVersions(v, con) <= 0;
  if (v.major > con.major) return false;
  return !(v.major === con.major && v.minor > con.minor && !c.minorDirty);
}

function check(v: SemanticVersion, c: RangeComparator): boolean {
  switch (c.operator) {
    case '':
    case '=':
      return c.dirty ? tilde(v, c) : compareVersions(v, c.version) === 0;
    case '!=':
      return notEqual(v, c);
    case '>':
      return greaterThan(v, c);
    case '<':
      return compareVersions(v, c.version) < 0;
    case '>=':
    case '=>':
      return compareVersions(v, c.version) >= 0;
    case '<=':
    case '=<':
      return lessThanOrEqual(v, c);
    case '~':
    case '~>':
      return tilde(v, c);
    case '^':
      return caret(v, c);
  }
}

/**
 * True when `version` satisfies `range`. A pre-release version only satisfies an AND-group in which
 * some comparator itself names a pre-release (oci.md §8.2).
 */
export function satisfies(version: SemanticVersion, range: VersionRange): boolean {
  return range.groups.some((group, index) => {
    if (version.prerelease !== '' && !range.groupHasPrerelease[index]) return false;
    return group.every((comparator) => check(version, comparator));
  });
}

/**
 * The highest of `versions` (texts, e.g. registry tags) that parses as a semantic version and satisfies
 * `range` (every parsable version when `range` is undefined). Returns the original text, or undefined.
 */
export function maxSatisfying(versions: Iterable<string>, range?: VersionRange): string | undefined {
  let best: SemanticVersion | undefined;
  for (const text of versions) {
    const parsed = parseVersion(text);
    if (!parsed.ok) continue;
    if (range !== undefined && !satisfies(parsed.version, range)) continue;
    if (best === undefined || compareVersions(parsed.version, best) > 0) best = parsed.version;
  }
  return best?.original;
}
