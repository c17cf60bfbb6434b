import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { DocPage } from './doc-server.js';
import { bundledAsset } from './launch/run-modules.js';

// The page `doc --serve` serves (apart from the server, which other commands share: doc-server.ts).

const MERMAID_PATH = '/_pacto/mermaid.min.js';
const START_PATH = '/_pacto/start.js';

/**
 * Mermaid's browser build: the copy the CLI build puts in dist/assets/mermaid/ (an installed CLI has no runtime
 * dependencies), or, running from the sources, the `mermaid` development dependency.
 */
function mermaidFile(): string {
  return bundledAsset('mermaid/mermaid.min.js') ?? createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
}

/**
 * The page of `doc --serve` with its architecture diagram drawn by Mermaid, served from the CLI's own copy of
 * Mermaid (no network). Without that file the page keeps the diagram as a code block and `warn` says why.
 */
export async function docPage(
  render: typeof import('@pacto/render'),
  markdown: string,
  title: string,
  warn: (message: string) => void,
): Promise<DocPage> {
  let mermaid: Buffer;
  try {
    mermaid = await readFile(mermaidFile());
  } catch (error) {
    warn(`the architecture diagram is shown as text: Mermaid cannot be read (${(error as Error).message.split('\n')[0]})`);
    return { html: render.renderDocHtml(markdown, title) };
  }
  const script = 'text/javascript; charset=utf-8';
  return {
    html: render.renderDocHtml(markdown, title, { scripts: { mermaid: MERMAID_PATH, start: START_PATH } }),
    assets: new Map([
      [MERMAID_PATH, { contentType: script, body: mermaid }],
      [START_PATH, { contentType: script, body: Buffer.from(render.DOC_START_SCRIPT, 'utf8') }],
    ]),
  };
}

