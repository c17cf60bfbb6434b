import type { Change } from '../change.js';
import { makeChange } from '../change-list.js';
import { isPlainObject } from '../deep-equal.js';
import { walkKeyed } from '../keyed.js';
import type { RefResolver } from './ref-resolver.js';
import { ResolvedEquality } from './resolved-equal.js';

const OPERATION_KEYS = ['get', 'post', 'put', 'delete', 'patch', 'options', 'head', 'trace'] as const;

type Mapping = Record<string, unknown>;

const asMapping = (value: unknown): Mapping => (isPlainObject(value) ? value : {});

/**
 * OpenAPI content diff (diff.md §4.2) of two parsed documents. Only `paths` is compared; local `$ref`s are
 * resolved (path items, parameters, request bodies, responses and everything below them) so an edit made in
 * `components` shows up at the operations that use it. Anything that is not a mapping yields nothing.
 */
export function diffOpenApi(oldDocument: unknown, newDocument: unknown): Change[] {
  if (!isPlainObject(oldDocument) || !isPlainObject(newDocument)) return [];
  const equality = new ResolvedEquality(oldDocument, newDocument);
  const oldRes = equality.oldResolver;
  const newRes = equality.newResolver;
  const out: Change[] = [];
  const oldPaths = new Map(Object.entries(asMapping(oldRes.resolve(oldDocument.paths))));
  const newPaths = new Map(Object.entries(asMapping(newRes.resolve(newDocument.paths))));
  walkKeyed(oldPaths, newPaths, {
    removed: (path) => out.push(makeChange(`openapi.paths[${path}]`, 'removed', { oldValue: path, reason: `API path ${path} removed` })),
    added: (path) => out.push(makeChange(`openapi.paths[${path}]`, 'added', { newValue: path, reason: `API path ${path} added` })),
    both: (path, oldItem, newItem) =>
      diffPathItem(path, asMapping(oldRes.resolve(oldItem)), asMapping(newRes.resolve(newItem)), equality, out),
  });
  return out;
}

function operations(item: Mapping): Map<string, unknown> {
  const ops = new Map<string, unknown>();
  for (const key of OPERATION_KEYS) if (Object.hasOwn(item, key)) ops.set(key.toUpperCase(), item[key]);
  return ops;
}

function diffPathItem(path: string, oldItem: Mapping, newItem: Mapping, equality: ResolvedEquality, out: Change[]): void {
  walkKeyed(operations(oldItem), operations(newItem), {
    removed: (method) =>
      out.push(makeChange(`openapi.paths[${path}].methods[${method}]`, 'removed', { oldValue: `${method} ${path}`, reason: `${method} ${path} method removed` })),
    added: (method) =>
      out.push(makeChange(`openapi.paths[${path}].methods[${method}]`, 'added', { newValue: `${method} ${path}`, reason: `${method} ${path} method added` })),
    both: (method, oldOp, newOp) =>
      diffOperation(
        `openapi.paths[${path}].methods[${method}]`,
        `${method} ${path}`,
        asMapping(equality.oldResolver.resolve(oldOp)),
        asMapping(equality.newResolver.resolve(newOp)),
        equality,
        out,
      ),
  });
}

function parameterIndex(list: unknown, resolver: RefResolver): Map<string, unknown> {
  const index = new Map<string, unknown>(); // a repeated key keeps its last occurrence
  for (const raw of Array.isArray(list) ? list : []) {
    const param = resolver.resolve(raw);
    if (!isPlainObject(param)) continue;
    const name = typeof param.name === 'string' ? param.name : '';
    const location = typeof param.in === 'string' ? param.in : '';
    const key = `${name}:${location}`;
    if (key === ':') continue;
    index.set(key, raw);
  }
  return index;
}

function diffOperation(base: string, label: string, oldOp: Mapping, newOp: Mapping, equality: ResolvedEquality, out: Change[]): void {
  const oldParams = parameterIndex(equality.oldResolver.resolve(oldOp.parameters), equality.oldResolver);
  const newParams = parameterIndex(equality.newResolver.resolve(newOp.parameters), equality.newResolver);
  const paramLabel = (key: string) => {
    const split = key.lastIndexOf(':');
    return `${label} ${key.slice(split + 1)} param '${key.slice(0, split)}'`;
  };
  walkKeyed(oldParams, newParams, {
    removed: (key) =>
      out.push(makeChange(`${base}.parameters[${key}]`, 'removed', { oldValue: paramLabel(key), reason: `${paramLabel(key)} removed` })),
    added: (key) =>
      out.push(makeChange(`${base}.parameters[${key}]`, 'added', { newValue: paramLabel(key), reason: `${paramLabel(key)} added` })),
    both: (key, oldEntry, newEntry) => {
      if (equality.equal(oldEntry, newEntry)) return;
      out.push(makeChange(`${base}.parameters[${key}]`, 'modified', { oldValue: paramLabel(key), newValue: paramLabel(key), reason: `${paramLabel(key)} modified` }));
    },
  });

  const inOld = Object.hasOwn(oldOp, 'requestBody');
  const inNew = Object.hasOwn(newOp, 'requestBody');
  const bodyPath = `${base}.request-body`;
  if (inOld && !inNew) out.push(makeChange(bodyPath, 'removed', { oldValue: label, reason: `${label} request body removed` }));
  else if (!inOld && inNew) out.push(makeChange(bodyPath, 'added', { newValue: label, reason: `${label} request body added` }));
  else if (inOld && inNew && !equality.equal(oldOp.requestBody, newOp.requestBody)) {
    out.push(makeChange(bodyPath, 'modified', { oldValue: label, newValue: label, reason: `${label} request body modified` }));
  }

  const oldResponses = new Map(Object.entries(asMapping(equality.oldResolver.resolve(oldOp.responses))));
  const newResponses = new Map(Object.entries(asMapping(equality.newResolver.resolve(newOp.responses))));
  walkKeyed(oldResponses, newResponses, {
    removed: (code) =>
      out.push(makeChange(`${base}.responses[${code}]`, 'removed', { oldValue: `${label} ${code}`, reason: `${label} response ${code} removed` })),
    added: (code) =>
      out.push(makeChange(`${base}.responses[${code}]`, 'added', { newValue: `${label} ${code}`, reason: `${label} response ${code} added` })),
    both: (code, oldResponse, newResponse) => {
      if (equality.equal(oldResponse, newResponse)) return;
      out.push(makeChange(`${base}.responses[${code}]`, 'modified', { oldValue: `${label} ${code}`, newValue: `${label} ${code}`, reason: `${label} response ${code} modified` }));
    },
  });
}
