import { describe, expect, it } from 'vitest';
import { DOC_START_SCRIPT, renderDocHtml } from '../../src/doc/doc-html.js';

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

  it('with scripts, draws mermaid blocks in the browser from same-origin scripts only', () => {
    const page = renderDocHtml('```mermaid\nflowchart TB\n  a["x<br/>y & z"]\n```\n\n```yaml\nk: v\n```\n', 't', {
      scripts: { mermaid: '/_pacto/mermaid.min.js', start: '/_pacto/start.js' },
    });
    expect(page).toContain('<pre class="mermaid">flowchart TB\n  a[&#34;x&#60;br/&#62;y &#38; z&#34;]</pre>');
    expect(page).toContain('<script src="/_pacto/mermaid.min.js" defer></script>\n<script src="/_pacto/start.js" defer></script>');
    expect(page).toContain('<code class="language-yaml">');
    expect(page.match(/<script[^>]*>[^<]/g)).toBeNull();
    expect(DOC_START_SCRIPT).toContain("securityLevel: 'strict'");
  });
});
