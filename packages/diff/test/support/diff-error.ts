import { DiffError } from '../../src/index.js';

/** The DiffError `run` throws; fails the test when it throws nothing or something else. */
export function thrownDiffError(run: () => unknown): DiffError {
  try {
    run();
  } catch (error) {
    if (error instanceof DiffError) return error;
    throw error;
  }
  throw new Error('expected a DiffError');
}
