import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readYamlFast } from '../src/parse/yaml-fast.js';
import { readYamlFull } from '../src/parse/yaml-full.js';
import type { YamlNode } from '../src/parse/tree.js';
import { ownCases } from '../../../test/conformance/harness.js';

// The fast reader must either decline or build exactly the tree the complete reader builds.

// The suite's own contract cases and the examples: real contracts in the styles people write.
const corpusFiles = ownCases().map((c) => join(c.dir, 'pacto.yaml'));

function fullTree(text: string) {
  try {
    return readYamlFull(text);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function expectSameAsFull(text: string): 'fast' | 'declined' {
  const fast = readYamlFast(text);
  if (fast === undefined) return 'declined';
  const full = fullTree(text);
  if (fast === 'empty') expect(full).toBeUndefined();
  else expect(fast.root).toEqual((full as { root: unknown }).root);
  return 'fast';
}

describe('fast and complete YAML readers agree', () => {
  it.each(corpusFiles)('%s', (file) => {
    const text = readFileSync(file, 'utf8');
    // Every case except the deliberately broken one is read by the fast reader.
    const outcome = expectSameAsFull(text);
    if (!file.includes('not-yaml')) expect(outcome).toBe('fast');
    // The same with Windows line ends.
    expect(expectSameAsFull(text.replaceAll('\n', '\r\n'))).toBe(outcome);
  });

  const samples: readonly string[] = [
    'a: 1\n',
    'a:\n- x\n- y\nb: 2\n',
    'a:\n  - x\n  - y\n',
    'list:\n  - name: a\n    type: b\n  - name: c\n',
    '- name: a\n  list:\n  - x\n  - y\n- b\n',
    'a: {x: 1, "y": \'two\', z: [1, 2, [3]], w: {}}\nb: []\n',
    'a:\n  b:\n    c: d\n  e: f\n',
    'a: value # comment\n# comment line\n  # indented comment\nb: x#y\n',
    'a:\nb: ~\nc: ""\nd: \'\'\n',
    'key   : spaced\n',
    '"quoted key": 1\n\'single\': 2\n',
    'esc: "a\\tb\\n\\u00e9\\x41\\"\\\\"\n',
    "s: 'it''s'\n",
    'url: http://example.com:8080/x\n',
    'k: a:b\n',
    'k:\n  scalar on next line\nz: 1\n',
    '  indented: root\n  second: 2\n',
    'plain\n',
    '[a, b]\n',
    'a: b: c\n',
    'a: - b\n',
    'a: 1\n b: 2\n',
    'a:\n  b: 1\n c: 2\n',
    'a: |\n  lit\n',
    'a: &x 1\nb: *x\n',
    'a: &x\n  k: v\nb: *x\n',
    'a: &x\nb: 1\n',
    'a: &x\n- 1\nb: *x\n',
    '- &x\n  k: v\n- *x\n',
    '- &x k: v\n',
    '&x a: 1\nb: *x\n',
    'a:\n  &x b: 1\n',
    'a: &x [1, *x]\n',
    'a: &x\n  b: *x\n',
    'a: [&x 1, *x, {k: *x}]\n',
    'a: [&x]\n',
    'a: *x\n',
    'a: *x y\n',
    'a: &x 1\nb: *x\n  c\n',
    'a: &x *y\n',
    'a: &x &y 1\n',
    'a: &a:b 1\nb: *a:b\n',
    'a: &x!y 1\n',
    'a: &x 1\na2: &x 2\nb: *x\n',
    'a: &x\n  b: &x 1\n  c: *x\nd: *x\n',
    'a: &x |\n  lit\nb: *x # c\n',
    'base: &b\n  k: 1\nx:\n  <<: *b\n  l: 2\n',
    'a: !!str 1\n',
    '---\na: 1\n',
    'a: 1\n---\nb: 2\n',
    'a: "unterminated\n',
    'a: [1, 2\n',
    'a: [1, 2,]\n',
    'a:\n- \n',
    'a: multi\n  line\n',
    '- - x\n',
    '? complex\n: key\n',
    'a:\tb\n',
    'a: 1\r\nb: 2\r\n',
    'a: 1\rb: 2\n',
    'a: "x\ry"\n',
    'a: [1,\r\n  2]\r\n',
    '',
    '# only\n',
    'a: {b: c}, d\n',
    'k: -1\n',
    'k: 1e3\nl: 0x1F\nm: .inf\n',
    'x: "é😀"\n',
    '- a\n- b: 1\n  c: 2\n- [x]\n',
    'a: |\n  line one\n  # not a comment\n\n  line three\nb: 1\n',
    'a: >\n  folded\n  text\n\n  para\n# comment\nb: 2\n',
    'a: |-\n    strip\n    me\n\n\nb: x\n',
    'a: >- # comment\n  x\n',
    'a: |+\n  keep\n\n',
    'a: |2\n   indented\n',
    'a: |\n\n  leading blank\n',
    'a: |\n  no final break',
    'a: >\n  more\n    indented\n',
    'a: |\n  x\n      \n  y\n',
    '- |\n  item\n- >\n  next\n',
    'a:\n  - |\n    x\n  - y\n',
    'a: |\nb: 1\n',
    'a: | x\n',
    'k: |\r\n  crlf\r\n  lines\r\n',
    'summary: a long\n  text on\n\n  three lines\nnext: 1\n',
    '- item that\n  wraps\n- b\n',
    'k:\n  lone\n  scalar\n',
    'a: x # c\n  y\n',
    'a: x\n  y: z\n',
    'a: x\n  # c\n  y\n',
    'a: "q"\n  y\n',
    'a: x\n  - y\n',
    'word\nwrap\n',
  ];
  it.each(samples)('sample %j', (text) => {
    expectSameAsFull(text);
  });

  // Anchors and aliases are read by the fast reader too: a contract full of them must not fall back to the
  // complete reader, which takes about a second per megabyte.
  it('reads anchors, aliases and merge keys itself, sharing the anchored node', () => {
    const text = readFileSync(join(import.meta.dirname, 'fixtures', 'anchors.yaml'), 'utf8');
    expect(expectSameAsFull(text)).toBe('fast');
    const tree = readYamlFast(text);
    expect(tree).toMatchObject({ hasAliases: true });
    const valueAt = (node: YamlNode | undefined, key: string): YamlNode | undefined =>
      node?.kind === 'map' ? node.pairs.find((pair) => pair.key.kind === 'scalar' && pair.key.text === key)?.value : undefined;
    const value = (key: string) => valueAt(valueAt(tree === 'empty' ? undefined : tree?.root, 'metadata'), key);
    expect(value('copy')).toBeDefined();
    expect(value('copy')).toBe(value('list'));
    expect(value('again')).toBe(value('block'));
  });

  // Mutated case contracts: whatever the fast reader accepts, the complete reader must read the same way.
  it('agrees on 1,000 random mutations of the cases', { timeout: 60_000 }, () => {
    let seed = 12345 >>> 0;
    const random = (n: number) => {
      seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0;
      return seed % n;
    };
    const CHARS = [':', ' ', '-', '#', '"', "'", '[', ']', '{', '}', ',', 'x', '&', '*', '!', '?', '|', '>', '\\'];
    const fixtures = ['flow-and-quotes.yaml', 'anchors.yaml'].map((name) => join(import.meta.dirname, 'fixtures', name));
    const texts = [...corpusFiles, ...fixtures].map((file) => readFileSync(file, 'utf8'));
    let fastCount = 0;
    for (let round = 0; round < 1000; round++) {
      const lines = (texts[random(texts.length)] as string).split('\n');
      for (let edits = 1 + random(2); edits > 0; edits--) {
        const at = random(lines.length);
        const line = lines[at] as string;
        const col = random(line.length + 1);
        switch (random(5)) {
          case 0: lines[at] = ' '.repeat(1 + random(2)) + line; break;
          case 1: lines[at] = line.replace(/^ {1,2}/, ''); break;
          case 2: lines[at] = line.slice(0, col) + CHARS[random(CHARS.length)] + line.slice(col); break;
          case 3: lines[at] = line.slice(0, col) + line.slice(col + 1); break;
          default: lines.splice(at, 0, line);
        }
      }
      if (expectSameAsFull(lines.join('\n')) === 'fast') fastCount++;
    }
    expect(fastCount).toBeGreaterThan(100);
  });
});
