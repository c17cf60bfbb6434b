// The YAML node tree both YAML readers (fast and full) produce. It keeps what
// yaml.v3 keeps and the decoder needs: raw scalar text with its style (so
// numbers can be read "as written"), raw mapping pairs (duplicates and `<<`
// merge keys are resolved later, as yaml.v3 does during decoding) and 1-based
// source positions. Aliases are the very node object their anchor names, so
// an alias bomb stays small here and is measured before anything expands it.

export interface NodePosition {
  readonly line: number;
  readonly column: number;
}

export interface ScalarNode extends NodePosition {
  readonly kind: 'scalar';
  /** The scalar's value text (quotes removed, escapes and folding applied). */
  readonly text: string;
  /** Plain (unquoted, untagged-as-string) scalars are resolved as YAML 1.2 core values; others are strings. */
  readonly plain: boolean;
  /** Explicit tag as written after resolution of `!!` (e.g. `tag:yaml.org,2002:int`), if any. */
  readonly tag?: string | undefined;
  /** Memo of the resolved value (filled by resolveScalar; a WeakMap costs far more per node). */
  resolved?: { readonly tag: 'null' | 'bool' | 'int' | 'float' | 'str'; readonly value: null | boolean | number | string };
}

export interface MapPair {
  readonly key: YamlNode;
  readonly value: YamlNode;
}

export interface MapNode extends NodePosition {
  readonly kind: 'map';
  readonly pairs: readonly MapPair[];
}

export interface SeqNode extends NodePosition {
  readonly kind: 'seq';
  readonly items: readonly YamlNode[];
}

export type YamlNode = ScalarNode | MapNode | SeqNode;

/** Result of reading YAML text: the first document's root, or `null` root (e.g. `---` or `null`). */
export interface YamlTree {
  readonly root: YamlNode;
  /** True when the tree contains aliases (then nodes may be shared). */
  readonly hasAliases: boolean;
  /** Number of distinct nodes in the tree. */
  readonly nodeCount: number;
}

/** One decoding problem: a one-line message, where it is, and how to fix it when that is plain. */
export interface DecodeError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly hint?: string;
}

/** A YAML text that cannot be read: the reason in one line, where it is, and how to fix it when that is plain. */
export class YamlSyntaxError extends Error {
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly hint: string | undefined;
  constructor(reason: string, line?: number, column?: number, hint?: string) {
    super(reason);
    this.name = 'YamlSyntaxError';
    this.line = line;
    this.column = column;
    this.hint = hint;
  }
}
