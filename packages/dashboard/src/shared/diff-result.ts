import { buildDiffJson, buildDiffReport, type DiffInput } from '@pacto/diff';
import type { DiffResult } from '../api/model.js';

// The diff of two versions, as `GET /api/diff` returns it and as the exported site computes it in the
// browser: the report of `pacto diff --output-format json` with the two sides named.

export interface DiffSideInput {
  readonly name: string;
  readonly version: string;
  readonly input: DiffInput;
}

export function diffResult(from: DiffSideInput, to: DiffSideInput): DiffResult {
  const report = buildDiffReport({
    oldPath: `${from.name}@${from.version}`,
    newPath: `${to.name}@${to.version}`,
    old: from.input,
    new: to.input,
  });
  return {
    from: { name: from.name, version: from.version },
    to: { name: to.name, version: to.version },
    ...(buildDiffJson(report) as Omit<DiffResult, 'from' | 'to'>),
  };
}
