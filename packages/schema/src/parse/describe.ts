import type { FieldShape } from './contract-shapes.js';
import { isGoTimestamp, resolveScalar } from './scalar.js';
import type { YamlNode } from './tree.js';

// The words of decoding messages: where a node is (`interfaces[0].port`), what was found there
// (`the string "eighty"`) and what the model expects (`an integer port (1–65535)`).

export type PathSegment = string | number;

/** `['interfaces', 0, 'port']` → `interfaces[0].port`; the root is `""`. */
export function pathText(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/** ` in interfaces[0]`, or `` at the root. */
export function inside(path: readonly PathSegment[]): string {
  return path.length === 0 ? '' : ` in ${pathText(path)}`;
}

const MAX_SHOWN = 40;

/** A value as the message quotes it: JSON string syntax, cut after 40 characters. */
export function quoteValue(text: string): string {
  return JSON.stringify(text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text);
}

/** What a node is, for `got …`: `the string "eighty"`, `the number 1.5`, `true`, `a list`, `a mapping`. */
export function describeFound(node: YamlNode): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  if (node.tag !== undefined && !node.tag.startsWith('tag:yaml.org,2002:')) return `a value tagged ${node.tag}`;
  const resolved = resolveScalar(node);
  switch (resolved.tag) {
    case 'null':
      return 'an empty value';
    case 'bool':
      return String(resolved.value);
    case 'int':
    case 'float':
      return `the number ${node.text}`;
    default:
      return node.plain && node.tag === undefined && isGoTimestamp(node.text) ? `the date ${node.text}` : `the string ${quoteValue(node.text)}`;
  }
}

function integerRange(shape: { readonly minimum?: number; readonly maximum?: number }): string {
  const { minimum, maximum } = shape;
  if (minimum !== undefined && maximum !== undefined) return ` (${minimum}–${maximum})`;
  if (minimum !== undefined) return ` (${minimum} or more)`;
  if (maximum !== undefined) return ` (${maximum} or less)`;
  return '';
}

/** What a field of this shape must hold, naming the field: `an integer port (1–65535)`, `runtime to be a mapping`. */
export function describeExpected(shape: FieldShape, key: string): string {
  switch (shape.kind) {
    case 'int':
      return `an integer ${key}${integerRange(shape)}`;
    case 'float':
      return `${key} to be a number`;
    case 'stringList':
      return `${key} to be a list of strings`;
    case 'bool':
      return `${key} to be true or false`;
    case 'string':
      return `${key} to be a string`;
    case 'owner':
      return `${key} to be a string or a mapping`;
    case 'list':
      return `${key} to be a list`;
    case 'struct':
    case 'freeMap':
      return `${key} to be a mapping`;
  }
}
