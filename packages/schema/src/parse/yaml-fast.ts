import type { YamlTree } from './tree.js';

/** Fast reader placeholder: declines everything until implemented. */
export function readYamlFast(_text: string): YamlTree | 'empty' | undefined {
  return undefined;
}
