import { Option } from 'clipanion';

/** The `-f/--values` and `--set` flags of cli.md §3.2, shared by the commands that read a contract. */
export function valuesOption() {
  return Option.Array('-f,--values', [], {
    description: 'YAML file deep-merged into the contract before use; repeatable, later files win',
  });
}

export function setOption() {
  return Option.Array('--set', [], {
    description: 'Set one value by dotted path (e.g. --set service.version=1.2.0, --set interfaces[0].port=9090); repeatable',
  });
}
