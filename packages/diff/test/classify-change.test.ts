import { describe, expect, it } from 'vitest';
import { classifyChange, withoutBrackets } from '../src/classify-change.js';

describe('classifyChange on paths with indexes', () => {
  it('classifies by the path without its [...] parts', () => {
    expect(classifyChange('openapi.paths[/users].methods[GET].parameters[query:id]', 'removed')).toEqual(
      classifyChange('openapi.paths.methods.parameters', 'removed'),
    );
  });

  it('removes [...] parts exactly as the regular expression did, on every short path of brackets, breaks and letters', () => {
    const pieces = ['[', ']', 'a', '\n', '.'];
    const differences: string[] = [];
    const visit = (text: string, depth: number) => {
      if (text.replace(/\[.*?\]/g, '') !== withoutBrackets(text)) differences.push(JSON.stringify(text));
      if (depth < 7) for (const piece of pieces) visit(text + piece, depth + 1);
    };
    visit('', 0);
    expect(differences).toEqual([]);
  });

  it.each([['['.repeat(1 << 20) + '\n[]'], ['[a'.repeat(1 << 19)], ['[]'.repeat(1 << 19)]])('reads a 1 MB path in linear time', (path) => {
    expect(withoutBrackets(path).length).toBeLessThanOrEqual(path.length);
  }, 20_000);
});
