// Character-level pieces of the fast YAML reader: indicator tables, plain-scalar starts, single-line
// quoted scalars. Anything unusual throws DECLINE so the complete reader takes over.

/** Thrown to hand the text to the complete reader (one shared instance: no stack capture). */
export class Decline extends Error {}
export const DECLINE = new Decline();

export const SPACE = 0x20;
export const HASH = 0x23;
export const COLON = 0x3a;
export const DASH = 0x2d;

// Characters that cannot start a plain scalar in this reader (YAML indicators; of `-?:`, which may start
// one when a safe character follows, only `-` is taken, to stay on the safe side).
export const INDICATOR = new Uint8Array(128);
for (const ch of '-?:,[]{}#&*!|>\'"%@`') INDICATOR[ch.charCodeAt(0)] = 1;
const FLOW = new Uint8Array(128);
for (const ch of ',[]{}') FLOW[ch.charCodeAt(0)] = 1;
export const isFlowStop = (code: number): boolean => code < 128 && FLOW[code] === 1;

/** Whether a plain scalar may start at `at`: not an indicator, except `-` followed by a safe character. */
export function startsPlain(text: string, at: number, flow: boolean): boolean {
  const ch = text.charCodeAt(at);
  if (ch >= 128 || INDICATOR[ch] === 0) return true;
  if (ch !== DASH || at + 1 >= text.length) return false;
  const next = text.charCodeAt(at + 1);
  return next !== SPACE && next !== 0x0a && !(flow && isFlowStop(next));
}

/** Offset just after the closing quote of the quoted scalar at `at`, or -1 (not closed on this line). */
export function quotedEnd(text: string, at: number, end: number): number {
  const quote = text.charCodeAt(at);
  for (let i = at + 1; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (quote === 0x22 && ch === 0x5c /* \ */) {
      i++;
      continue;
    }
    if (ch === quote) {
      if (quote === 0x27 && text.charCodeAt(i + 1) === 0x27) {
        i++;
        continue;
      }
      return i + 1;
    }
  }
  return -1;
}

/** The value of the quoted scalar from `at` to `close` (exclusive): quotes removed, escapes applied. */
export function unquote(text: string, at: number, close: number): string {
  const body = text.slice(at + 1, close - 1);
  if (text.charCodeAt(at) === 0x27) return body.includes("''") ? body.replaceAll("''", "'") : body;
  if (!body.includes('\\')) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_all, escape: string) => {
    const simple = SIMPLE_ESCAPES[escape];
    if (simple !== undefined) return simple;
    if (escape.length > 1) {
      const code = Number.parseInt(escape.slice(1), 16);
      if (code > 0x10ffff) throw DECLINE;
      return String.fromCodePoint(code);
    }
    throw DECLINE;
  });
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
