import { UsageError } from './cli-error.js';

export interface Overrides {
  readonly values: readonly { readonly fileName: string; readonly text: string }[];
  readonly sets: readonly string[];
}

/** Reads the values files up front: override errors come before anything else (cli.md §3.2). */
export async function readOverrides(valuesFiles: readonly string[], sets: readonly string[]): Promise<Overrides> {
  const { readFile } = await import('node:fs/promises');
  const values = [];
  for (const fileName of valuesFiles) {
    // `-vf x` reaches here as `-f` without a value: clipanion reads a batch of short flags as booleans.
    if (typeof fileName !== 'string') throw new UsageError('flag needs an argument: -f <file>', { code: 'MISSING_FLAG_VALUE' });
    try {
      values.push({ fileName, text: await readFile(fileName, 'utf8') });
    } catch (error) {
      throw new UsageError(`failed to read values file ${fileName}: ${(error as Error).message}`, { code: 'VALUES_FILE_UNREADABLE', cause: error });
    }
  }
  for (const set of sets) {
    if (!set.includes('=')) throw new UsageError(`invalid --set ${JSON.stringify(set)}: expected key=value`, { code: 'INVALID_FLAG_VALUE' });
  }
  return { values, sets };
}
