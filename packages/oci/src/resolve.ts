import { maxSatisfying, parseRange } from '@pacto/schema';
import { OciError } from './error.js';

/**
 * Picks the tag to fetch for an unpinned reference (oci.md §8.2): the highest semantic version among
 * `tags` (within `constraint` when given). Tags store build metadata as `_`, so `1.0.0_b1` counts as
 * `1.0.0+b1`. Returns the original tag text.
 */
export function selectTag(tags: readonly string[], constraint?: string): string {
  const byVersion = new Map<string, string>();
  for (const tag of tags) {
    const underscore = tag.indexOf('_');
    const version = underscore >= 0 ? `${tag.slice(0, underscore)}+${tag.slice(underscore + 1)}` : tag;
    if (!byVersion.has(version)) byVersion.set(version, tag);
  }
  if (maxSatisfying(byVersion.keys()) === undefined) throw new OciError('NO_SEMVER_TAGS', 'no semver tags found');
  if (constraint === undefined || constraint.trim() === '') {
    return byVersion.get(maxSatisfying(byVersion.keys()) as string) as string;
  }
  const range = parseRange(constraint);
  if (!range.ok) throw new OciError('INVALID_CONSTRAINT', `invalid constraint "${constraint}": ${range.error}`);
  const best = maxSatisfying(byVersion.keys(), range.range);
  if (best === undefined) throw new OciError('NO_MATCHING_TAG', `no tags satisfy constraint "${constraint}"`);
  return byVersion.get(best) as string;
}
