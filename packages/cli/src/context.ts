import type { BaseContext } from 'clipanion';

/** What every command gets: the standard streams plus the working directory it runs in. */
export interface PactoContext extends BaseContext {
  cwd: string;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
}
