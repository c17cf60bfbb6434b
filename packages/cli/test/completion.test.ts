import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPacto } from './support/run-pacto.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();
const scripts: Record<string, string> = {};

beforeAll(async () => {
  for (const shell of ['bash', 'zsh', 'fish']) {
    const run = await runPacto(['completion', shell]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    scripts[shell] = run.stdout;
  }
});

/** A directory with a contract directory, a plain directory and a file, to complete paths in. */
function workspace(): { dir: string; script: (shell: string) => string } {
  const dir = tempDir();
  mkdirSync(join(dir, 'svc'));
  mkdirSync(join(dir, 'shared'));
  writeFileSync(join(dir, 'values.yaml'), 'service: {}\n');
  return {
    dir,
    script: (shell) => {
      const file = join(dir, `.pacto-completion.${shell}`);
      writeFileSync(file, scripts[shell]!);
      return file;
    },
  };
}

/**
 * What bash offers for the command line `words` (the last one is the word being completed), asked the way
 * bash asks at <TAB>: COMP_WORDS / COMP_CWORD set, the completion function called, COMPREPLY read.
 */
function bashComplete(words: readonly string[]): string[] {
  const { dir, script } = workspace();
  const output = execFileSync(
    'bash',
    ['--norc', '--noprofile', '-c', 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); _pacto; printf "%s\\n" "${COMPREPLY[@]}"', 'bash', script('bash'), ...words],
    { cwd: dir, encoding: 'utf8' },
  );
  return output.split('\n').filter(Boolean).sort();
}

/** What fish offers (`complete -C`, the query fish itself makes at <TAB>): the candidates without descriptions. */
function fishComplete(line: string): string[] {
  const { dir, script } = workspace();
  const output = execFileSync('fish', ['--no-config', '-c', 'source $argv[1]; complete -C $argv[2]', script('fish'), line], { cwd: dir, encoding: 'utf8' });
  return output.split('\n').filter(Boolean).map((entry) => entry.split('\t')[0]!).sort();
}

describe('pacto completion bash, run in a real bash', { timeout: 60_000 }, () => {
  it('completes command names, including commands added later (generated from the registered commands)', () => {
    expect(bashComplete(['pacto', 'va'])).toEqual(['validate']);
    expect(bashComplete(['pacto', 'p'])).toEqual(['pack', 'pull', 'push']);
    expect(bashComplete(['pacto', 'gen'])).toEqual(['generate']);
    expect(bashComplete(['pacto', '-v', 'va'])).toEqual(['validate']);
    expect(bashComplete(['pacto', '--output-format', 'json', 'ex'])).toEqual(['explain']);
  });

  it("completes the values of enumerated flags with each command's own choices", () => {
    expect(bashComplete(['pacto', 'validate', '--output-format', ''])).toEqual(['codequality', 'github', 'json', 'sarif', 'text']);
    expect(bashComplete(['pacto', 'diff', 'a', 'b', '--output-format', ''])).toEqual(['codequality', 'github', 'json', 'markdown', 'sarif', 'text']);
    expect(bashComplete(['pacto', 'version', '--output-format', ''])).toEqual(['json', 'text']);
    expect(bashComplete(['pacto', 'validate', '--output-format', '=', 'j'])).toEqual(['json']);
    expect(bashComplete(['pacto', 'diff', '--fail-on', ''])).toEqual(['BREAKING', 'POTENTIAL_BREAKING']);
    expect(bashComplete(['pacto', 'graph', '--format', 'd'])).toEqual(['dot']);
    expect(bashComplete(['pacto', 'completion', ''])).toEqual(['bash', 'fish', 'zsh']);
  });

  it('completes flags, directories for contract arguments, files for file flags, command names for help', () => {
    expect(bashComplete(['pacto', 'validate', '--re'])).toEqual(['--readiness']);
    expect(bashComplete(['pacto', 'push', '--f'])).toEqual(['--force']);
    expect(bashComplete(['pacto', 'validate', ''])).toEqual(['shared', 'svc']);
    expect(bashComplete(['pacto', 'validate', 's'])).toEqual(['shared', 'svc']);
    expect(bashComplete(['pacto', 'validate', '-f', 'v'])).toEqual(['values.yaml']);
    expect(bashComplete(['pacto', 'validate', '--set', ''])).toEqual([]);
    expect(bashComplete(['pacto', 'help', 'di'])).toEqual(['diff']);
    expect(bashComplete(['pacto', '--'])).toContain('--version');
  });
});

describe('pacto completion fish, run in a real fish', { timeout: 60_000 }, () => {
  it('parses, and completes commands, enumerated values and directories', () => {
    const { script } = workspace();
    execFileSync('fish', ['--no-execute', script('fish')]);
    expect(fishComplete('pacto va')).toEqual(['validate']);
    expect(fishComplete('pacto validate --output-format ')).toEqual(['codequality', 'github', 'json', 'sarif', 'text']);
    expect(fishComplete('pacto diff --fail-on ')).toEqual(['BREAKING', 'POTENTIAL_BREAKING']);
    expect(fishComplete('pacto validate ')).toEqual(['shared/', 'svc/']);
    expect(fishComplete('pacto validate --rea')).toEqual(['--readiness']);
  });
});

describe('pacto completion zsh', { timeout: 60_000 }, () => {
  it('parses, and defines _pacto for compinit', () => {
    const { script } = workspace();
    execFileSync('zsh', ['--no-exec', script('zsh')]);
    expect(scripts.zsh!.startsWith('#compdef pacto\n')).toBe(true);
    const defined = execFileSync('zsh', ['-f', '-c', 'autoload -Uz compinit && compinit -u -D && source "$1" && whence -w _pacto', 'zsh', script('zsh')], {
      encoding: 'utf8',
    });
    expect(defined.trim()).toBe('_pacto: function');
    expect(scripts.zsh).toContain("'--output-format=[Output format");
    expect(scripts.zsh).toContain(':format:(text json github sarif codequality)');
  });

  it('prints the script as JSON, and refuses an unknown shell with exit 2', async () => {
    const json = JSON.parse((await runPacto(['completion', 'bash', '--output-format', 'json'])).stdout);
    expect(json).toEqual({ shell: 'bash', script: scripts.bash });
    expect(await runPacto(['completion', 'powershell'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "invalid value \"powershell\" for <shell>: expected bash, zsh or fish\nRun 'pacto completion --help' for usage.\n",
    });
  });
});
