import type { YAMLWarning } from 'yaml';

/** One line for a YAML reader warning: `line 3, column 7: Unresolved tag: !custom`. */
export function yamlWarningLine(warning: YAMLWarning): string {
  const first = warning.message.split('\n')[0] ?? '';
  const reason = first.replace(/ at line \d+, column \d+:?$/, '');
  const position = warning.linePos?.[0];
  return position === undefined ? reason : `line ${position.line}, column ${position.col}: ${reason}`;
}
