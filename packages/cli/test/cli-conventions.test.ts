import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPacto } from './support/run-pacto.js';
import { runPactoInPty } from './support/pty.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();
const ESC = '\u001b[';

/** A working directory with a valid contract in `svc/` and an isolated config dir. */
async function project(): Promise<{ cwd: string; env: { HOME: string; XDG_CONFIG_HOME: string; XDG_CACHE_HOME: string } }> {
  const cwd = tempDir();
  const env = { HOME: cwd, XDG_CONFIG_HOME: join(cwd, '.config'), XDG_CACHE_HOME: join(cwd, '.cache') };
  expect((await runPacto(['init', 'svc'], { cwd, env })).code).toBe(0);
  return { cwd, env };
}

describe('pacto conventions: version and help', { timeout: 60_000 }, () => {
  it('prints four aligned build lines for version, the bare version for --version, and JSON for both', async () => {
    const run = await runPacto(['version']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.slice(0, 22).trimEnd())).toEqual(['Pacto:', 'Git Commit:', 'Build Date:', 'Runtime:']);
    expect(lines[3]).toBe(`Runtime:              Node ${process.version} ${process.platform}/${process.arch}`);
    const version = lines[0]!.slice(22);
    expect(await runPacto(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    const json = JSON.parse((await runPacto(['--version', '--output-format', 'json'])).stdout);
    expect(json).toMatchObject({ version, runtime: `Node ${process.version} ${process.platform}/${process.arch}` });
    expect(Object.keys(json)).toEqual(['version', 'commit', 'buildDate', 'runtime']);
  });

  it('lists the commands with their argument names and the global flags once', async () => {
    for (const args of [[], ['--help'], ['-h'], ['help']]) {
      const run = await runPacto(args);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^ {2}diff <old> <new> +Compare two contracts/m);
      expect(run.stdout).toMatch(/^ {2}validate \[dir \| oci:\/\/ref\] +Validate a contract/m);
      expect(run.stdout).toMatch(/^ {2}init <name> /m);
      expect(run.stdout).not.toContain('#0');
      expect(run.stdout.match(/--no-cache/g)).toHaveLength(1);
      expect(run.stdout).not.toContain(ESC);
    }
  });

  it('teaches one command through help <command> and --help: usage, flags with placeholders, examples', async () => {
    const help = await runPacto(['help', 'diff']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage\n  pacto diff <old> <new> [flags]\n');
    expect(help.stdout).toMatch(/--fail-on <class> +Lowest classification/);
    expect(help.stdout).toMatch(/--output-format <format> +Output format: text, json, markdown, github, sarif\s+or codequality/);
    expect(help.stdout).toContain('$ pacto diff old new --fail-on POTENTIAL_BREAKING');
    expect((await runPacto(['diff', '--help'])).stdout).toBe(help.stdout);
    expect((await runPacto(['diff', 'a', '-h'])).stdout).toBe(help.stdout);
    const validate = await runPacto(['validate', '--help']);
    expect(validate.stdout).toMatch(/-f, --values <file> +YAML file/);
    expect(validate.stdout).toMatch(/--set <key=value> +Set one value/);
    expect(validate.stdout).toContain('pacto validate my-service --output-format json');
    expect(validate.stdout).not.toContain('#0');
    const push = await runPacto(['help', 'push']);
    expect(push.stdout).toMatch(/^ {2}--force +Push even if the tag already exists/m);
    expect(push.stdout).toMatch(/^ {2}--values <file> /m);
  });

  it('names the allowed values of every enumerated flag once, in its help line', async () => {
    const { commands } = JSON.parse((await runPacto(['help', '--output-format', 'json'])).stdout) as { commands: { name: string }[] };
    for (const { name } of commands) {
      const { commands: [command] } = JSON.parse((await runPacto(['help', name, '--output-format', 'json'])).stdout);
      const text = (await runPacto(['help', name])).stdout.replace(/\n +/g, ' ');
      for (const flag of command.flags as { names: string[]; choices?: string[]; global: boolean }[]) {
        if (!flag.choices || flag.global) continue;
        const line = new RegExp(`${flag.names.join(', ')} \\S+ +([^\\n]*)`).exec(text)?.[1] ?? '';
        for (const choice of flag.choices) expect(line.split(choice).length - 1, `${name} ${flag.names.join(', ')}: ${line}`).toBeGreaterThanOrEqual(1);
        expect(line, `${name}: ${line}`).not.toMatch(/\) \(/);
      }
    }
  });

  it('prints help as JSON with the same content', async () => {
    const run = await runPacto(['help', 'validate', '--output-format', 'json']);
    expect(run.code).toBe(0);
    const { commands } = JSON.parse(run.stdout);
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatchObject({ name: 'validate', usage: 'pacto validate [dir | oci://ref]', outputFormats: ['text', 'json', 'github', 'sarif', 'codequality'] });
    expect(commands[0].flags).toContainEqual({ names: ['-f', '--values'], value: '<file>', description: expect.any(String), repeatable: true, global: false });
  });
});

describe('pacto conventions: usage errors exit 2 with a way forward', { timeout: 60_000 }, () => {
  it('suggests the command meant by a typo', async () => {
    expect(await runPacto(['valdiate'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'unknown command "valdiate" for "pacto"\nDid you mean "validate"?\nRun \'pacto --help\' for usage.\n',
    });
    expect(await runPacto(['bogus'])).toEqual({ code: 2, stdout: '', stderr: 'unknown command "bogus" for "pacto"\nRun \'pacto --help\' for usage.\n' });
    expect((await runPacto(['help', 'grpah'])).stderr).toContain('Did you mean "graph"?');
  });

  it('suggests the flag meant by a typo and points at the command help', async () => {
    expect(await runPacto(['validate', '--readyness'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'unknown flag: --readyness\nDid you mean "--readiness"?\nRun \'pacto validate --help\' for usage.\n',
    });
    expect(await runPacto(['validate', '--bogus'])).toEqual({ code: 2, stdout: '', stderr: "unknown flag: --bogus\nRun 'pacto validate --help' for usage.\n" });
    expect(await runPacto(['--bogus'])).toMatchObject({ code: 2, stderr: "unknown flag: --bogus\nRun 'pacto --help' for usage.\n" });
    expect(await runPacto(['validate', '--force'])).toMatchObject({ code: 2, stderr: "unknown flag: --force\nhint: only push has --force\nRun 'pacto validate --help' for usage.\n" });
  });

  it('checks argument counts and missing flag values', async () => {
    expect(await runPacto(['validate', 'a', 'b'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "accepts at most 1 arg(s), received 2\nRun 'pacto validate --help' for usage.\n",
    });
    expect(await runPacto(['version', 'extra'])).toMatchObject({ code: 2, stderr: 'unknown command "extra" for "pacto version"\nRun \'pacto version --help\' for usage.\n' });
    expect(await runPacto(['validate', '--output-format'])).toMatchObject({ code: 2, stderr: "flag needs an argument: --output-format <format>\nRun 'pacto validate --help' for usage.\n" });
  });

  it('checks enumerated values per command: --output-format, --fail-on, --format', async () => {
    const { cwd, env } = await project();
    expect(await runPacto(['validate', 'svc', '--output-format', 'yaml'], { cwd, env })).toEqual({
      code: 2,
      stdout: '',
      stderr: "invalid value \"yaml\" for --output-format: expected text, json, github, sarif or codequality\nRun 'pacto validate --help' for usage.\n",
    });
    // A format the command does not print is refused as a flag…
    expect(await runPacto(['explain', 'svc', '--output-format', 'sarif'], { cwd, env })).toMatchObject({ code: 2, stderr: expect.stringContaining('expected text or json') });
    expect((await runPacto(['diff', 'svc', 'svc', '--output-format', 'markdown'], { cwd, env })).code).toBe(0);
    // …but from the environment, shared by every command, it falls back to text; a value that is no format at all is an error.
    expect(await runPacto(['validate', 'svc'], { cwd, env: { ...env, PACTO_OUTPUT_FORMAT: 'markdown' } })).toMatchObject({ code: 0, stdout: 'svc is valid\n' });
    expect(await runPacto(['validate', 'svc'], { cwd, env: { ...env, PACTO_OUTPUT_FORMAT: 'yaml' } })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'invalid value "yaml" for PACTO_OUTPUT_FORMAT: expected text, json, markdown, github, sarif or codequality\n',
    });
    expect(await runPacto(['validate', 'svc'], { cwd, env: { ...env, PACTO_VERBOSE: 'maybe' } })).toMatchObject({ code: 2, stderr: expect.stringContaining('for PACTO_VERBOSE: expected 1, t, true, 0, f or false') });
  });

  it('accepts the global flags before the command name too', async () => {
    const { cwd, env } = await project();
    const run = await runPacto(['--output-format', 'json', '-v', 'validate', 'svc'], { cwd, env });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ Valid: true });
    expect(run.stderr).toContain('level=DEBUG');
  });
});

describe('pacto conventions: the config file', { timeout: 60_000 }, () => {
  it('fails with exit 2 on a --config file that does not exist or holds a bad value', async () => {
    const { cwd, env } = await project();
    expect(await runPacto(['validate', 'svc', '--config', 'nope.yaml'], { cwd, env })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'config file nope.yaml does not exist\nhint: check the path given to --config\n',
    });
    writeFileSync(join(cwd, 'bad.yaml'), 'output-format: yaml\n');
    expect(await runPacto(['validate', 'svc', '--config', 'bad.yaml'], { cwd, env })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'invalid value "yaml" for output-format in bad.yaml: expected text, json, markdown, github, sarif or codequality\n',
    });
    writeFileSync(join(cwd, 'broken.yaml'), 'verbose: [\n');
    expect(await runPacto(['validate', 'svc', '--config', 'broken.yaml'], { cwd, env })).toMatchObject({ code: 2, stderr: expect.stringMatching(/^config file broken\.yaml cannot be parsed: /) });
    expect((await runPacto(['validate', 'svc'], { cwd, env: { ...env, PACTO_CONFIG: 'nope.yaml' } })).stderr).toBe(
      'config file nope.yaml does not exist\nhint: check the path given to PACTO_CONFIG\n',
    );
    writeFileSync(join(cwd, 'good.yaml'), 'output-format: json\n');
    expect(JSON.parse((await runPacto(['validate', 'svc', '--config', 'good.yaml'], { cwd, env })).stdout)).toMatchObject({ Valid: true });
  });

  it('ignores a config found by search that cannot be parsed, and says so under -v', async () => {
    const { cwd, env } = await project();
    mkdirSync(join(env.XDG_CONFIG_HOME, 'pacto'), { recursive: true });
    writeFileSync(join(env.XDG_CONFIG_HOME, 'pacto', 'pacto.yaml'), 'output-format: [json\n');
    const quiet = await runPacto(['validate', 'svc'], { cwd, env });
    expect(quiet).toEqual({ code: 0, stdout: 'svc is valid\n', stderr: '' });
    const verbose = await runPacto(['validate', 'svc', '-v'], { cwd, env });
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toMatch(/level=DEBUG msg="config file \S+pacto\.yaml ignored: it cannot be parsed/);
    // A searched config's values apply when it parses.
    writeFileSync(join(env.XDG_CONFIG_HOME, 'pacto', 'pacto.yaml'), 'output-format: json\n');
    expect(JSON.parse((await runPacto(['validate', 'svc'], { cwd, env })).stdout)).toMatchObject({ Valid: true });
  });
});

describe('pacto conventions: JSON mode failures', { timeout: 60_000 }, () => {
  it('prints one {"error": …} document on stdout, the usual line on stderr', async () => {
    const { cwd, env } = await project();
    const missing = await runPacto(['explain', 'nope', '--output-format', 'json'], { cwd, env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('failed to access nope: no such file or directory\n');
    expect(JSON.parse(missing.stdout)).toEqual({ error: { code: expect.any(String), message: 'failed to access nope: no such file or directory' } });
    const usage = await runPacto(['valdiate', '--output-format', 'json'], { cwd, env });
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout)).toEqual({
      error: { code: 'UNKNOWN_COMMAND', message: 'unknown command "valdiate" for "pacto"', hint: 'Did you mean "validate"? Run \'pacto --help\' for usage.' },
    });
    const config = await runPacto(['validate', 'svc', '--output-format', 'json', '--config', 'nope.yaml'], { cwd, env });
    expect(JSON.parse(config.stdout)).toEqual({ error: { code: 'CONFIG_NOT_FOUND', message: 'config file nope.yaml does not exist', hint: 'check the path given to --config' } });
  });
});

describe('pacto conventions: colours', { timeout: 60_000 }, () => {
  it('colours help on a terminal, and not with NO_COLOR (pseudo-terminal) or when piped', async () => {
    const coloured = await runPactoInPty(['help', 'validate']);
    expect(coloured.code).toBe(0);
    expect(coloured.output).toContain(ESC);
    for (const env of [{ NO_COLOR: '1' }, { FORCE_COLOR: '0' }, { TERM: 'dumb' }]) {
      const plain = await runPactoInPty(['help', 'validate'], env);
      expect(plain.code).toBe(0);
      expect(plain.output).toContain('Validate a contract');
      expect(plain.output).not.toContain(ESC);
    }
    const overview = await runPactoInPty([], { NO_COLOR: '1' });
    expect(overview.output).toContain('Global flags');
    expect(overview.output).not.toContain(ESC);
  });

  it('colours piped output only with FORCE_COLOR, which wins over NO_COLOR', async () => {
    expect((await runPacto(['help'], { env: { NO_COLOR: undefined } })).stdout).not.toContain(ESC);
    expect((await runPacto(['help'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout).toContain(ESC);
    expect((await runPacto(['help'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).stdout).toContain(ESC);
  });
});
