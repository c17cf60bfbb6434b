import { describe, expect, it } from 'vitest';
import { renderDocHtml } from '../../src/doc/doc-html.js';

describe('renderDocHtml', () => {
  const html = renderDocHtml('# a&b\n\n## 2.1. HTTP Interface: api\n\n| A | B |\n|---|---|\n| `x` | y |\n\n<script>alert(1)</script>\n', 'a&b <svc>');

  it('is a complete page with an escaped title and an inline stylesheet', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<title>a&#38;b &#60;svc&#62;</title>');
    expect(html).toContain('<style>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('gives headings the ids the table of contents links to', () => {
    expect(html).toContain('<h2 id="21-http-interface-api">2.1. HTTP Interface: api</h2>');
  });

  it('renders GFM tables', () => {
    expect(html).toMatch(/<table>\s*<thead>\s*<tr>\s*<th>A<\/th>/);
    expect(html).toContain('<td><code>x</code></td>');
  });

  it('shows raw HTML as text and loads nothing from the network', () => {
    expect(html).not.toContain('<script');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });
});
