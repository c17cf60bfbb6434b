import { describe, expect, it } from 'vitest';
import { parseContract } from '@pacto/schema';

const HEAD = 'pactoVersion: "1.0"\nservice: {name: svc, version: 1.0.0}\n';

function failure(text: string | Uint8Array) {
  const result = parseContract(text, 'pacto.yaml');
  if (result.ok) throw new Error('expected a parse failure');
  expect(result.error.code).toBe('PARSE_ERROR');
  expect(result.error.path).toBe('');
  // One line, no stack trace.
  expect(result.error.message).not.toMatch(/\n/);
  return result.error;
}

describe('parseContract robustness: bounded, one clear message', () => {
  it('binary bytes (gzip header)', () => {
    const error = failure(new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xff, 0xfe]));
    expect(error.message).toBe('failed to parse YAML: control character U+001F is not allowed (is this a binary file?)');
    expect([error.line, error.column]).toEqual([1, 1]);
  });

  it('invalid UTF-8 bytes are reported with their position', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(`${HEAD}metadata: {x: "`), 0xc3, 0x28, ...new TextEncoder().encode('"}\n')]);
    const error = failure(bytes);
    expect(error.message).toBe('failed to parse YAML: invalid UTF-8 (is this a binary file?)');
    expect([error.line, error.column]).toEqual([3, 16]);
  });

  it('text that is not YAML', () => {
    const error = failure('Lorem ipsum dolor sit amet.\nThis is: not: a contract {\n');
    expect(error.message).toMatch(/^failed to parse YAML: [^\n]+$/);
    expect(error.line).toBeTypeOf('number');
  });

  it('a scalar or sequence root is refused by typed decoding', () => {
    expect(failure('just words\n').message).toBe('expected the contract to be a mapping of fields, got the string "just words"');
    expect(failure('- a\n').message).toBe('expected the contract to be a mapping of fields, got a list');
  });

  it('a null document decodes to an empty contract, then fails presence', () => {
    for (const text of ['null\n', '---\n', '~']) {
      const result = parseContract(text, 'pacto.yaml');
      expect(result.ok ? '' : result.error.message).toBe('parse error at pactoVersion: pactoVersion is required');
    }
  });

  it('billion laughs: alias expansion is capped', () => {
    const levels = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
    const started = Date.now();
    const error = failure(`${HEAD}metadata:\n${levels.map((line) => `  ${line}`).join('\n')}\n`);
    expect(error.message).toBe('failed to parse YAML: the document contains excessive aliasing');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('applies yaml.v3 alias ratio: mostly-aliased documents are refused, moderate reuse is fine', () => {
    const list = `[${Array.from({ length: 1000 }, (_, i) => i).join(', ')}]`;
    const reuse = (times: number) =>
      `${HEAD}metadata:\n  base: &b ${list}\n${Array.from({ length: times }, (_, i) => `  k${i}: *b`).join('\n')}\n`;
    expect(failure(reuse(200)).message).toBe('failed to parse YAML: the document contains excessive aliasing');
    expect(parseContract(reuse(50), 'pacto.yaml').ok).toBe(true);
  });

  // The complete reader (the `yaml` package) takes about a second per megabyte; the fast reader a tenth of that.
  describe('large files must be plain block YAML', () => {
    const filler = Array.from({ length: 20_000 }, (_, i) => `  key${i}: value number ${i}`).join('\n');
    const large = (tail: string) => `${HEAD}metadata:\n${filler}\n${tail}`;

    it('a file over 256 KiB is refused at its first line the fast reader cannot read', () => {
      const text = large('  tagged: !!str 1\n');
      const error = failure(text);
      expect(error.message).toBe(
        `failed to parse YAML: a file over 256 KiB must be plain block YAML, and line 20004 is not (a tag, a multi-line flow collection or quoted string, or a syntax error); this file is ${Math.ceil(text.length / 1024)} KiB`,
      );
      expect([error.line, error.column]).toEqual([20004, 3]);
      expect(error.hint).toBe('write line 20004 in plain block style (`key: value`, `- item`, `|` blocks), or keep the contract under 256 KiB');
    });

    it('a syntax error in a large file is reported at its line', () => {
      const error = failure(large('  broken: [1, 2\n'));
      expect([error.line, error.column]).toEqual([20004, 3]);
    });

    it('anchors, aliases and block scalars in a large file parse, and so does a tag in a small one', () => {
      expect(parseContract(large('  anchored: &a |\n    text\n  alias: *a\n'), 'pacto.yaml').ok).toBe(true);
      expect(parseContract(`${HEAD}metadata:\n  tagged: !!str 1\n`, 'pacto.yaml').ok).toBe(true);
    });
  });

  it('very deep flow nesting is refused before composing', () => {
    const started = Date.now();
    const error = failure(`${HEAD}metadata: {x: ${'['.repeat(100_000)}${']'.repeat(100_000)}}\n`);
    expect(error.message).toBe('failed to parse YAML: the document is nested more than 500 levels deep');
    expect([error.line, error.column]).toEqual([3, 513]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it.each([
    ['compact sequences', () => `${'- '.repeat(500_000)}x\n`],
    ['ever deeper sequences', () => Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}- `).join('\n')],
    ['ever deeper mappings', () => `${HEAD}metadata:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(2 * i + 2)}k${i}:`).join('\n')}\n`],
  ])('very deep block nesting (%s) is refused before composing', (_name, make) => {
    const started = Date.now();
    const error = failure(make());
    expect(error.message).toBe('failed to parse YAML: the document is nested more than 500 levels deep');
    expect(error.line).toBeTypeOf('number');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('nesting up to the limit still parses', () => {
    const deep = `${HEAD}metadata:\n${Array.from({ length: 400 }, (_, i) => `${' '.repeat(2 * i + 2)}k${i}:`).join('\n')} [[1]]\n`;
    expect(parseContract(deep, 'pacto.yaml').ok).toBe(true);
  });

  it('a 20 MB contract parses with bounded memory', { timeout: 120_000 }, () => {
    const line = '  key-NNN: some value that is long enough to fill twenty megabytes quickly\n';
    const count = Math.ceil(20e6 / line.length);
    const text = `pactoVersion: "1.0"\nservice:\n  name: svc\n  version: 1.0.0\nmetadata:\n${Array.from({ length: count }, (_, i) => line.replace('NNN', String(i))).join('')}`;
    const before = process.memoryUsage().heapUsed;
    const result = parseContract(text, 'pacto.yaml');
    const grown = process.memoryUsage().heapUsed - before;
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.keys(result.contract.metadata ?? {}).length).toBe(count);
    expect(grown).toBeLessThan(600e6);
  });

  it('refuses absurdly large input with one message', () => {
    const error = failure('#'.repeat(64 * 1024 * 1024 + 1));
    expect(error.message).toBe('failed to parse YAML: the file is too large for a contract (more than 64 MiB of text)');
  });
});
