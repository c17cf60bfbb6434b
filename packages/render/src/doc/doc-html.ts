import { slug } from 'github-slugger';
import { Marked } from 'marked';
import { DOC_STYLESHEET } from './doc-stylesheet.js';

const markdownToHtml = new Marked({
  gfm: true,
  renderer: {
    // Ids match the anchors of the table of contents, which are computed from the same heading text.
    heading({ tokens, depth, text }) {
      return `<h${depth} id="${slug(text)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
    },
    // Long values (URLs, references) may wrap anywhere; short ones (types, dates) never break.
    codespan({ text }) {
      return text.length > 24 ? `<code class="long">${escapeHtml(text)}</code>` : `<code>${escapeHtml(text)}</code>`;
    },
    // The document carries text from the bundle (descriptions, summaries); raw HTML is shown, not run.
    html({ text }) {
      return escapeHtml(text);
    },
  },
});

/** A complete, self-contained HTML page for a `pacto doc` Markdown document: no scripts, no external assets. */
export function renderDocHtml(markdown: string, title: string): string {
  const body = markdownToHtml.parse(markdown, { async: false });
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${DOC_STYLESHEET}</style>`,
    '</head>',
    '<body>',
    '<main class="markdown-body">',
    body.trimEnd(),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
