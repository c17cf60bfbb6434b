import { describe, expect, it } from 'vitest';
import { anchor, cellCode, cellText, code, describeProperty, note, prose, table } from '../../src/doc/markdown.js';

describe('markdown builders', () => {
  it('builds a table whose rule is as wide as each padded header cell', () => {
    expect(table(['Name', 'Weight'], [['`a`', '`5`']], ['left', 'right'])).toBe(
      '| Name | Weight |\n|------|-------:|\n| `a` | `5` |\n',
    );
  });

  it('escapes pipes and backticks inside table code cells', () => {
    expect(cellCode('a|b`c')).toBe('`a\\|b\\`c`');
  });

  it('uses a double fence for prose code spans holding a backtick', () => {
    expect(code('x')).toBe('`x`');
    expect(code('a`b')).toBe('`` a`b ``');
  });

  it('keeps free text on one line and neutralises HTML', () => {
    expect(prose('a\n  <script>x</script>')).toBe('a &lt;script&gt;x&lt;/script&gt;');
    expect(cellText('yes | no')).toBe('yes \\| no');
  });

  it('escapes emphasis markers inside a note', () => {
    expect(note('my_api.yaml not found')).toBe('_my\\_api.yaml not found_');
  });

  it('computes GitHub heading anchors', () => {
    expect(anchor('1.1. HTTP Interface: api')).toBe('11-http-interface-api');
    expect(anchor('3. Configuration')).toBe('3-configuration');
  });

  it('describes a property with its text and its allowed values', () => {
    expect(describeProperty('Mode | speed', ['fast', 1, null])).toBe('Mode \\| speed One of `fast`, `1`, `null`.');
    expect(describeProperty(undefined, undefined)).toBe('—');
  });
});
