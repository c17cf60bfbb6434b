import type { Dependency } from '@pacto/schema';
import type { Change } from '../change.js';
import { makeChange } from '../change-list.js';
import { indexBy, walkKeyed } from '../keyed.js';
import type { DiffSide } from './diff-side.js';
import { lastIndexOfKey, str } from './diff-side.js';
import { dependencyName } from './dependency-name.js';

/** Dependencies keyed by name (diff.md §3.5). */
export function diffDependencies(oldSide: DiffSide, newSide: DiffSide): Change[] {
  const out: Change[] = [];
  const newList = newSide.contract.dependencies;
  const at = (name: string, field?: string) => {
    const index = lastIndexOfKey(newList, dependencyName, name);
    const path: (string | number)[] = index < 0 ? ['dependencies'] : field ? ['dependencies', index, field] : ['dependencies', index];
    return { side: 'new' as const, path };
  };
  walkKeyed(indexBy(oldSide.contract.dependencies, dependencyName), indexBy(newList, dependencyName), {
    removed: (name) => out.push(makeChange('dependencies', 'removed', { oldValue: name, location: at(name) })),
    added: (name) => out.push(makeChange('dependencies', 'added', { newValue: name, location: at(name) })),
    both: (name, o: Dependency, n: Dependency) => {
      if (str(o.ref) !== str(n.ref)) {
        out.push(makeChange('dependencies.ref', 'modified', { oldValue: `${name}: ${str(o.ref)}`, newValue: `${name}: ${str(n.ref)}`, location: at(name, 'ref') }));
      }
      if (str(o.compatibility) !== str(n.compatibility)) {
        out.push(makeChange('dependencies.compatibility', 'modified', { oldValue: `${name}: ${str(o.compatibility)}`, newValue: `${name}: ${str(n.compatibility)}`, location: at(name, 'compatibility') }));
      }
      const oldRequired = o.required === true;
      const newRequired = n.required === true;
      if (oldRequired !== newRequired) {
        out.push(makeChange('dependencies.required', 'modified', { oldValue: `${name}: required=${oldRequired}`, newValue: `${name}: required=${newRequired}`, location: at(name, 'required') }));
      }
    },
  });
  return out;
}
