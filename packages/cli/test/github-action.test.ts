import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readAction, runCompositeAction, type ActionRun } from './support/composite-action.js';
import { PACTO_BIN, runPacto } from './support/run-pacto.js';
import { useTempDirs } from './support/temp-dir.js';

// The GitHub Action of action/ run as the runner runs it (its steps in bash, with GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY and GITHUB_EVENT_PATH) against the real test registries, with this checkout's CLI
// (input `cli`) instead of the npm package. The GitHub API for pull-request comments is a local HTTP server.

const ACTION = fileURLToPath(new URL('../../../action/action.yml', import.meta.url));
const tempDir = useTempDirs();
const { anonymousRegistry, authRegistry, authUsername, authPassword } = inject('registries');

interface Comment {
  id: number;
  body: string;
}

/** A stand-in for the three GitHub REST endpoints the action calls, recording what it was sent. */
class FakeGitHubApi {
  readonly comments: Comment[] = [];
  readonly requests: { method: string; url: string; authorization: string | undefined }[] = [];
  #server: Server | undefined;

  async start(): Promise<string> {
    this.#server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        this.requests.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization });
        const reply = (status: number, value: unknown) => {
          response.writeHead(status, { 'content-type': 'application/json' });
          response.end(JSON.stringify(value));
        };
        const url = request.url ?? '';
        if (request.method === 'GET' && /^\/repos\/acme\/shop\/issues\/7\/comments\?/.test(url)) return reply(200, this.comments);
        if (request.method === 'POST' && url === '/repos/acme/shop/issues/7/comments') {
          const comment = { id: 100 + this.comments.length, body: (JSON.parse(body) as { body: string }).body };
          this.comments.push(comment);
          return reply(201, comment);
        }
        const patch = /^\/repos\/acme\/shop\/issues\/comments\/(\d+)$/.exec(url);
        const existing = patch && this.comments.find((comment) => comment.id === Number(patch[1]));
        if (request.method === 'PATCH' && existing) {
          existing.body = (JSON.parse(body) as { body: string }).body;
          return reply(200, existing);
        }
        return reply(404, { message: 'Not Found' });
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }
}

const api = new FakeGitHubApi();
let apiUrl: string;
beforeAll(async () => {
  apiUrl = await api.start();
});
afterAll(() => api.close());

interface Workspace {
  readonly cwd: string;
  readonly env: Record<string, string>;
  readonly summary: string;
  /** Runs the action with these inputs (plus `cli`: this checkout's build). */
  run(inputs: Record<string, string>): Promise<ActionRun & { summary: string }>;
}

/** A checkout with `pacto init svc`, the files GitHub provides, and an isolated HOME (no real credentials). */
async function workspace(event: object = { pull_request: { number: 7 } }): Promise<Workspace> {
  const cwd = tempDir();
  const runner = tempDir();
  const home = join(runner, 'home');
  const summary = join(runner, 'summary.md');
  const eventPath = join(runner, 'event.json');
  writeFileSync(summary, '');
  writeFileSync(eventPath, JSON.stringify(event));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_CACHE_HOME: join(home, 'cache'),
    DOCKER_CONFIG: join(home, 'docker'),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: cwd,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_API_URL: apiUrl,
    RUNNER_TEMP: runner,
  };
  await runPacto(['init', 'svc'], { cwd, env });
  return {
    cwd,
    env,
    summary,
    async run(inputs) {
      writeFileSync(summary, '');
      const result = await runCompositeAction(ACTION, { cli: PACTO_BIN, ...inputs }, { env, token: 'test-token', cwd, outputDir: runner });
      return { ...result, summary: readFileSync(summary, 'utf8') };
    },
  };
}

const uniqueRepo = () => `action/r${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

describe('the GitHub Action', { timeout: 120_000 }, () => {
  it('declares the inputs and outputs of issue 12, and maps every input into the step', () => {
    const action = readAction(ACTION);
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining(['command', 'path', 'old', 'new', 'ref', 'registry', 'username', 'password', 'fail-on', 'comment-on-pr', 'add-to-summary']),
    );
    expect(Object.keys(action.outputs)).toEqual(expect.arrayContaining(['has-breaking-changes', 'classification', 'diff-markdown']));
    const step = action.runs.steps.find((s) => s.id === 'pacto')!;
    for (const name of Object.keys(action.inputs).filter((n) => n !== 'version')) {
      expect(step.env?.[`INPUT_${name.replace(/-/g, '_').toUpperCase()}`], name).toBe(`\${{ inputs.${name} }}`);
    }
  });

  it('validate: annotations on the contract lines, outputs, summary and SARIF; exit 1 when invalid', async () => {
    const ws = await workspace();
    const valid = await ws.run({ command: 'validate', path: 'svc' });
    expect(valid.ran).toEqual(['Run pacto']);
    expect(valid.code).toBe(0);
    expect(valid.outputs).toMatchObject({ valid: 'true', 'sarif-file': 'pacto.sarif' });
    expect(valid.summary).toBe('## Pacto: validate `svc`\n\n✅ **valid**\n\n');

    const file = join(ws.cwd, 'svc/pacto.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  version: 0.1.0', '  version: one'));
    const invalid = await ws.run({ command: 'validate', path: 'svc' });
    expect(invalid.code).toBe(1);
    expect(invalid.outputs.valid).toBe('false');
    // Line 6: the scaffold starts with its editor modeline.
    expect(invalid.stdout).toMatch(/^::error file=svc\/pacto\.yaml,line=6,col=12,title=[^:]*INVALID_SEMVER[^:]*::.+$/m);
    expect(invalid.stdout).toMatch(/^::error::svc is invalid: 1 error\(s\)$/m);
    expect(invalid.summary).toContain('❌ **invalid**: 1 error(s)');
    expect(invalid.summary).toMatch(/\| error \| `INVALID_SEMVER` \| `service.version` \(line 6\) \| .+ \|/);
    const sarif = JSON.parse(readFileSync(join(ws.cwd, 'pacto.sarif'), 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.map((result) => result.ruleId)).toEqual(['INVALID_SEMVER']);
  });

  it('push, then diff against the last pushed version: outputs, summary, annotations, PR comment, fail-on', async () => {
    const ws = await workspace();
    const repo = uniqueRepo();

    // Nothing published yet: the diff has nothing to compare with and says so.
    const first = await ws.run({ command: 'diff', path: 'svc', registry: anonymousRegistry, ref: repo });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`::notice::No published version of ${anonymousRegistry}/${repo} to compare with yet.`);
    expect(first.outputs).toMatchObject({ classification: '', 'has-breaking-changes': 'false' });

    const pushed = await ws.run({ command: 'push', path: 'svc', registry: anonymousRegistry, ref: repo });
    expect(pushed.code).toBe(0);
    expect(pushed.outputs['pushed-ref']).toBe(`${anonymousRegistry}/${repo}:0.1.0`);
    expect(pushed.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(pushed.summary).toContain(`Pushed \`svc@0.1.0\` to \`${anonymousRegistry}/${repo}:0.1.0\``);
    const again = await ws.run({ command: 'push', path: 'svc', ref: `oci://${anonymousRegistry}/${repo}` });
    expect(again.code).toBe(0);
    expect(again.outputs['pushed-ref']).toBe('');
    expect(again.stdout).toContain(`::warning::Warning: artifact already exists: ${anonymousRegistry}/${repo}:0.1.0 (use --force to overwrite)`);

    // A breaking change in the pull request: the API port moves.
    const file = join(ws.cwd, 'svc/pacto.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('port: 8080', 'port: 9090').replace('version: 0.1.0', 'version: 0.2.0'));
    const breaking = await ws.run({ command: 'diff', path: 'svc', registry: anonymousRegistry, ref: repo, 'comment-on-pr': 'true' });
    expect(breaking.code).toBe(1);
    expect(breaking.outputs).toMatchObject({ classification: 'BREAKING', 'has-breaking-changes': 'true', 'sarif-file': 'pacto.sarif' });
    const markdown = breaking.outputs['diff-markdown']!;
    expect(markdown).toMatch(/^## Contract Diff\n\n\*\*Classification:\*\* `BREAKING`\n/);
    expect(markdown).toContain('| BREAKING | `interfaces.port` | modified |');
    expect(breaking.summary).toBe(`${markdown}\n\n`);
    expect(breaking.stdout).toMatch(/^::error file=svc\/pacto\.yaml,line=\d+,col=\d+,title=[^:]*::.*interfaces\.port/m);
    expect(breaking.stdout).toMatch(/^::error::breaking changes detected: BREAKING \(fail-on BREAKING\)$/m);
    expect(JSON.parse(readFileSync(join(ws.cwd, 'pacto.sarif'), 'utf8')).runs[0].results.length).toBeGreaterThan(0);
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0]!.body).toBe(`<!-- pacto-action:diff -->\n${markdown}\n`);
    expect(api.requests.at(-1)).toMatchObject({ method: 'POST', authorization: 'Bearer test-token' });

    // fail-on none reports without failing; the PR comment is updated, not repeated.
    const reported = await ws.run({ command: 'diff', path: 'svc', registry: anonymousRegistry, ref: repo, 'fail-on': 'none', 'comment-on-pr': 'true', 'add-to-summary': 'false' });
    expect(reported.code).toBe(0);
    expect(reported.outputs['has-breaking-changes']).toBe('true');
    expect(reported.summary).toBe('');
    expect(api.comments).toHaveLength(1);
    expect(api.requests.at(-1)).toMatchObject({ method: 'PATCH', url: `/repos/acme/shop/issues/comments/${api.comments[0]!.id}` });

    // An explicit old side; POTENTIAL_BREAKING threshold on a non-breaking change passes.
    writeFileSync(file, readFileSync(file, 'utf8').replace('port: 9090', 'port: 8080'));
    const same = await ws.run({ command: 'diff', old: `oci://${anonymousRegistry}/${repo}:0.1.0`, new: 'svc', 'fail-on': 'POTENTIAL_BREAKING' });
    expect(same.code).toBe(0);
    expect(same.outputs.classification).toBe('NON_BREAKING');
  });

  it('push with credentials to a registry that needs them; a refused push fails the step with one line', async () => {
    const ws = await workspace();
    const repo = uniqueRepo();
    const refused = await ws.run({ command: 'push', path: 'svc', ref: `${authRegistry}/${repo}` });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^::error::.*(401|unauthorized|authentication)/im);
    const pushed = await ws.run({ command: 'push', path: 'svc', ref: `${authRegistry}/${repo}`, username: authUsername, password: authPassword });
    expect(pushed.code).toBe(0);
    expect(pushed.stdout).toContain(`::add-mask::${authPassword}`);
    expect(pushed.outputs['pushed-ref']).toBe(`${authRegistry}/${repo}:0.1.0`);
    expect(existsSync(join(ws.env.XDG_CONFIG_HOME!, 'pacto', 'config.json'))).toBe(false);
  });

  it('doc writes the Markdown document and puts it in the summary; bad inputs fail with a message', async () => {
    const ws = await workspace({});
    const doc = await ws.run({ command: 'doc', path: 'svc', 'docs-dir': 'site/contracts' });
    expect(doc.code).toBe(0);
    expect(doc.outputs['doc-file']).toBe('site/contracts/svc.md');
    const markdown = readFileSync(join(ws.cwd, 'site/contracts/svc.md'), 'utf8');
    expect(markdown).toMatch(/^# svc\n/);
    expect(doc.summary).toBe(`${markdown.trimEnd()}\n\n`);

    expect((await ws.run({ command: 'lint' })).stdout).toContain('::error::command must be one of validate, diff, push, doc, got "lint"');
    expect((await ws.run({ command: 'diff', path: 'svc' })).stdout).toContain('::error::diff needs `old`');
    expect((await ws.run({ command: 'diff', old: 'svc', new: 'svc', 'fail-on': 'MAJOR' })).code).toBe(1);
    expect((await ws.run({ command: 'push', path: 'svc' })).stdout).toContain('::error::push needs `ref`');
    // comment-on-pr outside a pull request: a notice, no request.
    const requests = api.requests.length;
    mkdirSync(join(ws.cwd, 'other'));
    const outside = await ws.run({ command: 'diff', old: 'svc', new: 'svc', 'comment-on-pr': 'true' });
    expect(outside.code).toBe(0);
    expect(outside.stdout).toContain('::notice::comment-on-pr: this run is not for a pull request; no comment posted');
    expect(api.requests.length).toBe(requests);
  });
});
