export interface SchemaProperty {
  /** Dotted path, `[]` marking array items: `server.port`, `queues[].name`. */
  readonly name: string;
  readonly types: readonly string[];
  readonly description?: string;
  readonly hasDefault: boolean;
  readonly default?: unknown;
  readonly required: boolean;
  /** The allowed values, when the schema lists them (`enum`, or `const` as a single value). */
  readonly values?: readonly unknown[];
}

type Node = Record<string, unknown>;

/**
 * Properties of a JSON Schema flattened into dotted names and sorted, with local `$ref`s
 * (`#/...` pointers) and `allOf` members resolved. A `$ref` cycle stops at the repeated schema.
 */
export function schemaProperties(schema: unknown): SchemaProperty[] {
  const out: SchemaProperty[] = [];
  if (isNode(schema)) collect(schema, schema, '', out, new Set());
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function collect(node: Node, root: Node, prefix: string, out: SchemaProperty[], onPath: Set<Node>): void {
  const object = flatten(node, root, onPath);
  const required = new Set(object.required);
  for (const [key, raw] of object.properties) {
    if (!isNode(raw)) continue;
    const property = resolve(raw, root);
    if (onPath.has(property)) continue;
    const name = `${prefix}${key}`;
    out.push(describe(name, property, root, required.has(key)));
    const inner = new Set(onPath).add(property);
    collect(property, root, `${name}.`, out, inner);
    const items = property['items'];
    if (isNode(items)) {
      const item = resolve(items, root);
      if (!inner.has(item)) collect(item, root, `${name}[].`, out, new Set(inner).add(item));
    }
  }
}

/** Properties and required names of a schema together with those of its `allOf` members. */
function flatten(node: Node, root: Node, onPath: Set<Node>): { properties: [string, unknown][]; required: string[] } {
  const resolved = resolve(node, root);
  const properties: [string, unknown][] = isNode(resolved['properties']) ? Object.entries(resolved['properties']) : [];
  const required = stringArray(resolved['required']);
  const allOf = resolved['allOf'];
  if (Array.isArray(allOf)) {
    for (const member of allOf) {
      if (!isNode(member)) continue;
      const target = resolve(member, root);
      if (onPath.has(target)) continue;
      const part = flatten(target, root, new Set(onPath).add(target));
      properties.push(...part.properties);
      required.push(...part.required);
    }
  }
  return { properties, required };
}

function describe(name: string, node: Node, root: Node, required: boolean): SchemaProperty {
  const description = typeof node['description'] === 'string' ? node['description'] : undefined;
  const hasDefault = 'default' in node;
  const values = Array.isArray(node['enum']) ? node['enum'] : 'const' in node ? [node['const']] : undefined;
  return {
    name,
    types: typesOf(node, root),
    ...(description === undefined ? {} : { description }),
    hasDefault,
    ...(hasDefault ? { default: node['default'] } : {}),
    required,
    ...(values === undefined ? {} : { values }),
  };
}

function typesOf(node: Node, root: Node): string[] {
  const type = node['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  if (isNode(node['properties'])) return ['object'];
  if (isNode(node['items'])) return ['array'];
  for (const key of ['oneOf', 'anyOf']) {
    const options = node[key];
    if (Array.isArray(options)) {
      const types = options.filter(isNode).flatMap((o) => typesOf(resolve(o, root), root));
      return [...new Set(types)];
    }
  }
  return [];
}

/** Follows local `$ref` pointers (several hops); an unresolvable ref leaves the node as written. */
function resolve(node: Node, root: Node): Node {
  let current = node;
  const seen = new Set<Node>();
  while (typeof current['$ref'] === 'string' && !seen.has(current)) {
    seen.add(current);
    const target = pointer(root, current['$ref']);
    if (!isNode(target)) return current;
    current = target;
  }
  return current;
}

function pointer(root: Node, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const path = ref.slice(1);
  if (path === '') return root;
  if (!path.startsWith('/')) return undefined;
  let value: unknown = root;
  for (const raw of path.slice(1).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isNode(value) && !Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
