import type { Change } from '../change.js';
import { makeChange } from '../change-list.js';
import { classifySchemaChange } from '../classify-change.js';
import { sortedKeys } from '../code-point-order.js';
import { deepEqual, isPlainObject } from '../deep-equal.js';

export interface WalkOptions {
  /** Classification of a change given its classifying path (diff.md §5.2). */
  readonly classify: (classifyingPath: string) => Change['classification'];
}

const defaultOptions: WalkOptions = { classify: classifySchemaChange };

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** The recursive JSON walk of diff.md §5.1, appending to `out`. */
export function walkJson(
  prefix: string,
  oldValue: unknown,
  newValue: unknown,
  out: Change[],
  options: WalkOptions = defaultOptions,
): void {
  if (deepEqual(oldValue, newValue)) return;
  const { classify } = options;
  if (isPlainObject(oldValue) && isPlainObject(newValue)) {
    const keys = new Set([...Object.keys(oldValue), ...Object.keys(newValue)]);
    for (const key of sortedKeys(keys)) {
      const path = `${prefix}.${key}`;
      const inOld = Object.hasOwn(oldValue, key);
      const inNew = Object.hasOwn(newValue, key);
      if (inOld && inNew) walkJson(path, oldValue[key], newValue[key], out, options);
      else if (inNew) out.push(makeChange(path, 'added', { newValue: newValue[key], reason: `${path} added`, classification: classify(path) }));
      else out.push(makeChange(path, 'removed', { oldValue: oldValue[key], reason: `${path} removed`, classification: classify(path) }));
    }
    return;
  }
  if (isStringArray(oldValue) && isStringArray(newValue)) {
    const oldSet = new Set(oldValue);
    const newSet = new Set(newValue);
    const classification = classify(prefix);
    for (const item of newValue) {
      if (!oldSet.has(item)) out.push(makeChange(`${prefix}[${item}]`, 'added', { newValue: item, reason: `${prefix} ${item} added`, classification }));
    }
    for (const item of oldValue) {
      if (!newSet.has(item)) out.push(makeChange(`${prefix}[${item}]`, 'removed', { oldValue: item, reason: `${prefix} ${item} removed`, classification }));
    }
    return;
  }
  if (Array.isArray(oldValue) && Array.isArray(newValue)) {
    const length = Math.max(oldValue.length, newValue.length);
    for (let i = 0; i < length; i++) {
      const path = `${prefix}[${i}]`;
      if (i >= oldValue.length) out.push(makeChange(path, 'added', { newValue: newValue[i], reason: `${path} added`, classification: classify(prefix) }));
      else if (i >= newValue.length) out.push(makeChange(path, 'removed', { oldValue: oldValue[i], reason: `${path} removed`, classification: classify(prefix) }));
      else walkJson(path, oldValue[i], newValue[i], out, options);
    }
    return;
  }
  out.push(makeChange(prefix, 'modified', { oldValue, newValue, reason: `${prefix} changed`, classification: classify(prefix) }));
}
