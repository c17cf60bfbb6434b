// Reading a contract that may have failed validation: after a structural error its fields can hold any
// YAML value, so the views read them through these guards and show what is there instead of failing.

export type Fields = Record<string, unknown>;

export function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The objects of a list (other items skipped); [] when it is not a list. */
export function asArray(value: unknown): Fields[] {
  return Array.isArray(value) ? value.filter(isFields) : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function asFields(value: unknown): Fields | undefined {
  return isFields(value) ? value : undefined;
}
