import { arrayFlag } from './flags.js';

/**
 * The `-f/--values` and `--set` flags of cli.md §3.2, shared by the commands that read a contract.
 * `-f` means `--values` on every command (push included: it has no `-f`, see docs/decisions.md).
 */
export function valuesOption(names = '-f,--values') {
  return arrayFlag(names, {
    description: 'YAML file deep-merged into the contract before use; repeatable, later files win',
    placeholder: '<file>',
    kind: 'file',
  });
}

export function setOption(names = '--set', description = 'Set one value by dotted path (e.g. service.version=1.2.0, interfaces[0].port=9090); repeatable') {
  return arrayFlag(names, { description, placeholder: '<key=value>' });
}
