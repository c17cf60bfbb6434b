// First step of a library's `build` (run in the package directory): removes dist/, so that the output of a
// source file since deleted or renamed is not packed into the next release.
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
