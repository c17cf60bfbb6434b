import { CliError } from './cli-error.js';

export interface Overrides {
  readonly values: readonly { readonly fileName: string; readonly text: string }[];
  readonly sets: readonly string[];
}

/** Reads the values files up front: override errors come before anything else (cli.md §3.2). */
export async function readOverrides(valuesFiles: readonly string[], sets: readonly string[]): Promise<Overrides> {
  const { readFile } = await import('node:fs/promises');
  const values = [];
  for (const fileName of valuesFiles) {
    try {
      values.push({ fileName, text: await readFile(fileName, 'utf8') });
    } catch (error) {
      throw new CliError(`failed to read values file ${fileName}: ${(error as Error).message}`, { cause: error });
    }
  }
  for (const set of sets) {
    if (!set.includes('=')) throw new CliError(`invalid --set ${JSON.stringify(set)}: expected key=value`);
  }
  return { values, sets };
}
