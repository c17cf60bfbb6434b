// Hyphen ranges (`1.2 - 1.4.5`) are rewritten to `>= 1.2, <= 1.4.5 ` before a range is split and scanned, as
// Masterminds does with the regular expression `\s*(CV)\s+-\s+(CV)\s*` (CV: a constraint version). Go's
// regular expressions run in linear time; the same expression in JS backtracks, costing time proportional to
// the square of the input's length (a 100 KB range took seconds). This scanner finds the same matches
// (leftmost first, non-overlapping) in one pass: a match is anchored on a `-` with whitespace on both sides,
// its low version is the longest suffix of the word before it that is a CV, its high version the longest CV
// at the start of the word after it.

const WHITESPACE = /\s/;

function isSpace(text: string, at: number): boolean {
  return at >= 0 && at < text.length && WHITESPACE.test(text[at]!);
}

/** `[0-9xX*]`: a character of a version part. */
function isPartChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x78 || code === 0x58 || code === 0x2a;
}

/** `[0-9A-Za-z-]`: a character of a pre-release or build identifier. */
function isIdentifierChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x2d;
}

/**
 * The leftmost `s` in [from, end) such that text[s, end) is `v? P (.P)? (.P)?` (P = `[0-9xX*]+`), or -1.
 * Walks left from `end` while the text read so far is a valid suffix of such a core.
 */
function leftmostCoreStart(text: string, from: number, end: number): number {
  let best = -1;
  let dots = 0;
  let pieceLength = 0;
  for (let i = end - 1; i >= from; i--) {
    const code = text.charCodeAt(i);
    if (isPartChar(code)) {
      pieceLength++;
      best = i;
    } else if (code === 0x2e /* . */ && pieceLength > 0 && dots < 2) {
      dots++;
      pieceLength = 0;
    } else {
      if (code === 0x76 /* v */ && pieceLength > 0) best = i;
      break;
    }
  }
  return best;
}

/**
 * For each x in [from, end]: true when text[x, end) is a dot-separated list of non-empty identifiers
 * (`[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*`). Computed right to left in one pass.
 */
function identifierListStarts(text: string, from: number, end: number): boolean[] {
  const valid = new Array<boolean>(end - from + 1).fill(false);
  let wellFormed = true; // text[x, end) has only identifier characters and dots, no empty identifier before `end`
  for (let x = end - 1; x >= from && wellFormed; x--) {
    const code = text.charCodeAt(x);
    if (code === 0x2e) {
      wellFormed = x + 1 < end && text.charCodeAt(x + 1) !== 0x2e;
    } else {
      wellFormed = isIdentifierChar(code);
      valid[x - from] = wellFormed;
    }
  }
  return valid;
}

/** The leftmost `s` in [from, end) such that text[s, end) is `v? P (.P)? (.P)? (-IDS)?`, or -1 (no `+` in range). */
function leftmostStartWithoutBuild(text: string, from: number, end: number): number {
  const identifiers = identifierListStarts(text, from, end);
  let segmentStart = from;
  while (segmentStart < end) {
    let segmentEnd = segmentStart;
    while (segmentEnd < end && text.charCodeAt(segmentEnd) !== 0x2d) segmentEnd++;
    // A core in this segment; what follows it must be nothing or `-` and a valid identifier list.
    if (segmentEnd === end || identifiers[segmentEnd + 1 - from] === true) {
      const start = leftmostCoreStart(text, segmentStart, segmentEnd);
      if (start >= 0) return start;
    }
    segmentStart = segmentEnd + 1;
  }
  return -1;
}

/** The position of the last `+` in [from, end), or -1. */
function lastPlus(text: string, from: number, end: number): number {
  for (let i = end - 1; i >= from; i--) if (text.charCodeAt(i) === 0x2b) return i;
  return -1;
}

/** The leftmost `s` in [from, end) such that text[s, end) is a whole constraint version, or -1. */
function leftmostVersionStart(text: string, from: number, end: number): number {
  const plus = lastPlus(text, from, end);
  if (plus < 0) return leftmostStartWithoutBuild(text, from, end);
  // A version has at most one `+`; its build (after it) is an identifier list.
  if (identifierListStarts(text, plus + 1, end)[0] === true) {
    const before = lastPlus(text, from, plus);
    const start = leftmostStartWithoutBuild(text, before < 0 ? from : before + 1, plus);
    if (start >= 0) return start;
  }
  return leftmostStartWithoutBuild(text, plus + 1, end);
}

/** Rewrites every hyphen range of `text` to `>= low, <= high `; `versionAt` reads the longest CV at a position. */
export function rewriteHyphenRanges(text: string, versionAt: (text: string, at: number) => string | undefined): string {
  let out = '';
  let copied = 0;
  let searchFrom = 0;
  for (let dash = text.indexOf('-'); dash >= 0; dash = text.indexOf('-', dash + 1)) {
    if (!isSpace(text, dash - 1) || !isSpace(text, dash + 1)) continue;
    let lowEnd = dash - 1;
    while (isSpace(text, lowEnd - 1)) lowEnd--;
    let wordStart = lowEnd;
    while (wordStart > searchFrom && !isSpace(text, wordStart - 1)) wordStart--;
    if (wordStart >= lowEnd) continue;
    const lowStart = leftmostVersionStart(text, wordStart, lowEnd);
    if (lowStart < 0) continue;
    let highStart = dash + 1;
    while (isSpace(text, highStart)) highStart++;
    const high = versionAt(text, highStart);
    if (high === undefined || high === '') continue;
    // `\s*` on both ends: the match takes the whitespace around it (but not text already matched).
    let matchStart = lowStart;
    while (matchStart > searchFrom && isSpace(text, matchStart - 1)) matchStart--;
    let matchEnd = highStart + high.length;
    while (isSpace(text, matchEnd)) matchEnd++;
    out += `${text.slice(copied, matchStart)}>= ${text.slice(lowStart, lowEnd)}, <= ${high} `;
    copied = searchFrom = matchEnd;
    dash = matchEnd - 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
