import type { Capability, ContractV20, State } from '@pacto/schema';
import type { Change } from '../change.js';
import { emptyRuleType, makeChange } from '../change-list.js';
import { indexBy, walkKeyed } from '../keyed.js';
import { str } from './diff-side.js';

// The 2.0 sections that 1.x does not have (contract-2.0.md §8): top-level workload and state, and capabilities.

const at = (...path: (string | number)[]) => ({ side: 'new' as const, path });

const fmtState = (s: Partial<State>) =>
  `${str(s.type)} ${str(s.persistence?.scope)}/${str(s.persistence?.durability)} ${str(s.dataCriticality)}`.trim();

/** `workload`: changing it breaks platforms that schedule the service; declaring or dropping it does not. */
export function diffWorkload(o: ContractV20, n: ContractV20): Change[] {
  const oldValue = str(o.workload);
  const newValue = str(n.workload);
  if (oldValue === newValue) return [];
  return [makeChange('workload', emptyRuleType(oldValue, newValue), { oldValue, newValue, location: at('workload') })];
}

/** `state` as a block (appearing, vanishing), else field by field. */
export function diffState(o: ContractV20, n: ContractV20): Change[] {
  const a = o.state;
  const b = n.state;
  if (!a && !b) return [];
  if (!a) return [makeChange('state', 'added', { newValue: fmtState(b!), location: at('state') })];
  if (!b) return [makeChange('state', 'removed', { oldValue: fmtState(a), location: at('state') })];
  const out: Change[] = [];
  const modified = (path: string, x: unknown, y: unknown) => {
    if (str(x) !== str(y)) out.push(makeChange(path, 'modified', { oldValue: str(x), newValue: str(y), location: at(...path.split('.')) }));
  };
  modified('state.type', a.type, b.type);
  modified('state.persistence.scope', a.persistence?.scope, b.persistence?.scope);
  modified('state.persistence.durability', a.persistence?.durability, b.persistence?.durability);
  const oldCriticality = str(a.dataCriticality);
  const newCriticality = str(b.dataCriticality);
  if (oldCriticality !== newCriticality) {
    out.push(
      makeChange('state.dataCriticality', emptyRuleType(oldCriticality, newCriticality), {
        oldValue: oldCriticality,
        newValue: newCriticality,
        location: at('state', 'dataCriticality'),
      }),
    );
  }
  return out;
}

/** The key a capability is compared by: its type, or `extension:<ref>`. */
export const capabilityKey = (c: Partial<Capability>) => (c.type === 'extension' ? `extension:${str(c.ref)}` : str(c.type));

const fmtCapability = (c: Partial<Capability>) => {
  if (c.type === 'extension') return `extension ${str(c.ref)}`;
  const binding = c.binding;
  return binding ? `${str(c.type)} ${str(binding.type)} ${str(binding.interface)}${binding.path ? ` ${binding.path}` : ''}`.trim() : str(c.type);
};

/** Capabilities as a set: a new one is a new signal, a lost one a lost guarantee, a changed binding a modification. */
export function diffCapabilities(o: ContractV20, n: ContractV20): Change[] {
  const out: Change[] = [];
  const newList = n.capabilities ?? [];
  const where = (key: string) => {
    const index = newList.map(capabilityKey).lastIndexOf(key);
    return index < 0 ? at('capabilities') : at('capabilities', index);
  };
  walkKeyed(indexBy(o.capabilities, capabilityKey), indexBy(newList, capabilityKey), {
    removed: (key, c) => out.push(makeChange(`capabilities[${key}]`, 'removed', { oldValue: fmtCapability(c), location: where(key) })),
    both: (key, a, b) => {
      if (fmtCapability(a) !== fmtCapability(b)) {
        out.push(makeChange(`capabilities[${key}]`, 'modified', { oldValue: fmtCapability(a), newValue: fmtCapability(b), location: where(key) }));
      }
    },
    added: (key, c) => out.push(makeChange(`capabilities[${key}]`, 'added', { newValue: fmtCapability(c), location: where(key) })),
  });
  return out;
}
