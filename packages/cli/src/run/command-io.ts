import type { Settings } from '../settings.js';

/** What a command's run module needs from the command: resolved settings and the output streams. */
export interface CommandIO {
  readonly settings: Settings;
  readonly stderrIsTTY: boolean;
  out(text: string): void;
  err(text: string): void;
  /** A `-v` debug line on stderr. */
  debug(message: string): void;
}
