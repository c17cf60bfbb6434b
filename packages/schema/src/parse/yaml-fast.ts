import { COLON, DASH, DECLINE, Decline, HASH, INDICATOR, SPACE, isFlowStop, quotedEnd, startsPlain, unquote } from './fast-lexemes.js';
import { LineIndex } from './line-index.js';
import type { MapPair, ScalarNode, YamlNode, YamlTree } from './tree.js';

// A small reader for the YAML that contracts are written in: block mappings
// and sequences, plain scalars (also wrapped), single-line quoted scalars and
// flow collections, literal/folded block scalars, comments, anchors on values
// and aliases. It builds the same tree as the complete reader, in a fraction
// of the time. Whenever it meets anything else (tags, anchored keys, multi-line
// quoted or flow scalars,
// tabs, lone CR, directives, several documents, odd indentation, anything that
// might be an error) it declines by returning undefined, and the complete
// reader takes over. It never reports errors itself, so error texts always
// come from one place.

const MAX_FAST_DEPTH = 200;
const MAX_KEY_LENGTH = 1000;

interface Line {
  readonly start: number;
  readonly end: number;
  readonly indent: number;
  readonly number: number;
}

/** Anchor and alias names this reader takes: yaml.v3's letters, digits, `_` and `-` (others go to the complete reader). */
const lineOf = (text: string, offset: number): number => new LineIndex(text).lineOf(offset);

const isAnchorChar = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code === DASH;

class FastReader {
  private readonly lines: Line[] = [];
  private li = 0;
  private nodes = 0;
  /** Anchored nodes by name (a later anchor of the same name replaces the earlier one, as in the complete reader). */
  private readonly anchors = new Map<string, YamlNode>();
  /** Anchors whose value is being read: an alias to one of them is an error the complete reader words. */
  private readonly building = new Set<string>();
  private hasAliases = false;
  /** 1-based line where the reader declined, when it did. */
  declinedAt: number | undefined;

  constructor(private readonly text: string) {}

  read(): YamlTree | 'empty' | undefined {
    const text = this.text;
    // Tabs and a CR that does not end a line are left to the complete reader.
    const odd = /\t|\r(?!\n)/.exec(text);
    if (odd !== null) return this.decline(lineOf(text, odd.index));
    if (!this.splitLines()) return undefined;
    if (this.lines.length === 0) return 'empty';
    try {
      const first = this.lines[0] as Line;
      const root = this.blockNode(first.indent, -1, 0);
      if (this.li !== this.lines.length) return this.decline(this.currentLine());
      return { root, hasAliases: this.hasAliases, nodeCount: this.nodes };
    } catch (error) {
      if (error instanceof Decline) return this.decline(this.currentLine());
      throw error;
    }
  }

  private decline(line: number): undefined {
    this.declinedAt = line;
    return undefined;
  }

  /** The line being read (the last one when the reader ran past the end). */
  private currentLine(): number {
    const line = this.lines[Math.min(this.li, this.lines.length - 1)];
    return line === undefined ? 1 : line.number;
  }

  /** Significant lines (not blank, not comment-only). False when a construct needs the complete reader. */
  private splitLines(): boolean {
    const text = this.text;
    let start = 0;
    let number = 0;
    const length = text.length;
    while (start <= length) {
      let next = text.indexOf('\n', start);
      if (next === -1) next = length;
      const end = next > start && text.charCodeAt(next - 1) === 0x0d ? next - 1 : next;
      number++;
      let i = start;
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      if (i < end && text.charCodeAt(i) !== HASH) {
        if (i === start) {
          const c = text.charCodeAt(i);
          // Directives, document markers: leave them to the complete reader.
          if (c === 0x25 /* % */) return this.decline(number) ?? false;
          if ((c === DASH && text.startsWith('---', i)) || (c === 0x2e && text.startsWith('...', i))) {
            const after = text.charCodeAt(i + 3);
            if (i + 3 >= end || after === SPACE) return this.decline(number) ?? false;
          }
        }
        this.lines.push({ start, end, indent: i - start, number });
      }
      if (next === length) break;
      start = next + 1;
    }
    return true;
  }

  private pos(offset: number): { line: number; column: number } {
    return { line: this.lineNumber(), column: this.column(offset) };
  }

  private lineNumber(): number {
    return (this.lines[this.li] as Line).number;
  }

  /** 1-based column of `offset` on the current line. */
  private column(offset: number): number {
    return offset - (this.lines[this.li] as Line).start + 1;
  }

  /** A node that starts on the current line at column `col` (0-based), owned by a parent at `parentIndent`. */
  private blockNode(col: number, parentIndent: number, depth: number): YamlNode {
    if (depth > MAX_FAST_DEPTH) throw DECLINE;
    const line = this.lines[this.li] as Line;
    const at = line.start + col;
    const c = this.text.charCodeAt(at);
    if (c === DASH && this.isBlank(at + 1, line.end)) return this.sequence(col, depth);
    if (this.keyEnd(at, line.end) !== -1) return this.mapping(col, depth);
    return this.lineValue(at, line.end, parentIndent, depth);
  }

  private isBlank(i: number, end: number): boolean {
    return i >= end || this.text.charCodeAt(i) === SPACE;
  }

  private noContinuation(parentIndent: number): void {
    const next = this.lines[this.li];
    if (next !== undefined && next.indent > parentIndent) throw DECLINE;
  }

  private sequence(col: number, depth: number): YamlNode {
    const items: YamlNode[] = [];
    const first = this.pos((this.lines[this.li] as Line).start + col);
    this.nodes++;
    for (;;) {
      const line = this.lines[this.li];
      if (line === undefined || line.indent !== col) break;
      const dash = line.start + col;
      if (this.text.charCodeAt(dash) !== DASH || !this.isBlank(dash + 1, line.end)) break;
      const { at: i, anchor } = this.valueStart(dash + 1, line.end);
      if (i >= line.end || this.text.charCodeAt(i) === HASH) {
        // `-` alone: the item is the indented block below (an empty item goes to the complete reader).
        this.li++;
        const next = this.lines[this.li];
        if (next === undefined || next.indent <= col) throw DECLINE;
        items.push(this.anchored(anchor, () => this.blockNode(next.indent, col, depth + 1)));
        continue;
      }
      const c = this.text.charCodeAt(i);
      if (c === DASH && this.isBlank(i + 1, line.end)) throw DECLINE; // `- - x`
      if (this.keyEnd(i, line.end) !== -1) {
        // `- &a key: value` anchors the key in one reading and the mapping in another: left to the complete reader.
        if (anchor !== undefined) throw DECLINE;
        items.push(this.mapping(i - line.start, depth + 1));
      } else items.push(this.anchored(anchor, () => this.lineValue(i, line.end, col, depth + 1)));
    }
    return { kind: 'seq', items, ...first };
  }

  private mapping(col: number, depth: number): YamlNode {
    if (depth > MAX_FAST_DEPTH) throw DECLINE;
    const pairs: MapPair[] = [];
    const first = this.pos((this.lines[this.li] as Line).start + col);
    this.nodes++;
    let firstLine = true;
    for (;;) {
      const line = this.lines[this.li];
      if (line === undefined) break;
      if (!firstLine) {
        if (line.indent < col) break;
        if (line.indent > col) throw DECLINE;
      }
      const at = line.start + col;
      const colon = this.keyEnd(at, line.end);
      // Not a key at the mapping's indentation (a sequence there belongs to the key above and was read with it).
      if (colon === -1) throw DECLINE;
      firstLine = false;
      const key = this.keyNode(at, colon);
      const { at: i, anchor } = this.valueStart(colon + 1, line.end);
      if (i < line.end && this.text.charCodeAt(i) !== HASH) {
        const c = this.text.charCodeAt(i);
        if (c === DASH && this.isBlank(i + 1, line.end)) throw DECLINE; // `key: - x`
        pairs.push({ key, value: this.anchored(anchor, () => this.lineValue(i, line.end, col, depth + 1)) });
        continue;
      }
      // Empty after the colon: the value is the block below, a sequence at the same indentation, or null.
      this.li++;
      const next = this.lines[this.li];
      const value = (): YamlNode => {
        if (next !== undefined && next.indent > col) return this.blockNode(next.indent, col, depth + 1);
        if (next !== undefined && next.indent === col && this.isDashItem(next)) return this.sequence(col, depth + 1);
        this.nodes++;
        return { kind: 'scalar', text: '', plain: true, line: key.line, column: key.column };
      };
      pairs.push({ key, value: this.anchored(anchor, value) });
    }
    return { kind: 'map', pairs, ...first };
  }

  /** Where the value after `key:` or `-` starts (spaces skipped), and the anchor written before it. */
  private valueStart(from: number, end: number): { at: number; anchor: { name: string } | undefined } {
    let i = from;
    while (i < end && this.text.charCodeAt(i) === SPACE) i++;
    const anchor = this.anchorAt(i, end);
    if (anchor === undefined) return { at: i, anchor };
    i = anchor.end;
    while (i < end && this.text.charCodeAt(i) === SPACE) i++;
    if (this.text.charCodeAt(i) === 0x2a /* * */) throw DECLINE; // an anchored alias is an error
    return { at: i, anchor };
  }

  /**
   * The anchor `&name` at `at`, if one starts there: its name and the offset after it. Declines names of other
   * characters and an anchor not followed by a space or the end of the line.
   */
  private anchorAt(at: number, end: number): { name: string; end: number } | undefined {
    if (this.text.charCodeAt(at) !== 0x26 /* & */) return undefined;
    const stop = this.nameEnd(at + 1, end);
    if (stop < end && this.text.charCodeAt(stop) !== SPACE) throw DECLINE;
    return { name: this.text.slice(at + 1, stop), end: stop };
  }

  /** End of the anchor or alias name starting at `from` (declines an empty one). */
  private nameEnd(from: number, end: number): number {
    let i = from;
    while (i < end && isAnchorChar(this.text.charCodeAt(i))) i++;
    if (i === from) throw DECLINE;
    return i;
  }

  /** Reads a node under an optional anchor and records it (an alias inside its own anchor's value declines). */
  private anchored<T extends YamlNode | { readonly node: YamlNode }>(anchor: { name: string } | undefined, read: () => T): T {
    if (anchor === undefined) return read();
    this.building.add(anchor.name);
    const result = read();
    this.building.delete(anchor.name);
    this.anchors.set(anchor.name, 'node' in result ? result.node : result);
    return result;
  }

  /** The node an alias `*name` at `at` names, with the offset after the name. */
  private alias(at: number, end: number): { node: YamlNode; end: number } {
    const stop = this.nameEnd(at + 1, end);
    const name = this.text.slice(at + 1, stop);
    const node = this.anchors.get(name);
    // An unknown name or an alias inside its own anchor's value: the complete reader words the error.
    if (node === undefined || this.building.has(name)) throw DECLINE;
    this.hasAliases = true;
    return { node, end: stop };
  }

  private isDashItem(line: Line): boolean {
    const at = line.start + line.indent;
    return this.text.charCodeAt(at) === DASH && this.isBlank(at + 1, line.end);
  }

  /**
   * Offset of the `:` that ends an implicit key starting at `at`, or -1 when the line is not `key: ...`.
   * Declines on keys this reader does not handle.
   */
  private keyEnd(at: number, end: number): number {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
      const close = quotedEnd(this.text, at, end);
      if (close === -1) return -1;
      let i = close;
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      if (i < end && text.charCodeAt(i) === COLON && this.isBlank(i + 1, end)) return i;
      return -1;
    }
    if (!startsPlain(text, at, false)) return -1;
    for (let i = at; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (ch === COLON && this.isBlank(i + 1, end)) {
        if (i - at > MAX_KEY_LENGTH) throw DECLINE;
        return i;
      }
      if (ch === HASH && text.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  private keyNode(at: number, colon: number): ScalarNode {
    this.nodes++;
    const position = this.pos(at);
    const c = this.text.charCodeAt(at);
    if (c === 0x22 || c === 0x27) {
      const close = quotedEnd(this.text, at, colon);
      return { kind: 'scalar', text: unquote(this.text, at, close), plain: false, ...position };
    }
    let end = colon;
    while (end > at && this.text.charCodeAt(end - 1) === SPACE) end--;
    return { kind: 'scalar', text: this.text.slice(at, end), plain: true, ...position };
  }

  /** The value after `key: ` or `- `, then the next line: a block scalar, or a scalar/flow collection ending the line. */
  private lineValue(at: number, end: number, parentIndent: number, depth: number): YamlNode {
    const c = this.text.charCodeAt(at);
    if (c === 0x7c /* | */ || c === 0x3e /* > */) return this.blockScalar(at, end, parentIndent);
    if (c === 0x2a /* * */) {
      const target = this.alias(at, end);
      this.restIsComment(target.end, end);
      this.li++;
      this.noContinuation(parentIndent);
      return target.node;
    }
    const node = this.inlineValue(at, end, depth);
    this.li++;
    const next = this.lines[this.li];
    if (next === undefined || next.indent <= parentIndent) return node;
    // A deeper line continues a plain scalar; after anything else it is an error for the complete reader to word.
    if (node.kind !== 'scalar' || !node.plain || !this.restIsEmpty(at + node.text.length, end)) {
      throw DECLINE;
    }
    return this.plainContinuation(node, end, parentIndent);
  }

  private restIsEmpty(from: number, end: number): boolean {
    for (let i = from; i < end; i++) if (this.text.charCodeAt(i) !== SPACE) return false;
    return true;
  }

  /**
   * The lines that continue a multi-line plain scalar (YAML folding: one line break becomes a space, n blank
   * lines become n line breaks). Declines lines that could be keys, comments or indicators.
   */
  private plainContinuation(first: ScalarNode, end: number, parentIndent: number): ScalarNode {
    const text = this.text;
    const parts = [first.text];
    let blanks = 0;
    let start = text.indexOf('\n', end) + 1;
    let resume = text.length;
    while (start > 0 && start < text.length) {
      let next = text.indexOf('\n', start);
      if (next === -1) next = text.length;
      let stop = next > start && text.charCodeAt(next - 1) === 0x0d ? next - 1 : next;
      let k = start;
      while (k < stop && text.charCodeAt(k) === SPACE) k++;
      if (k === stop) blanks++;
      else if (k - start <= parentIndent) {
        resume = start;
        break;
      } else {
        while (stop > k && text.charCodeAt(stop - 1) === SPACE) stop--;
        const c = text.charCodeAt(k);
        if (c < 128 && INDICATOR[c] === 1) throw DECLINE;
        for (let i = k; i < stop; i++) {
          const ch = text.charCodeAt(i);
          if ((ch === COLON && this.isBlank(i + 1, stop)) || (ch === HASH && text.charCodeAt(i - 1) === SPACE)) throw DECLINE;
        }
        parts.push(blanks > 0 ? '\n'.repeat(blanks) : ' ', text.slice(k, stop));
        blanks = 0;
      }
      start = next + 1;
    }
    while (this.li < this.lines.length && (this.lines[this.li] as Line).start < resume) this.li++;
    return { kind: 'scalar', text: parts.join(''), plain: true, line: first.line, column: first.column };
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar with clip or strip (`-`) chomping. Declines the rarer forms:
   * keep chomping, indentation indicators, leading or over-indented blank lines, more-indented folded lines,
   * a last line without a line break.
   */
  private blockScalar(at: number, end: number, parentIndent: number): YamlNode {
    const text = this.text;
    const folded = text.charCodeAt(at) === 0x3e;
    let i = at + 1;
    const strip = text.charCodeAt(i) === DASH;
    if (strip) i++;
    else if (i < end && text.charCodeAt(i) !== SPACE) throw DECLINE; // `+`, an indentation digit, or junk
    this.restIsComment(i, end);
    const line = this.lineNumber();
    const column = this.column(at);
    const parts: string[] = [];
    let contentIndent = -1;
    let blanks = 0;
    let lastHadBreak = false;
    let start = text.indexOf('\n', end);
    if (start === -1) throw DECLINE;
    start++;
    while (start < text.length) {
      let next = text.indexOf('\n', start);
      if (next === -1) next = text.length;
      const stop = next > start && text.charCodeAt(next - 1) === 0x0d ? next - 1 : next;
      let k = start;
      while (k < stop && text.charCodeAt(k) === SPACE) k++;
      const indent = k - start;
      if (k === stop) {
        if (contentIndent === -1 || indent > contentIndent) throw DECLINE;
        blanks++;
      } else {
        if (contentIndent === -1) {
          if (indent <= parentIndent) throw DECLINE; // an empty block scalar
          contentIndent = indent;
        } else if (indent < contentIndent) break;
        if (folded && indent > contentIndent) throw DECLINE;
        if (parts.length > 0) parts.push(folded ? (blanks > 0 ? '\n'.repeat(blanks) : ' ') : '\n'.repeat(blanks + 1));
        parts.push(text.slice(start + contentIndent, stop));
        blanks = 0;
        lastHadBreak = next < text.length;
      }
      start = next + 1;
    }
    if (contentIndent === -1 || !lastHadBreak) throw DECLINE;
    // Resume at the first significant line after the scalar.
    this.li++;
    while (this.li < this.lines.length && (this.lines[this.li] as Line).start < start) this.li++;
    this.noContinuation(parentIndent);
    this.nodes++;
    return { kind: 'scalar', text: parts.join('') + (strip ? '' : '\n'), plain: false, line, column };
  }

  /** A scalar or flow collection from `at` to the end of the line (a trailing comment is allowed). */
  private inlineValue(at: number, end: number, depth: number): YamlNode {
    const text = this.text;
    const c = text.charCodeAt(at);
    let node: YamlNode;
    let after: number;
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      const flow = this.flowNode(at, end, depth);
      node = flow.node;
      after = flow.end;
    } else if (c === 0x22 || c === 0x27) {
      const close = quotedEnd(this.text, at, end);
      if (close === -1) throw DECLINE;
      this.nodes++;
      node = { kind: 'scalar', text: unquote(this.text, at, close), plain: false, line: this.lineNumber(), column: this.column(at) };
      after = close;
    } else {
      if (!startsPlain(text, at, false)) throw DECLINE;
      let stop = end;
      for (let i = at; i < end; i++) {
        const ch = text.charCodeAt(i);
        if (ch === HASH && text.charCodeAt(i - 1) === SPACE) {
          stop = i;
          break;
        }
        // `a: b: c` is an error in YAML; let the complete reader say so.
        if (ch === COLON && this.isBlank(i + 1, end)) throw DECLINE;
      }
      let last = stop;
      while (last > at && text.charCodeAt(last - 1) === SPACE) last--;
      this.nodes++;
      return { kind: 'scalar', text: text.slice(at, last), plain: true, line: this.lineNumber(), column: this.column(at) };
    }
    this.restIsComment(after, end);
    return node;
  }

  private restIsComment(from: number, end: number): void {
    let i = from;
    while (i < end && this.text.charCodeAt(i) === SPACE) i++;
    if (i < end && !(this.text.charCodeAt(i) === HASH && i > from)) throw DECLINE;
  }

  private flowNode(at: number, end: number, depth: number): { node: YamlNode; end: number } {
    if (depth > MAX_FAST_DEPTH) throw DECLINE;
    const text = this.text;
    const open = text.charCodeAt(at);
    const position = this.pos(at);
    this.nodes++;
    let i = this.skipSpaces(at + 1, end);
    if (open === 0x5b) {
      const items: YamlNode[] = [];
      if (text.charCodeAt(i) === 0x5d /* ] */) return { node: { kind: 'seq', items, ...position }, end: i + 1 };
      for (;;) {
        const item = this.flowValue(i, end, depth + 1, true);
        items.push(item.node);
        i = this.skipSpaces(item.end, end);
        const sep = text.charCodeAt(i);
        if (sep === 0x5d) return { node: { kind: 'seq', items, ...position }, end: i + 1 };
        if (sep !== 0x2c /* , */) throw DECLINE;
        i = this.skipSpaces(i + 1, end);
        if (text.charCodeAt(i) === 0x5d) throw DECLINE; // trailing comma
      }
    }
    const pairs: MapPair[] = [];
    if (text.charCodeAt(i) === 0x7d /* } */) return { node: { kind: 'map', pairs, ...position }, end: i + 1 };
    for (;;) {
      const key = this.flowKey(i, end);
      i = this.skipSpaces(key.end, end);
      if (text.charCodeAt(i) !== COLON) throw DECLINE;
      i = this.skipSpaces(i + 1, end);
      const value = this.flowValue(i, end, depth + 1, false);
      pairs.push({ key: key.node, value: value.node });
      i = this.skipSpaces(value.end, end);
      const sep = text.charCodeAt(i);
      if (sep === 0x7d) return { node: { kind: 'map', pairs, ...position }, end: i + 1 };
      if (sep !== 0x2c) throw DECLINE;
      i = this.skipSpaces(i + 1, end);
      if (text.charCodeAt(i) === 0x7d) throw DECLINE;
    }
  }

  private skipSpaces(i: number, end: number): number {
    while (i < end && this.text.charCodeAt(i) === SPACE) i++;
    if (i >= end) throw DECLINE; // a flow collection continues on the next line
    return i;
  }

  private flowKey(at: number, end: number): { node: ScalarNode; end: number } {
    const text = this.text;
    const c = text.charCodeAt(at);
    this.nodes++;
    if (c === 0x22 || c === 0x27) {
      const close = quotedEnd(this.text, at, end);
      if (close === -1) throw DECLINE;
      return { node: { kind: 'scalar', text: unquote(this.text, at, close), plain: false, line: this.lineNumber(), column: this.column(at) }, end: close };
    }
    if (!startsPlain(text, at, true)) throw DECLINE;
    let i = at;
    for (; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (ch === COLON) {
        const next = text.charCodeAt(i + 1);
        if (next === SPACE || i + 1 >= end || isFlowStop(next)) break;
      } else if (isFlowStop(ch) || ch === HASH) throw DECLINE;
    }
    if (i >= end || i - at > MAX_KEY_LENGTH) throw DECLINE;
    let last = i;
    while (last > at && text.charCodeAt(last - 1) === SPACE) last--;
    return { node: { kind: 'scalar', text: text.slice(at, last), plain: true, line: this.lineNumber(), column: this.column(at) }, end: i };
  }

  private flowValue(at: number, end: number, depth: number, inSequence: boolean): { node: YamlNode; end: number } {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === 0x2a /* * */) {
      const target = this.alias(at, end);
      const after = this.skipSpaces(target.end, end);
      if (!isFlowStop(text.charCodeAt(after))) throw DECLINE; // `*a : b`, `*a x`
      return target;
    }
    const anchor = this.anchorAt(at, end);
    if (anchor !== undefined) {
      const start = this.skipSpaces(anchor.end, end);
      const next = text.charCodeAt(start);
      if (next === 0x2a || next === 0x26 || isFlowStop(next)) throw DECLINE; // an anchored alias, two anchors, an empty node
      return this.anchored(anchor, () => this.flowValue(start, end, depth, inSequence));
    }
    if (c === 0x5b || c === 0x7b) return this.flowNode(at, end, depth);
    this.nodes++;
    if (c === 0x22 || c === 0x27) {
      const close = quotedEnd(this.text, at, end);
      if (close === -1) throw DECLINE;
      const after = this.skipSpaces(close, end);
      if (inSequence && text.charCodeAt(after) === COLON) throw DECLINE; // `["a": b]`
      return { node: { kind: 'scalar', text: unquote(this.text, at, close), plain: false, line: this.lineNumber(), column: this.column(at) }, end: close };
    }
    if (!startsPlain(text, at, true)) throw DECLINE;
    let i = at;
    for (; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (isFlowStop(ch)) break;
      if (ch === HASH) throw DECLINE;
      if (ch === COLON) {
        const next = text.charCodeAt(i + 1);
        if (next === SPACE || i + 1 >= end || isFlowStop(next)) throw DECLINE; // implicit pair or odd colon
      }
    }
    let last = i;
    while (last > at && text.charCodeAt(last - 1) === SPACE) last--;
    return { node: { kind: 'scalar', text: text.slice(at, last), plain: true, line: this.lineNumber(), column: this.column(at) }, end: i };
  }

}

/**
 * The tree of `text`'s first document, `'empty'` when it has none, or undefined to ask the complete reader
 * (then `declined.line` is the line the fast reader stopped at).
 */
export function readYamlFast(text: string, declined?: { line?: number }): YamlTree | 'empty' | undefined {
  const reader = new FastReader(text);
  const tree = reader.read();
  if (declined !== undefined) declined.line = reader.declinedAt;
  return tree;
}
