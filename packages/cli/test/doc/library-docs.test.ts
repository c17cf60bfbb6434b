import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const LIBRARY_DOCS = join(REPO, 'docs', 'libraries');
// Each snippet runs from a temporary directory whose node_modules is the CLI package's, so `@pacto/*`
// resolves as it does for a user who installed the packages: to the built dist/ of each package.
const SNIPPET_DIR = mkdtempSync(join(tmpdir(), 'pacto-doc-snippets-'));
symlinkSync(join(REPO, 'packages', 'cli', 'node_modules'), join(SNIPPET_DIR, 'node_modules'), 'dir');

afterAll(() => rmSync(SNIPPET_DIR, { recursive: true, force: true }));

const pages = readdirSync(LIBRARY_DOCS).filter((name) => name.endsWith('.md')).sort();

describe('docs/libraries', () => {
  it('has one page per library package', () => {
    expect(pages).toEqual(['bundle.md', 'dashboard.md', 'diff.md', 'lock.md', 'mcp.md', 'oci.md', 'plugin.md', 'render.md', 'schema.md', 'validate.md']);
  });

  it.each(pages)('the example of %s runs as written', (page) => {
    const text = readFileSync(join(LIBRARY_DOCS, page), 'utf8');
    const code = /```js\n([\s\S]*?)```/.exec(text)?.[1];
    expect(code, `${page} has no js example`).toBeDefined();
    const file = join(SNIPPET_DIR, page.replace(/\.md$/, '.mjs'));
    writeFileSync(file, code!);
    const run = spawnSync(process.execPath, [file], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // Every `// value` comment on a console.log line is what that line prints.
    const expected = [...code!.matchAll(/^console\.log\(.*\);\s+\/\/ (.+)$/gm)].map((m) => m[1]!.trim());
    const printed = run.stdout.split('\n');
    for (const value of expected) {
      const pattern = new RegExp(`^${value.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
      expect(printed.some((line) => pattern.test(line)), `${page}: no line prints "${value}"\n${run.stdout}`).toBe(true);
    }
  });
});
