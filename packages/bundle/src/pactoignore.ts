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
  readonly segments: readonly (RegExp | '**')[] | undefined;
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
  return matchSegments(segments, 0, names, 0);
}

function matchSegments(pattern: readonly (RegExp | '**')[], pi: number, names: readonly string[], ni: number): boolean {
  if (pi === pattern.length) return ni === names.length;
  const current = pattern[pi];
  if (current === '**') {
    for (let k = ni; k <= names.length; k++) if (matchSegments(pattern, pi + 1, names, k)) return true;
    return false;
  }
  const name = names[ni];
  return name !== undefined && current !== undefined && current.test(name) && matchSegments(pattern, pi + 1, names, ni + 1);
}

function compileSegments(globs: readonly string[]): (RegExp | '**')[] | undefined {
  const compiled: (RegExp | '**')[] = [];
  for (const glob of globs) {
    if (glob === '**') {
      // Consecutive `**` mean the same as one; collapsing keeps matching linear.
      if (compiled[compiled.length - 1] !== '**') compiled.push('**');
      continue;
    }
    const source = globToRegExpSource(glob);
    if (source === undefined) return undefined;
    compiled.push(new RegExp(`^${source}$`, 'su'));
  }
  return compiled;
}

const REGEXP_SPECIAL = /[\\^$.*+?()[\]{}|]/;
const CLASS_SPECIAL = /[\\^\]\[-]/;

/**
 * fnmatch-style glob for one path segment: `*`, `?`, `[...]` (with `!` or `^` negation and ranges), `\` escapes.
 * A malformed class (no closing `]`) makes the whole pattern match nothing, as Go's path.Match reports ErrBadPattern.
 */
function globToRegExpSource(glob: string): string | undefined {
  const chars = Array.from(glob);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\') {
      const next = chars[++i];
      if (next === undefined) return undefined;
      out += escapeChar(next);
    } else if (c === '[') {
      const parsed = parseClass(chars, i + 1);
      if (!parsed) return undefined;
      out += parsed.source;
      i = parsed.end;
    } else out += escapeChar(c);
  }
  return out;
}

function parseClass(chars: readonly string[], start: number): { source: string; end: number } | undefined {
  let i = start;
  let negated = false;
  if (chars[i] === '!' || chars[i] === '^') {
    negated = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < chars.length; i++) {
    let c = chars[i] as string;
    if (c === ']' && !first) return { source: `[${negated ? '^/' : ''}${body}]`, end: i };
    first = false;
    if (c === '\\') {
      const next = chars[++i];
      if (next === undefined) return undefined;
      c = next;
    }
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined && chars[i + 2] !== ']') {
      let hi = chars[i + 2] as string;
      let skip = 2;
      if (hi === '\\') {
        const escaped = chars[i + 3];
        if (escaped === undefined) return undefined;
        hi = escaped;
        skip = 3;
      }
      if ((hi.codePointAt(0) ?? 0) < (c.codePointAt(0) ?? 0)) return undefined;
      body += `${escapeClassChar(c)}-${escapeClassChar(hi)}`;
      i += skip;
    } else body += escapeClassChar(c);
  }
  return undefined;
}

function escapeChar(c: string): string {
  return REGEXP_SPECIAL.test(c) ? `\\${c}` : c;
}

function escapeClassChar(c: string): string {
  return CLASS_SPECIAL.test(c) ? `\\${c}` : c;
}
