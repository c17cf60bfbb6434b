import type { ConfigurationSource, PolicySource } from '@pacto/schema';
import type { Change } from '../change.js';
import { emptyRuleType, makeChange } from '../change-list.js';
import { bundleHasFile } from '../bundle-files.js';
import { indexBy, walkKeyed } from '../keyed.js';
import { diffSchemaFiles } from '../json-schema/diff-json-schema.js';
import { walkJson } from '../json-schema/walk-json.js';
import type { DiffSide } from './diff-side.js';
import { lastIndexOfKey, str } from './diff-side.js';

type Source = ConfigurationSource | PolicySource;

const nameOf = (s: Source) => str(s.name);
const summary = (s: Source) => (s.ref ? `${str(s.name)}: ${s.ref}` : s.schema ? `${str(s.name)}: ${s.schema}` : str(s.name));

/** Configurations keyed by name: fields, schema-file content, then inline values (diff.md §3.6). */
export function diffConfigurations(oldSide: DiffSide, newSide: DiffSide): Change[] {
  return diffSources('configurations', oldSide, newSide, (name, o, n, at, out) => {
    // 2.0 only: every configuration says whether it is required (contract-2.0.md §8; the rule table's fallback).
    const oldRequired = (o as { required?: boolean }).required;
    const newRequired = (n as { required?: boolean }).required;
    if (oldRequired !== undefined && newRequired !== undefined && oldRequired !== newRequired) {
      out.push(makeChange('configurations.required', 'modified', { oldValue: `${name}: required=${oldRequired}`, newValue: `${name}: required=${newRequired}`, location: at('required') }));
    }
    const prefix = `configurations[${name}].values`;
    const walked: Change[] = [];
    walkJson(prefix, (o as ConfigurationSource).values ?? {}, (n as ConfigurationSource).values ?? {}, walked, {
      classify: () => 'NON_BREAKING',
    });
    const base = at('values').path;
    for (const change of walked) {
      const keys = change.path.slice(prefix.length).match(/[^.[\]]+/g) ?? [];
      out.push({ ...change, location: { side: 'new', path: [...base, ...keys] } });
    }
  });
}

/** Policies keyed by name, then the `policy/schema.json` auto-detect when neither side declares any (§3.7). */
export function diffPolicies(oldSide: DiffSide, newSide: DiffSide): Change[] {
  const out = diffSources('policies', oldSide, newSide);
  const declared = (side: DiffSide) => (side.contract.policies ?? []).length > 0;
  if (declared(oldSide) || declared(newSide)) return out;
  const file = 'policy/schema.json';
  const inOld = bundleHasFile(oldSide.files, file);
  const inNew = bundleHasFile(newSide.files, file);
  const location = { side: 'new' as const, path: [], file };
  if (inNew && !inOld) out.push(makeChange(file, 'added', { newValue: file, location }));
  else if (inOld && !inNew) out.push(makeChange(file, 'removed', { oldValue: file, location }));
  else if (inOld && inNew) out.push(...diffSchemaFiles(oldSide.files, file, newSide.files, file).map((c) => withLocation(c, location)));
  return out;
}

type Locate = (field?: string) => { side: 'new'; path: (string | number)[] };

function diffSources(
  collection: 'configurations' | 'policies',
  oldSide: DiffSide,
  newSide: DiffSide,
  extra?: (name: string, o: Source, n: Source, at: Locate, out: Change[]) => void,
): Change[] {
  const out: Change[] = [];
  const newList: readonly Source[] | undefined = newSide.contract[collection];
  const locator = (name: string): Locate => (field) => {
    const index = lastIndexOfKey(newList, nameOf, name);
    const path: (string | number)[] = index < 0 ? [collection] : field ? [collection, index, field] : [collection, index];
    return { side: 'new', path };
  };
  walkKeyed(indexBy<Source>(oldSide.contract[collection], nameOf), indexBy<Source>(newList, nameOf), {
    removed: (name, o) => out.push(makeChange(collection, 'removed', { oldValue: summary(o), location: locator(name)() })),
    added: (name, n) => out.push(makeChange(collection, 'added', { newValue: summary(n), location: locator(name)() })),
    both: (name, o, n) => {
      const at = locator(name);
      const oldSchema = str(o.schema);
      const newSchema = str(n.schema);
      if (oldSchema !== newSchema) {
        out.push(makeChange(`${collection}.schema`, 'modified', { oldValue: `${name}: ${oldSchema}`, newValue: `${name}: ${newSchema}`, location: at('schema') }));
      }
      const oldRef = str(o.ref);
      const newRef = str(n.ref);
      if (oldRef !== newRef) {
        out.push(makeChange(`${collection}.ref`, emptyRuleType(oldRef, newRef), { oldValue: `${name}: ${oldRef}`, newValue: `${name}: ${newRef}`, location: at('ref') }));
      }
      if (oldSchema !== '' && newSchema !== '') {
        const schemaLocation = at('schema');
        out.push(...diffSchemaFiles(oldSide.files, oldSchema, newSide.files, newSchema).map((c) => withLocation(c, schemaLocation)));
      }
      extra?.(name, o, n, at, out);
    },
  });
  return out;
}

// Keeps the change object (and its JSON-number marking) while attaching where it points.
function withLocation(change: Change, location: NonNullable<Change['location']>): Change {
  (change as { location?: Change['location'] }).location = location;
  return change;
}
