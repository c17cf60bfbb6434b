import { memoryBundleFS } from '@pacto/bundle/memory-bundle-fs';
import type { DiffInput } from '@pacto/diff';
import { renderExplainText } from '@pacto/render';
import { validateContract, type ValidationResult } from '@pacto/validate';
import type { DiffResult } from '../../src/api/model.ts';
import { diffResult } from '../../src/shared/diff-result.ts';
import type { StoredBundle } from '../../src/shared/data-keys.ts';

// The real engines in the browser: @pacto/schema parses, @pacto/validate runs the four layers, @pacto/diff
// classifies and @pacto/render writes the explain summary, exactly as the CLI does. Loaded with the playground
// (and by the exported site's diff view), never with the first page.

export interface Checked {
  readonly result: ValidationResult;
  /** The `pacto explain` text, when the contract parses. */
  readonly explain: string | undefined;
}

/**
 * Validates a pasted contract. There is no bundle around it, so checks of referenced files are skipped, and
 * policy refs are not fetched (local mode, as `pacto pack`).
 */
export async function checkContract(text: string): Promise<Checked> {
  const result = await validateContract({ fileName: 'pacto.yaml', text });
  const explain = result.contract ? renderExplainText(result.contract, result.readiness) : undefined;
  return { result, explain };
}

/** The diff of two pasted contracts (old first), named like the live API's. */
export function diffTexts(oldText: string, newText: string): DiffResult {
  return diffResult(
    { name: 'old', version: 'pasted', input: { fileName: 'old/pacto.yaml', text: oldText } },
    { name: 'new', version: 'pasted', input: { fileName: 'new/pacto.yaml', text: newText } },
  );
}

/** The diff of two exported bundles (the static site has no API to ask). */
export function diffStored(from: { name: string; bundle: StoredBundle }, to: { name: string; bundle: StoredBundle }): DiffResult {
  return diffResult({ name: from.name, version: from.bundle.version, input: storedInput(from.bundle) }, { name: to.name, version: to.bundle.version, input: storedInput(to.bundle) });
}

function storedInput(bundle: StoredBundle): DiffInput {
  const files = new Map<string, Uint8Array>();
  for (const [path, content] of Object.entries(bundle.files)) {
    files.set(path, 'text' in content ? new TextEncoder().encode(content.text) : Uint8Array.from(atob(content.base64), (c) => c.charCodeAt(0)));
  }
  const text = new TextDecoder().decode(files.get('pacto.yaml') ?? new Uint8Array());
  return { fileName: bundle.fileName, text, files: memoryBundleFS(files), listing: [...files.keys()] };
}
