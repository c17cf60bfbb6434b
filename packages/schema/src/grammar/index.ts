export { goQuote } from './go-quote.js';
export {
  MAX_VERSION_LENGTH,
  compareVersions,
  comparePrerelease,
  formatVersion,
  isSemanticVersion,
  parseVersion,
} from './semantic-version.js';
export type { SemanticVersion, VersionParseOptions, VersionParseResult } from './semantic-version.js';
export { MAX_RANGE_LENGTH, isVersionRange, maxSatisfying, parseRange, satisfies } from './version-range.js';
export type { RangeComparator, RangeOperator, RangeParseResult, VersionRange } from './version-range.js';
export { FILE_SCHEME, OCI_SCHEME, parseValidationReference, splitRef } from './oci-reference.js';
export type { RefScheme, SplitRef, ValidationReference, ValidationReferenceOptions, ValidationReferenceResult } from './oci-reference.js';
export { isValidBundlePath } from './bundle-path.js';
export { epochDay, isReadinessDate, parseReadinessDate } from './readiness-date.js';
export type { CalendarDate } from './readiness-date.js';
