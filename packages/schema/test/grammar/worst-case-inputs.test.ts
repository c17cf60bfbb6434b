import { describe, expect, it } from 'vitest';
import { rewriteHyphenRanges } from '../../src/grammar/hyphen-range.js';
import { parseValidationReference } from '../../src/grammar/oci-reference.js';
import { isValidBundlePath } from '../../src/grammar/bundle-path.js';
import { parseReadinessDate } from '../../src/grammar/readiness-date.js';
import { MAX_VERSION_LENGTH, parseVersion } from '../../src/grammar/semantic-version.js';
import { MAX_RANGE_LENGTH, parseRange } from '../../src/grammar/version-range.js';

// Every grammar on 1 MB inputs of the shapes that make a backtracking matcher slow. Each case finishes in
// milliseconds now; before the hyphen-range scanner, one such range took minutes. The test timeout is the
// generous bound; speed itself is measured by `pnpm bench` (grammar rows).
const MB = 1 << 20;
const fill = (unit: string, tail = '') => unit.repeat(Math.ceil(MB / unit.length)) + tail;
const BOUND_MS = 20_000;

const VERSION_AT = /v?[0-9xX*]+(?:\.[0-9xX*]+)?(?:\.[0-9xX*]+)?(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?/y;
function versionAt(text: string, at: number): string | undefined {
  VERSION_AT.lastIndex = at;
  return VERSION_AT.exec(text)?.[0];
}

const RANGE_SHAPES: Record<string, string> = {
  'digits with no hyphen': fill('1', '!'),
  'hyphenated word': fill('1-', '!'),
  'dotted identifiers': fill('1.', '!'),
  'pre-release dashes and dots': fill('-a.', ' - 1'),
  'builds': fill('1+', ' - 1'),
  'spaced hyphens between words': fill('a - '),
  'spaced hyphens between versions': fill('1 - '),
  'whitespace runs': fill(' ', '- 1'),
  'ors': fill('1||'),
  'comparators': fill('>=1.0.0 '),
};

describe('grammars on 1 MB worst-case inputs', () => {
  it.each(Object.entries(RANGE_SHAPES))('a range of %s is refused by its length', (_shape, text) => {
    expect(parseRange(text)).toEqual({
      ok: false,
      error: `a range has at most ${MAX_RANGE_LENGTH} characters, this one has ${text.length}`,
    });
  });

  it.each(Object.entries(RANGE_SHAPES))('the hyphen-range scanner reads %s in linear time', (_shape, text) => {
    const rewritten = rewriteHyphenRanges(text, versionAt);
    expect(rewritten.length).toBeGreaterThanOrEqual(text.length - 8);
  }, BOUND_MS);

  it('a range at the length limit still parses', () => {
    const text = `>=1.0.0 ${' '.repeat(MAX_RANGE_LENGTH - 16)}<2.0.0`;
    expect(text.length).toBe(MAX_RANGE_LENGTH - 2);
    expect(parseRange(text).ok).toBe(true);
  });

  it.each([fill('1'), fill('1.'), fill('1-a.'), fill('v1.0.0-', 'x')])('a semantic version of 1 MB is refused by its length', (text) => {
    expect(parseVersion(text)).toEqual({ ok: false, error: `version string is too long (max ${MAX_VERSION_LENGTH} bytes)` });
  }, BOUND_MS);

  it.each([
    [fill('a'), 'invalid OCI reference: missing repository in'],
    [fill('/'), 'invalid OCI reference: empty registry'],
    [fill(':'), 'invalid OCI reference: missing repository in'],
    [fill('@'), 'invalid OCI reference: missing repository in ""'],
  ])('an OCI reference of 1 MB is read in one pass', (text, error) => {
    const result = parseValidationReference(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.startsWith(error)).toBe(true);
  }, BOUND_MS);

  it('a 1 MB OCI reference that is valid keeps its parts', () => {
    const result = parseValidationReference(`r.io/${fill('a/')}x:1@sha256:00`);
    expect(result.ok && result.reference.tag).toBe('1');
  }, BOUND_MS);

  it.each([[fill('a/', 'a'), true], [fill('a/'), false], [fill('./'), false], [fill('/'), false]])('a bundle path of 1 MB is checked in one pass', (path, valid) => {
    expect(isValidBundlePath(path)).toBe(valid);
  }, BOUND_MS);

  it.each([fill('1'), fill('2024-01-01'), fill('-')])('a readiness date of 1 MB is refused', (text) => {
    expect(parseReadinessDate(text)).toBeUndefined();
  }, BOUND_MS);
});
