/** Patterns applied before the user's `.pactoignore` lines (oci.md §2.3). */
export const DEFAULT_IGNORE_PATTERNS: readonly string[] = ['.git/', '.pactoignore', 'pacto.lock', '.DS_Store'];

/** One compiled `.pactoignore` line. */
export interface IgnoreRule {
  /** The line as written (trimmed), e.g. `interfaces/` or `!keep.md`; quoted in FILE_NOT_FOUND hints. */
  readonly pattern: string;
  readonly negated: boolean;
  readonly directoryOnly: boolean;
  /** Matches the basename at any depth (no `/` in the pattern and not anchored). */
  readonly basename: boolean;
  /** Per-segment matchers; `'**'` stands for zero or more whole segments. `undefined` when the glob is malformed. */
  readonly segments: readonly (SegmentMatcher | '**')[] | undefined;
}

/** Matches one path segment against one glob segment (`*.md`, `[a-c]?`). */
export interface SegmentMatcher {
  test(name: string): boolean;
}

/** Decides, for a bundle-relative path, which pattern (if any) excludes it. */
export interface IgnoreMatcher {
  readonly rules: readonly IgnoreRule[];
  /**
   * The pattern that excludes `path` itself (last matching rule, not negated), ignoring ancestors;
   * walkers call this top-down and skip excluded subtrees. `pacto.yaml` at the root is never excluded.
   */
  excludedBy(path: string, isDirectory: boolean): string | undefined;
}

/** Compile `.pactoignore` text (may be empty) after the default patterns. */
export function createIgnoreMatcher(pactoignoreText = ''): IgnoreMatcher {
  const rules = [...DEFAULT_IGNORE_PATTERNS, ...pactoignoreText.split(/\r?\n/)]
    .map(parseIgnoreLine)
    .filter((rule): rule is IgnoreRule => rule !== undefined);
  return {
    rules,
    excludedBy(path, isDirectory) {
      if (path === 'pacto.yaml') return undefined;
      let decided: IgnoreRule | undefined;
      for (const rule of rules) if (ruleMatches(rule, path, isDirectory)) decided = rule;
      return decided && !decided.negated ? decided.pattern : undefined;
    },
  };
}

/** Parse one line; blank lines, comments and lines with no pattern left return undefined. */
export function parseIgnoreLine(line: string): IgnoreRule | undefined {
  const pattern = line.trim();
  if (pattern === '' || pattern.startsWith('#')) return undefined;
  let body = pattern;
  const negated = body.startsWith('!');
  if (negated) body = body.slice(1);
  const directoryOnly = body.endsWith('/');
  if (directoryOnly) body = body.slice(0, -1);
  const anchored = body.startsWith('/');
  if (anchored) body = body.slice(1);
  if (body === '') return undefined;
  const basename = !anchored && !body.includes('/');
  return { pattern, negated, directoryOnly, basename, segments: compileSegments(body.split('/')) };
}

function ruleMatches(rule: IgnoreRule, path: string, isDirectory: boolean): boolean {
  if (rule.directoryOnly && !isDirectory) return false;
  const segments = rule.segments;
  if (!segments) return false;
  const names = path.split('/');
  if (rule.basename) {
    const only = segments[0];
    const name = names[names.length - 1] ?? '';
    return only === '**' || (only !== undefined && only.test(name));
  }
  return matchSegments(segments, names);
}

function matchSegments(pattern: readonly (SegmentMatcher | '**')[], names: readonly string[]): boolean {
  // Which pattern positions can be reached after each prefix of names: a walk over (pattern, name) pairs,
  // so `**/a/**/a/**/b` costs pattern × names steps, not an exponential search.
  let reachable = new Set<number>([0]);
  const closeOverGlobstars = (set: Set<number>) => {
    for (const pi of set) if (pattern[pi] === '**') set.add(pi + 1);
    return set;
  };
  closeOverGlobstars(reachable);
  for (const name of names) {
    const next = new Set<number>();
    for (const pi of reachable) {
      const current = pattern[pi];
      if (current === '**') next.add(pi);
      else if (current !== undefined && current.test(name)) next.add(pi + 1);
    }
    if (next.size === 0) return false;
    reachable = closeOverGlobstars(next);
  }
  return reachable.has(pattern.length);
}

function compileSegments(globs: readonly string[]): (SegmentMatcher | '**')[] | undefined {
  const compiled: (SegmentMatcher | '**')[] = [];
  for (const glob of globs) {
    if (glob === '**') {
      // Consecutive `**` mean the same as one; collapsing keeps matching linear.
      if (compiled[compiled.length - 1] !== '**') compiled.push('**');
      continue;
    }
    const tokens = globTokens(glob);
    if (tokens === undefined) return undefined;
    compiled.push({ test: (name) => matchGlobTokens(tokens, Array.from(name)) });
  }
  return compiled;
}

/** One character of a glob: a literal, `?`, a `[...]` class (code point ranges), or `*`. */
type GlobToken =
  | { readonly kind: 'literal'; readonly char: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'class'; readonly negated: boolean; readonly ranges: readonly (readonly [number, number])[] }
  | { readonly kind: 'star' };

/**
 * fnmatch-style glob for one path segment: `*`, `?`, `[...]` (with `!` or `^` negation and ranges), `\` escapes.
 * A malformed class (no closing `]`) makes the whole pattern match nothing, as Go's path.Match reports ErrBadPattern.
 */
function globTokens(glob: string): GlobToken[] | undefined {
  const chars = Array.from(glob);
  const tokens: GlobToken[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'any' });
    else if (c === '\\') {
      const next = chars[++i];
      if (next === undefined) return undefined;
      tokens.push({ kind: 'literal', char: next });
    } else if (c === '[') {
      const parsed = parseClass(chars, i + 1);
      if (!parsed) return undefined;
      tokens.push(parsed.token);
      i = parsed.end;
    } else tokens.push({ kind: 'literal', char: c });
  }
  return tokens;
}

function parseClass(chars: readonly string[], start: number): { token: GlobToken; end: number } | undefined {
  let i = start;
  let negated = false;
  if (chars[i] === '!' || chars[i] === '^') {
    negated = true;
    i++;
  }
  const ranges: [number, number][] = [];
  let first = true;
  for (; i < chars.length; i++) {
    let c = chars[i] as string;
    if (c === ']' && !first) return { token: { kind: 'class', negated, ranges }, end: i };
    first = false;
    if (c === '\\') {
      const next = chars[++i];
      if (next === undefined) return undefined;
      c = next;
    }
    const lo = c.codePointAt(0) ?? 0;
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined && chars[i + 2] !== ']') {
      let hi = chars[i + 2] as string;
      let skip = 2;
      if (hi === '\\') {
        const escaped = chars[i + 3];
        if (escaped === undefined) return undefined;
        hi = escaped;
        skip = 3;
      }
      if ((hi.codePointAt(0) ?? 0) < lo) return undefined;
      ranges.push([lo, hi.codePointAt(0) ?? 0]);
      i += skip;
    } else ranges.push([lo, lo]);
  }
  return undefined;
}

function matchesOne(token: GlobToken, char: string): boolean {
  if (token.kind === 'literal') return token.char === char;
  if (char === '/') return false;
  if (token.kind === 'any') return true;
  if (token.kind === 'star') return false;
  const code = char.codePointAt(0) ?? 0;
  return token.ranges.some(([lo, hi]) => code >= lo && code <= hi) !== token.negated;
}

/**
 * Wildcard matching with backtracking to the last `*` only: at most tokens × characters steps, where a
 * regular expression with several `*` can take time to the power of their number on a long name.
 */
function matchGlobTokens(tokens: readonly GlobToken[], chars: readonly string[]): boolean {
  let t = 0;
  let c = 0;
  let star = -1;
  let starChar = 0;
  while (c < chars.length) {
    const token = tokens[t];
    if (token?.kind === 'star') {
      star = t++;
      starChar = c;
    } else if (token !== undefined && matchesOne(token, chars[c] as string)) {
      t++;
      c++;
    } else if (star >= 0 && chars[starChar] !== '/') {
      t = star + 1;
      c = ++starChar;
    } else return false;
  }
  while (tokens[t]?.kind === 'star') t++;
  return t === tokens.length;
}
