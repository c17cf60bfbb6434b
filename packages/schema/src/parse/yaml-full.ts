import { Composer, Parser, isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Node as YamlLibNode, Document } from 'yaml';
import { LineIndex } from './line-index.js';
import type { MapPair, NodePosition, ScalarNode, YamlNode, YamlTree } from './tree.js';
import { YamlSyntaxError } from './tree.js';
import { syntaxError } from './syntax-error.js';
import { withoutStack } from './without-stack.js';

// The complete reader: the `yaml` package composes the first document, and a
// small walker turns it into our node tree. Used whenever the fast reader
// declines (tags, anchors, block scalars, multi-line scalars, errors...).

import { MAX_DEPTH } from './limits.js';

const CORE_STR_TAG = 'tag:yaml.org,2002:str';

/** An implicit document with no content, as the `yaml` package makes for a bare `...`: libyaml sees none. */
function isPhantom(doc: Document.Parsed): boolean {
  const contents = doc.contents as YamlLibNode | null;
  if (doc.directives?.docStart || doc.errors.length > 0) return false;
  return contents === null || (isScalar(contents) && contents.source === '' && contents.range?.[0] === contents.range?.[1]);
}

function firstDocument(text: string): Document.Parsed | undefined {
  const composer = new Composer({ schema: 'failsafe', uniqueKeys: false, merge: false, strict: true, prettyErrors: false });
  for (const doc of composer.compose(new Parser().parse(text))) if (!isPhantom(doc)) return doc;
  return undefined;
}

export function readYamlFull(text: string): YamlTree | undefined {
  let doc: Document.Parsed | undefined;
  try {
    // The yaml package builds an Error per problem it finds; their stacks are never shown.
    doc = withoutStack(() => firstDocument(text));
  } catch (error) {
    if (error instanceof RangeError) throw new YamlSyntaxError('the document is nested too deeply');
    throw error;
  }
  if (doc === undefined) return undefined;
  const lines = new LineIndex(text);
  const firstError = doc.errors[0];
  if (firstError) throw withoutStack(() => syntaxError(firstError, text, lines));

  const anchors = new Map<string, YamlNode>();
  const building = new Set<string>();
  let hasAliases = false;
  let nodeCount = 0;

  const at = (offset: number): NodePosition => lines.position(offset);

  const walk = (node: YamlLibNode | null | undefined, fallback: NodePosition, depth: number): YamlNode => {
    if (depth > MAX_DEPTH) throw new YamlSyntaxError(`the document is nested more than ${MAX_DEPTH} levels deep`, fallback.line, fallback.column);
    if (node === null || node === undefined) {
      nodeCount++;
      return { kind: 'scalar', text: '', plain: true, line: fallback.line, column: fallback.column };
    }
    if (isAlias(node)) {
      hasAliases = true;
      const target = anchors.get(node.source);
      const pos = at(node.range?.[0] ?? 0);
      if (building.has(node.source)) throw new YamlSyntaxError(`the anchor &${node.source} is used inside its own value`, pos.line, pos.column);
      if (target === undefined) throw new YamlSyntaxError(`the alias *${node.source} names no anchor defined before it`, pos.line, pos.column, `define &${node.source} on an earlier value`);
      return target;
    }
    const anchor = node.anchor;
    if (anchor) building.add(anchor);
    const start = node.range?.[0];
    const pos = start === undefined ? fallback : at(start);
    let result: YamlNode;
    nodeCount++;
    if (isScalar(node)) {
      const tag = node.tag;
      const quoted = node.type !== 'PLAIN';
      // An explicit non-string core tag (`!!int "3"`) asks for resolution even when quoted.
      const plain = tag !== undefined && tag.startsWith('tag:yaml.org,2002:') ? tag !== CORE_STR_TAG : !quoted;
      const empty = !quoted && start !== undefined && node.range?.[1] === start;
      const where = empty ? fallback : pos;
      const scalar: ScalarNode = { kind: 'scalar', text: String(node.value), plain, tag, line: where.line, column: where.column };
      result = scalar;
    } else if (isMap(node)) {
      const pairs: MapPair[] = [];
      for (const item of node.items) {
        const key = walk(item.key as YamlLibNode | null, pos, depth + 1);
        pairs.push({ key, value: walk(item.value as YamlLibNode | null, key, depth + 1) });
      }
      result = { kind: 'map', pairs, line: pos.line, column: pos.column };
    } else if (isSeq(node)) {
      const items: YamlNode[] = [];
      for (const item of node.items) items.push(walk(item as YamlLibNode | null, pos, depth + 1));
      result = { kind: 'seq', items, line: pos.line, column: pos.column };
    } else {
      throw new YamlSyntaxError('unsupported YAML node');
    }
    if (anchor) {
      building.delete(anchor);
      anchors.set(anchor, result);
    }
    return result;
  };

  const root = walk(doc.contents as YamlLibNode | null, { line: 1, column: 1 }, 0);
  return { root, hasAliases, nodeCount };
}
