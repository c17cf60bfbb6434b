import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';

// Runs a composite GitHub Action (action.yml) the way the runner does, for the expressions this project's
// action uses: `${{ inputs.<name> }}`, `${{ github.token }}`, `${{ steps.<id>.outputs.<name> }}`, and
// `if: inputs.<name> == ''` / `!= ''`. Anything else fails the test, so the action stays within what is tested.
// Each `run:` step is a real bash process with the step's env, GITHUB_ACTION_PATH and its own GITHUB_OUTPUT.

interface ActionStep {
  readonly id?: string;
  readonly name?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly shell?: string;
  readonly run?: string;
  readonly env?: Record<string, string>;
}

interface ActionDefinition {
  readonly inputs: Record<string, { default?: string }>;
  readonly outputs: Record<string, { value: string }>;
  readonly runs: { using: string; steps: ActionStep[] };
}

export interface ActionRun {
  /** Exit code of the first failing step, else 0. */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The action's outputs, as `steps.<id>.outputs.<name>` resolved them. */
  readonly outputs: Record<string, string>;
  /** Names of the steps that ran. */
  readonly ran: readonly string[];
}

export function readAction(file: string): ActionDefinition {
  return parse(readFileSync(file, 'utf8')) as ActionDefinition;
}

/** Parses a GITHUB_OUTPUT file: `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      if (end < 0) throw new Error(`GITHUB_OUTPUT: no closing ${heredoc[2]} for ${heredoc[1]}`);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    } else if (line !== '') {
      throw new Error(`GITHUB_OUTPUT: unreadable line ${JSON.stringify(line)}`);
    }
  }
  return outputs;
}

export async function runCompositeAction(
  actionFile: string,
  inputs: Record<string, string>,
  github: { env: Record<string, string | undefined>; token: string; cwd: string; outputDir: string },
): Promise<ActionRun> {
  const action = readAction(actionFile);
  if (action.runs.using !== 'composite') throw new Error(`not a composite action: ${action.runs.using}`);
  for (const name of Object.keys(inputs)) if (!(name in action.inputs)) throw new Error(`action.yml has no input ${name}`);
  const inputValue = (name: string): string => {
    if (!(name in action.inputs)) throw new Error(`action.yml refers to an undeclared input ${name}`);
    const value = inputs[name] ?? action.inputs[name]!.default ?? '';
    return value === '${{ github.token }}' ? github.token : value;
  };
  const steps: Record<string, Record<string, string>> = {};
  const expand = (text: string): string =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
      const inputRef = /^inputs\.([\w-]+)$/.exec(expression);
      if (inputRef) return inputValue(inputRef[1]!);
      if (expression === 'github.token') return github.token;
      const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
      if (output) return steps[output[1]!]?.[output[2]!] ?? '';
      throw new Error(`expression not supported by the test runner: ${expression}`);
    });
  const condition = (text: string | undefined): boolean => {
    if (text === undefined) return true;
    const match = /^inputs\.([\w-]+)\s*(==|!=)\s*''$/.exec(text.trim());
    if (!match) throw new Error(`if: not supported by the test runner: ${text}`);
    return (inputValue(match[1]!) === '') === (match[2] === '==');
  };

  let stdout = '';
  let stderr = '';
  const ran: string[] = [];
  for (const [index, step] of action.runs.steps.entries()) {
    if (!condition(step.if)) continue;
    if (step.uses !== undefined) throw new Error(`step ${step.name ?? index} uses ${step.uses}: not run by the test runner`);
    if (step.shell !== 'bash' || step.run === undefined) throw new Error(`step ${step.name ?? index}: only bash run steps are supported`);
    ran.push(step.name ?? String(index));
    const outputFile = join(github.outputDir, `output-${index}`);
    writeFileSync(outputFile, '');
    const stepEnv: Record<string, string> = {};
    for (const [key, value] of Object.entries(step.env ?? {})) stepEnv[key] = expand(String(value));
    const result = await bash(expand(step.run), github.cwd, {
      ...github.env,
      ...stepEnv,
      GITHUB_ACTION_PATH: dirname(actionFile),
      GITHUB_OUTPUT: outputFile,
    });
    stdout += result.stdout;
    stderr += result.stderr;
    if (step.id) steps[step.id] = parseOutputFile(readFileSync(outputFile, 'utf8'));
    if (result.code !== 0) return { code: result.code, stdout, stderr, outputs: actionOutputs(), ran };
  }
  return { code: 0, stdout, stderr, outputs: actionOutputs(), ran };

  function actionOutputs(): Record<string, string> {
    return Object.fromEntries(Object.entries(action.outputs).map(([name, output]) => [name, expand(output.value)]));
  }
}

function bash(script: string, cwd: string, env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // The runner runs `shell: bash` steps as `bash --noprofile --norc -eo pipefail {0}`.
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
