import { slug } from 'github-slugger';
import { Marked } from 'marked';
import { DOC_STYLESHEET } from './doc-stylesheet.js';

/** Where the page finds Mermaid when it is served (the server serves both scripts; no inline script, no network). */
export interface DocHtmlScripts {
  /** URL of Mermaid's browser build (`mermaid/dist/mermaid.min.js`). */
  readonly mermaid: string;
  /** URL of DOC_START_SCRIPT. */
  readonly start: string;
}

export interface DocHtmlOptions {
  /** With scripts, ```mermaid blocks are drawn as diagrams in the browser; without, they stay code blocks. */
  readonly scripts?: DocHtmlScripts;
}

/** Starts Mermaid on the page; strict security level: labels are text, no HTML beyond line breaks, no clicks. */
export const DOC_START_SCRIPT = "mermaid.initialize({ startOnLoad: true, securityLevel: 'strict', theme: 'neutral' });\n";

function markdownRenderer(diagrams: boolean): Marked {
  return new Marked({
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
      // Mermaid reads the text of `pre.mermaid` and replaces it with the drawn SVG.
      code({ text, lang }) {
        if (diagrams && lang === 'mermaid') return `<pre class="mermaid">${escapeHtml(text)}</pre>\n`;
        return false;
      },
      // The document carries text from the bundle (descriptions, summaries); raw HTML is shown, not run.
      html({ text }) {
        return escapeHtml(text);
      },
    },
  });
}

const STATIC = markdownRenderer(false);
const WITH_DIAGRAMS = markdownRenderer(true);

/**
 * A complete HTML page for a `pacto doc` Markdown document: inline stylesheet, no external assets. Without
 * `options.scripts` it has no script at all; with them it loads the two given same-origin scripts to draw the
 * architecture diagram.
 */
export function renderDocHtml(markdown: string, title: string, options: DocHtmlOptions = {}): string {
  const scripts = options.scripts;
  const body = (scripts ? WITH_DIAGRAMS : STATIC).parse(markdown, { async: false });
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${DOC_STYLESHEET}</style>`,
    ...(scripts ? [`<script src="${escapeHtml(scripts.mermaid)}" defer></script>`, `<script src="${escapeHtml(scripts.start)}" defer></script>`] : []),
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
