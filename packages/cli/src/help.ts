import { buildInfo } from './build-info.js';
import { paint, type Paint } from './paint.js';
import { describeCommand, HELP_FLAG, type CommandClassLike, type CommandDescription, type FlagDescription } from './command-info.js';
import { listChoices } from './flag-info.js';

// `pacto help [command]`, `pacto --help`, `pacto <command> --help`: our own layout rather than clipanion's,
// for argument names in the usage line, value placeholders, global flags listed once and colours that
// follow NO_COLOR / FORCE_COLOR. Loaded only when help is asked for.

const WIDTH = 80;

export function describeAll(commandClasses: readonly CommandClassLike[]): CommandDescription[] {
  return commandClasses.map((c) => describeCommand(c)).filter((c) => !c.hidden && c.name !== '');
}

/** Words of `text` in lines of at most `width` columns. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Two columns: `left` padded to a common width, `right` wrapped beside it with a hanging indent. */
function table(rows: readonly (readonly [string, string])[], p: Paint, styleLeft: (text: string) => string): string {
  const leftWidth = Math.min(26, Math.max(...rows.map(([left]) => left.length)));
  let out = '';
  for (const [left, right] of rows) {
    const indent = 2 + leftWidth + 3;
    const wrapped = wrap(right, Math.max(30, WIDTH - indent));
    const head = left.length > leftWidth ? `  ${styleLeft(left)}\n${' '.repeat(indent)}` : `  ${styleLeft(left)}${' '.repeat(leftWidth - left.length + 3)}`;
    out += `${head}${wrapped.map((line) => code(line, p)).join(`\n${' '.repeat(indent)}`)}\n`;
  }
  return out;
}

/** `text` with its `code spans` coloured (backticks kept when colours are off, where they are the only mark). */
function code(text: string, p: Paint): string {
  return p.isColorSupported ? text.replace(/`([^`]+)`/g, (_, inner: string) => p.cyan(inner)) : text;
}

/** A `usage.details` template literal: dedented paragraphs, each reflowed to the width. */
function paragraphs(details: string, p: Paint): string {
  return details
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => wrap(paragraph, WIDTH - 2).map((line) => `  ${code(line, p)}`).join('\n'))
    .join('\n\n');
}

function flagLabel(flag: FlagDescription): string {
  const names = flag.names.join(', ');
  return flag.placeholder ? `${names} ${flag.placeholder}` : names;
}

function flagText(flag: FlagDescription, command?: CommandDescription): string {
  if (flag.names.includes('--output-format') && command) {
    return `Output format: ${listChoices(command.formats)} (default text)`;
  }
  // The allowed values, unless the description already names every one of them.
  const named = flag.choices?.every((choice) => flag.description.includes(choice)) ?? true;
  const choices = flag.choices && !named && !/\bone of\b/.test(flag.description) ? ` (${listChoices(flag.choices)})` : '';
  return `${flag.description}${choices}`;
}

function heading(text: string, p: Paint): string {
  return p.bold(text);
}

export function renderOverview(all: readonly CommandDescription[], colours: boolean): string {
  const p = paint(colours);
  const globals = [...(all[0]?.flags.filter((f) => f.global) ?? []), HELP_FLAG];
  let out = `${p.bold(`Pacto ${buildInfo.version}`)}: validate, pack, publish and diff service contracts\n\n`;
  out += `${heading('Usage', p)}\n  pacto <command> [arguments] [flags]\n\n`;
  out += `${heading('Commands', p)}\n`;
  out += table(
    all.map((c) => [`${c.name}${c.synopsis ? ` ${c.synopsis}` : ''}`, c.description]),
    p,
    (left) => {
      const [name, ...rest] = left.split(' ');
      return [p.cyan(name!), ...rest].join(' ');
    },
  );
  out += `\n${heading('Global flags', p)} (every command takes them, before or after its name)\n`;
  out += table(
    globals.map((f) => [flagLabel(f), f.names.includes('--output-format') ? 'Output format (default text): text or json everywhere, some commands more (see their help)' : f.description]),
    p,
    (left) => left,
  );
  out += `\nRun ${p.cyan("'pacto help <command>'")} for a command's flags and examples.\n`;
  out += `${wrap('Exit codes: 0 success, 1 the answer is no (invalid contract, breaking change), 2 the command line is wrong.', WIDTH).join('\n')}\n`;
  return out;
}

export function renderCommandHelp(command: CommandDescription, colours: boolean): string {
  const p = paint(colours);
  const own = command.flags.filter((f) => !f.global || f.names.includes('--output-format'));
  const globals = [...command.flags.filter((f) => f.global && !f.names.includes('--output-format')), HELP_FLAG];
  let out = `${command.description}\n\n`;
  out += `${heading('Usage', p)}\n  pacto ${command.name}${command.synopsis ? ` ${command.synopsis}` : ''} [flags]\n\n`;
  out += `${heading('Flags', p)}\n${table(own.map((f) => [flagLabel(f), flagText(f, command)]), p, (left) => left)}\n`;
  out += `${heading('Global flags', p)}\n${table(globals.map((f) => [flagLabel(f), flagText(f)]), p, (left) => left)}`;
  if (command.details) out += `\n${heading('Details', p)}\n${paragraphs(command.details, p)}\n`;
  if (command.examples.length > 0) {
    out += `\n${heading('Examples', p)}\n`;
    out += command.examples.map(([label, line]) => `  ${label}\n    ${p.dim('$')} ${p.cyan(line.replace(/\$0/g, 'pacto'))}\n`).join('\n');
  }
  return out;
}

/** Help as data, for `--output-format json` (camelCase keys: a command of ours). */
export function helpJson(commands: readonly CommandDescription[]): unknown {
  return {
    commands: commands.map((c) => ({
      name: c.name,
      usage: `pacto ${c.name}${c.synopsis ? ` ${c.synopsis}` : ''}`,
      description: c.description,
      outputFormats: c.formats,
      flags: c.flags.map((f) => ({
        names: f.names,
        ...(f.placeholder ? { value: f.placeholder } : {}),
        description: f.description,
        ...(f.choices ? { choices: f.choices } : {}),
        ...(f.repeatable ? { repeatable: true } : {}),
        global: f.global,
      })),
      examples: c.examples.map(([description, line]) => ({ description, command: line.replace(/\$0/g, 'pacto') })),
    })),
  };
}
