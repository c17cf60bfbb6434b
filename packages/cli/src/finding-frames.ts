import type { ValidationTextOptions } from '@pacto/render';

/**
 * The `renderValidationText` options of a command: on a terminal, a code frame under each finding of the
 * contract file (the text validated, overrides applied); piped output gets the one-line findings alone.
 */
export function validationTextOptions(bundle: { readonly fileName: string; readonly text: string } | undefined, terminal: boolean): ValidationTextOptions {
  if (bundle === undefined) return {};
  if (!terminal) return { fileName: bundle.fileName };
  return { fileName: bundle.fileName, source: (file) => (file === bundle.fileName ? bundle.text : undefined) };
}
