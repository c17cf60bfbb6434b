import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runPacto } from './support/run-pacto.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();

/**
 * Plugins as the protocol sees them: executables named pacto-plugin-<name> that read a JSON request on stdin.
 * These are small CommonJS node scripts (the SDK-built plugins are tested in examples/plugins/).
 */
function installPlugin(bin: string, name: string, body: string): string {
  const path = join(bin, `pacto-plugin-${name}`);
  writeFileSync(
    path,
    `#!/usr/bin/env node
const fs = require('node:fs');
const request = JSON.parse(fs.readFileSync(0, 'utf8'));
const reply = (response) => process.stdout.write(JSON.stringify(response));
${body}
`,
  );
  chmodSync(path, 0o755);
  return path;
}

interface Workspace {
  readonly cwd: string;
  readonly bin: string;
  readonly env: { PATH: string; HOME: string; XDG_CONFIG_HOME: string; XDG_CACHE_HOME: string };
}

/** A project with `pacto init svc`, a plugin directory on PATH and a private config directory. */
async function workspace(): Promise<Workspace> {
  const cwd = tempDir();
  const bin = tempDir();
  const home = tempDir();
  const env = { PATH: `${bin}:${process.env.PATH}`, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') };
  const init = await runPacto(['init', 'svc'], { cwd, env });
  expect(init.code).toBe(0);
  return { cwd, bin, env };
}

function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string, prefix: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(current, entry.name), rel);
      else out.push(rel);
    }
  };
  walk(dir, '');
  return out.sort();
}

describe('pacto generate', { timeout: 60_000 }, () => {
  it('sends protocol v1 on stdin and writes the returned files under <plugin>-output', async () => {
    const { cwd, bin, env } = await workspace();
    installPlugin(
      bin,
      'echo',
      `reply({ files: [
        { path: 'request.json', content: JSON.stringify(request) },
        { path: 'deep/nested/./file.txt', content: 'hello\\n' },
      ], message: 'echoed ' + request.contract.service.name });`,
    );
    const run = await runPacto(['generate', 'echo', 'svc'], { cwd, env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Generated 2 file(s) using echo\nOutput: echo-output/\nMessage: echoed svc\n');

    const out = join(cwd, 'echo-output');
    expect(listTree(out)).toEqual(['deep/nested/file.txt', 'request.json']);
    expect(readFileSync(join(out, 'deep/nested/file.txt'), 'utf8')).toBe('hello\n');
    expect(statSync(out).mode & 0o777).toBe(0o755);
    expect(statSync(join(out, 'deep')).mode & 0o777).toBe(0o755);
    expect(statSync(join(out, 'request.json')).mode & 0o777).toBe(0o644);

    const request = JSON.parse(readFileSync(join(out, 'request.json'), 'utf8'));
    expect(Object.keys(request)).toEqual(['protocolVersion', 'contract', 'bundleDir', 'outputDir']); // no options given
    expect(request.protocolVersion).toBe('1');
    expect(request.bundleDir).toBe(join(cwd, 'svc'));
    expect(request.outputDir).toBe(out);
    expect(request.contract.service).toMatchObject({ name: 'svc', version: '0.1.0' });
    // The scaffold has empty lists and no metadata: empty fields are left out.
    expect(JSON.stringify(request.contract)).not.toMatch(/:""|:\[\]|:\{\}|null/);
  });

  it('passes --option pairs as strings, ignores items without =, and honours -o and JSON output', async () => {
    const { cwd, bin, env } = await workspace();
    installPlugin(bin, 'opts', `reply({ files: [{ path: 'options.json', content: JSON.stringify(request.options) }] });`);
    const run = await runPacto(
      ['generate', 'opts', 'svc', '-o', 'gen/', '--option', 'namespace=payments', '--option', 'junk', '--option', 'expr=a=b', '--output-format', 'json'],
      { cwd, env },
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ plugin: 'opts', outputDir: 'gen', filesCount: 1 });
    expect(JSON.parse(readFileSync(join(cwd, 'gen/options.json'), 'utf8'))).toEqual({ namespace: 'payments', expr: 'a=b' });
  });

  it('keeps unrelated files of an existing output directory and replaces the returned ones', async () => {
    const { cwd, bin, env } = await workspace();
    installPlugin(bin, 'one', `reply({ files: [{ path: 'a.txt', content: 'new' }] });`);
    mkdirSync(join(cwd, 'out'));
    writeFileSync(join(cwd, 'out/a.txt'), 'old');
    writeFileSync(join(cwd, 'out/keep.txt'), 'mine');
    const run = await runPacto(['generate', 'one', 'svc', '-o', 'out'], { cwd, env });
    expect(run.code).toBe(0);
    expect(readFileSync(join(cwd, 'out/a.txt'), 'utf8')).toBe('new');
    expect(readFileSync(join(cwd, 'out/keep.txt'), 'utf8')).toBe('mine');
  });

  it('finds a plugin in $XDG_CONFIG_HOME/pacto/plugins when it is not on PATH', async () => {
    const { cwd, env } = await workspace();
    const dir = join(env.XDG_CONFIG_HOME, 'pacto', 'plugins');
    mkdirSync(dir, { recursive: true });
    installPlugin(dir, 'local', `reply({ files: [] });`);
    const run = await runPacto(['generate', 'local', 'svc'], { cwd, env });
    expect(run.stdout).toBe('Generated 0 file(s) using local\nOutput: local-output/\n');
    expect(run.code).toBe(0);
  });

  it('says where it looked for a plugin that does not exist', async () => {
    const { cwd, env } = await workspace();
    const run = await runPacto(['generate', 'missing', 'svc'], { cwd, env });
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe('plugin "missing" not found (looked for pacto-plugin-missing in $PATH and ~/.config/pacto/plugins/)');
    expect(run.stdout).toBe('');
  });

  it.each([
    ['a parent path', '../evil.txt', '"../evil.txt"'],
    ['an absolute path', '/tmp/evil.txt', '"/tmp/evil.txt"'],
    ['a path that climbs out after going in', 'sub/../../evil.txt', '"sub/../../evil.txt"'],
  ])('refuses %s that escapes the output directory and writes nothing', async (_, path, quoted) => {
    const { cwd, bin, env } = await workspace();
    installPlugin(bin, 'escape', `reply({ files: [{ path: 'fine.txt', content: 'x' }, { path: ${JSON.stringify(path)}, content: 'pwned' }] });`);
    const run = await runPacto(['generate', 'escape', 'svc'], { cwd, env });
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe(`plugin file path ${quoted} escapes output directory`);
    expect(existsSync(join(cwd, 'escape-output'))).toBe(false);
    expect(existsSync(join(cwd, 'evil.txt'))).toBe(false);
  });

  it('stops a plugin that hangs, with everything it started, after --timeout and writes nothing', async () => {
    const { cwd, bin, env } = await workspace();
    const pidFile = join(cwd, 'sleeper.pid');
    installPlugin(
      bin,
      'hang',
      `const child = require('node:child_process').spawn('sleep', ['300'], { stdio: 'inherit' });
      fs.writeFileSync(${JSON.stringify(pidFile)}, String(child.pid));
      process.stdout.write('{"files": [');`,
    );
    const run = await runPacto(['generate', 'hang', 'svc', '--timeout', '1s'], { cwd, env });
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe('plugin hang did not finish within 1s and was stopped');
    expect(run.stderr).toContain('--timeout');
    expect(existsSync(join(cwd, 'hang-output'))).toBe(false);
    const sleeper = Number(readFileSync(pidFile, 'utf8'));
    // The grandchild was killed too: gone, or a zombie waiting for a PID 1 that does not reap.
    const status = existsSync(`/proc/${sleeper}/status`) ? readFileSync(`/proc/${sleeper}/status`, 'utf8') : 'State:\tgone';
    expect(status).toMatch(/State:\s+(gone|Z)/);
  });

  it('reports a crash by the error line of its stderr and writes nothing', async () => {
    const { cwd, bin, env } = await workspace();
    installPlugin(bin, 'crash', `reply({ files: [{ path: 'half.txt', content: 'x' }] }); throw new TypeError('cannot read the interfaces');`);
    const run = await runPacto(['generate', 'crash', 'svc'], { cwd, env });
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('plugin crash: TypeError: cannot read the interfaces');
    expect(lines[1]).toMatch(/^hint: the plugin wrote \d+ lines to stderr; re-run with -v to see them all$/);
    expect(existsSync(join(cwd, 'crash-output'))).toBe(false);
  });

  it('reports one trimmed stderr line as is, and the exit status when stderr is empty', async () => {
    const { cwd, bin, env } = await workspace();
    installPlugin(bin, 'fails', `process.stderr.write('  no interfaces to generate from  \\n'); process.exit(2);`);
    installPlugin(bin, 'silent', `process.exit(3);`);
    const fails = await runPacto(['generate', 'fails', 'svc'], { cwd, env });
    expect(fails.stderr).toBe('plugin fails: no interfaces to generate from\n');
    expect(fails.code).toBe(1);
    const silent = await runPacto(['generate', 'silent', 'svc'], { cwd, env });
    expect(silent.stderr).toBe('plugin silent: exit status 3\n');
    expect(silent.code).toBe(1);
  });

  it.each([
    ['text that is not JSON', `process.stdout.write('hello world');`, /^plugin bad returned invalid output: stdout is not JSON \(.+\); it starts with "hello world"$/],
    ['nothing at all', ``, /^plugin bad returned invalid output: nothing on stdout, expected a JSON object with "files"$/],
    ['a file without content', `reply({ files: [{ path: 'a.txt' }] });`, /^plugin bad returned invalid output: files\[0\]\.content must be a string, got a undefined$/],
  ])('refuses %s on stdout and writes nothing', async (_, body, message) => {
    const { cwd, bin, env } = await workspace();
    installPlugin(bin, 'bad', body);
    const run = await runPacto(['generate', 'bad', 'svc'], { cwd, env });
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toMatch(message);
    expect(existsSync(join(cwd, 'bad-output'))).toBe(false);
  });

  it('passes the plugin stderr through with -v only', async () => {
    const { cwd, bin, env } = await workspace();
    installPlugin(bin, 'chatty', `process.stderr.write('rendering deployment\\n'); reply({ files: [] });`);
    const quiet = await runPacto(['generate', 'chatty', 'svc'], { cwd, env });
    expect(quiet.stderr).toBe('');
    const verbose = await runPacto(['generate', 'chatty', 'svc', '-v'], { cwd, env });
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toContain('rendering deployment\n');
  });

  it('refuses a timeout it cannot read as a usage error', async () => {
    const { cwd, env } = await workspace();
    const run = await runPacto(['generate', 'x', 'svc', '--timeout', 'soon'], { cwd, env });
    expect(run.stderr).toBe('invalid --timeout "soon": expected a duration such as 90s, 5m or 1m30s\n');
    expect(run.code).toBe(2);
  });

  it('extracts an oci:// contract to a temporary pacto-bundle-* directory and removes it afterwards', async () => {
    const { cwd, bin, env } = await workspace();
    const ref = `oci://${inject('registries').anonymousRegistry}/cli/generate-${process.pid}-${Date.now().toString(36)}`;
    const push = await runPacto(['push', ref, '-p', 'svc'], { cwd, env });
    expect(push.code).toBe(0);
    installPlugin(
      bin,
      'bundle',
      `reply({ files: [{ path: 'seen.json', content: JSON.stringify({ dir: request.bundleDir, files: fs.readdirSync(request.bundleDir).sort() }) }] });`,
    );
    const run = await runPacto(['generate', 'bundle', `${ref}:0.1.0`], { cwd, env });
    expect(run.code).toBe(0);
    const seen = JSON.parse(readFileSync(join(cwd, 'bundle-output/seen.json'), 'utf8'));
    expect(seen.dir).toMatch(/pacto-bundle-/);
    expect(seen.files).toContain('pacto.yaml');
    expect(existsSync(seen.dir)).toBe(false);
  });
});
