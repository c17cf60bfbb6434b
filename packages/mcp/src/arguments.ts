import { ToolInputError } from './tool-error.js';

/**
 * How a tool input is declared and read. MCP clients send scalars as JSON values; lists and objects
 * are declared as JSON **strings** (cli.md §4.15, as the Go tool does), and an actual array or object
 * is accepted too, because many clients send structured values whatever the schema says.
 */
export type FieldKind = 'string' | 'boolean' | 'integer' | 'json-array' | 'json-object';

export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  readonly description: string;
  readonly required?: boolean;
}

/** The JSON Schema of a tool's input (what `tools/list` publishes). */
export function inputSchema(fields: readonly FieldSpec[]): { type: 'object'; properties: Record<string, object>; required?: string[] } {
  const properties: Record<string, object> = {};
  for (const field of fields) {
    properties[field.name] = { type: field.kind.startsWith('json-') ? 'string' : field.kind, description: field.description };
  }
  const required = fields.filter((field) => field.required).map((field) => field.name);
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

/** Typed access to the arguments of one call; every accessor returns undefined for an absent or null input. */
export class ToolArguments {
  readonly #values: Record<string, unknown>;

  constructor(values: Record<string, unknown> | undefined) {
    this.#values = values ?? {};
  }

  has(name: string): boolean {
    return this.#values[name] !== undefined && this.#values[name] !== null;
  }

  string(name: string): string | undefined {
    const value = this.#raw(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw new ToolInputError(`${name} must be a string, got ${describe(value)}`);
    return value;
  }

  /** A string input where the empty string means "not given" (the Go tool reads them that way). */
  text(name: string): string | undefined {
    const value = this.string(name);
    return value === '' ? undefined : value;
  }

  boolean(name: string): boolean | undefined {
    const value = this.#raw(name);
    if (value === undefined || typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    throw new ToolInputError(`${name} must be true or false, got ${describe(value)}`);
  }

  integer(name: string): number | undefined {
    const value = this.#raw(name);
    if (value === undefined) return undefined;
    const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
      throw new ToolInputError(`${name} must be an integer, got ${describe(value)}`);
    }
    return number;
  }

  /** A JSON array input; `invalid <name> JSON: <error>` when the text does not parse (cli.md §4.15). */
  array(name: string): unknown[] | undefined {
    const value = this.#json(name);
    if (value === undefined || Array.isArray(value)) return value;
    throw new ToolInputError(`invalid ${name} JSON: expected an array, got ${describe(value)}`);
  }

  object(name: string): Record<string, unknown> | undefined {
    const value = this.#json(name);
    if (value === undefined || isPlainObject(value)) return value;
    throw new ToolInputError(`invalid ${name} JSON: expected an object, got ${describe(value)}`);
  }

  /** A JSON array of strings (names, refs, keys). */
  strings(name: string): string[] | undefined {
    const items = this.array(name);
    if (items === undefined) return undefined;
    return items.map((item, index) => {
      if (typeof item !== 'string' || item === '') {
        throw new ToolInputError(`invalid ${name}: item ${index + 1} must be a non-empty string, got ${describe(item)}`);
      }
      return item;
    });
  }

  #raw(name: string): unknown {
    const value = this.#values[name];
    return value === null ? undefined : value;
  }

  #json(name: string): unknown {
    const value = this.#raw(name);
    if (typeof value !== 'string') return value;
    if (value.trim() === '') return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch (error) {
      throw new ToolInputError(`invalid ${name} JSON: ${(error as Error).message}`);
    }
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a value for messages: `the string "x"`, `2.5`, `an array`. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
