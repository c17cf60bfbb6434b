import type { Settings } from '../settings.js';

/** What a command's run module needs from the command: resolved settings and the output streams. */
export interface CommandIO {
  readonly settings: Settings;
  readonly stderrIsTTY: boolean;
  /** Whether each stream gets colours (terminal or FORCE_COLOR, no NO_COLOR, text output). */
  readonly colors: { readonly stdout: boolean; readonly stderr: boolean };
  out(text: string): void;
  err(text: string): void;
  /** A `-v` debug line on stderr, with optional logfmt fields. */
  debug(message: string, fields?: Readonly<Record<string, string | number | boolean | undefined>>): void;
}
