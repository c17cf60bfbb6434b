import { describe, expect, it } from 'vitest';
import { createIgnoreMatcher, parseIgnoreLine } from '../src/index.js';

const file = (text: string, path: string) => createIgnoreMatcher(text).excludedBy(path, false);
const dir = (text: string, path: string) => createIgnoreMatcher(text).excludedBy(path, true);

describe('.pactoignore rules', () => {
  it('applies the default patterns first', () => {
    expect(dir('', '.git')).toBe('.git/');
    expect(dir('', 'sub/.git')).toBe('.git/');
    expect(file('', '.git')).toBeUndefined();
    expect(file('', '.pactoignore')).toBe('.pactoignore');
    expect(file('', 'pacto.lock')).toBe('pacto.lock');
    expect(file('', 'docs/.DS_Store')).toBe('.DS_Store');
    expect(file('!pacto.lock', 'pacto.lock')).toBeUndefined();
  });

  it('skips blank lines and comments and trims whitespace', () => {
    const matcher = createIgnoreMatcher('\n# comment\n   *.log   \n');
    expect(matcher.rules.map((r) => r.pattern)).toEqual(['.git/', '.pactoignore', 'pacto.lock', '.DS_Store', '*.log']);
    expect(matcher.excludedBy('a/b/c.log', false)).toBe('*.log');
  });

  it('matches a slash-free pattern against the basename at any depth', () => {
    expect(file('secret.txt', 'secret.txt')).toBe('secret.txt');
    expect(file('secret.txt', 'a/b/secret.txt')).toBe('secret.txt');
    expect(file('secret.txt', 'a/secret.txt.bak')).toBeUndefined();
  });

  it('anchors a leading slash to the root', () => {
    expect(file('/notes.md', 'notes.md')).toBe('/notes.md');
    expect(file('/notes.md', 'docs/notes.md')).toBeUndefined();
  });

  it('restricts a trailing slash to directories', () => {
    expect(dir('build/', 'build')).toBe('build/');
    expect(dir('build/', 'src/build')).toBe('build/');
    expect(file('build/', 'build')).toBeUndefined();
  });

  it('matches patterns containing a slash against the whole path, segment by segment', () => {
    expect(file('docs/*.md', 'docs/a.md')).toBe('docs/*.md');
    expect(file('docs/*.md', 'docs/sub/a.md')).toBeUndefined();
    expect(file('docs/*.md', 'x/docs/a.md')).toBeUndefined();
    expect(dir('docs/sub', 'docs/sub')).toBe('docs/sub');
    expect(file('docs', 'docs/readme')).toBeUndefined();
  });

  it('lets ** match zero or more whole segments', () => {
    expect(file('**/gen/*.json', 'gen/a.json')).toBe('**/gen/*.json');
    expect(file('**/gen/*.json', 'x/y/gen/a.json')).toBe('**/gen/*.json');
    expect(file('docs/**/*.png', 'docs/a.png')).toBe('docs/**/*.png');
    expect(file('docs/**/*.png', 'docs/a/b/c.png')).toBe('docs/**/*.png');
    expect(file('docs/**', 'docs/a/b')).toBe('docs/**');
    expect(file('a/**/b', 'a/xb')).toBeUndefined();
  });

  it('supports ?, character classes, negated classes, ranges and escapes', () => {
    expect(file('file?.txt', 'file1.txt')).toBe('file?.txt');
    expect(file('file?.txt', 'file10.txt')).toBeUndefined();
    expect(file('v[0-9].yaml', 'v7.yaml')).toBe('v[0-9].yaml');
    expect(file('v[0-9].yaml', 'vx.yaml')).toBeUndefined();
    expect(file('v[!0-9].yaml', 'vx.yaml')).toBe('v[!0-9].yaml');
    expect(file('v[^0-9].yaml', 'v1.yaml')).toBeUndefined();
    expect(file('[]]x', ']x')).toBe('[]]x');
    expect(file('a\\*b', 'a*b')).toBe('a\\*b');
    expect(file('a\\*b', 'axb')).toBeUndefined();
    expect(file('.*', '.env')).toBe('.*');
    expect(file('(x)+.txt', '(x)+.txt')).toBe('(x)+.txt');
  });

  it('never matches with a malformed class', () => {
    expect(parseIgnoreLine('[abc')?.segments).toBeUndefined();
    expect(file('[abc', '[abc')).toBeUndefined();
  });

  it('requires the whole path to match, not a prefix', () => {
    expect(file('docs/a', 'docs/a/b.md')).toBeUndefined();
    expect(file('doc', 'docs')).toBeUndefined();
  });

  it('lets the last matching rule decide and supports negation', () => {
    expect(file('*.md\n!README.md', 'README.md')).toBeUndefined();
    expect(file('*.md\n!README.md', 'CHANGES.md')).toBe('*.md');
    expect(file('!README.md\n*.md', 'README.md')).toBe('*.md');
  });

  it('never excludes the root pacto.yaml', () => {
    expect(file('pacto.yaml\n*', 'pacto.yaml')).toBeUndefined();
    expect(file('pacto.yaml', 'sub/pacto.yaml')).toBe('pacto.yaml');
  });

  it('ignores lines that leave no pattern', () => {
    expect(parseIgnoreLine('/')).toBeUndefined();
    expect(parseIgnoreLine('!')).toBeUndefined();
    expect(parseIgnoreLine('   # x')).toBeUndefined();
  });

  it('matches globs as the equivalent regular expression does, on every short glob and name', () => {
    const globPieces: [string, string][] = [['*', '[^/]*'], ['?', '[^/]'], ['a', 'a'], ['b', 'b'], ['[ab]', '[ab]'], ['[!a]', '[^/a]']];
    const names = ['', 'a', 'b', 'c', 'aa', 'ab', 'ba', 'abc', 'aab', 'bab', 'abab', 'cab'];
    const differences: string[] = [];
    const visit = (glob: string, source: string, depth: number) => {
      if (glob !== '') {
        const matcher = parseIgnoreLine(glob)!.segments![0]!;
        const expected = new RegExp(`^${source}$`, 'su');
        for (const name of names) if (matcher !== '**' && matcher.test(name) !== expected.test(name)) differences.push(`${glob} ${name}`);
      }
      if (depth < 4) for (const [piece, regexp] of globPieces) visit(glob + piece, source + regexp, depth + 1);
    };
    visit('', '', 0);
    expect(differences).toEqual([]);
  });

  it('matches hostile globs against long names and deep paths in bounded time', () => {
    const name = 'a'.repeat(4000);
    expect(file('*a*a*a*a*a*a*a*b', name)).toBeUndefined();
    expect(file('*a*a*a*a*a*a*a*a', name)).toBe('*a*a*a*a*a*a*a*a');
    const deep = Array.from({ length: 2000 }, () => 'a').join('/');
    expect(file('**/a/**/a/**/a/**/a/**/b', deep)).toBeUndefined();
    expect(file('**/a/**/a/**/a/**/a/**/a', deep)).toBe('**/a/**/a/**/a/**/a/**/a');
  }, 20_000);
});
