import type { Contract, OwnerContact, OwnerInfo } from '@pacto/schema';
import type { Change } from '../change.js';
import { emptyRuleType, makeChange } from '../change-list.js';
import { indexBy, walkKeyed } from '../keyed.js';
import { str } from './diff-side.js';

const ownerOf = (contract: Contract): OwnerInfo => {
  const owner = contract.service?.owner;
  if (owner === undefined) return {};
  return typeof owner === 'string' ? { team: owner } : owner;
};

const contactKey = (c: OwnerContact) => `${str(c.type)}:${str(c.value)}`;
const fmtContact = (c: OwnerContact) => (c.purpose ? `${contactKey(c)} (${c.purpose})` : contactKey(c));

const imageOf = (contract: Contract) => ('image' in contract.service ? contract.service.image : undefined);
const chartOf = (contract: Contract) => ('chart' in contract.service ? contract.service.chart : undefined);

const fmtImage = (contract: Contract) => {
  const image = imageOf(contract);
  if (!image) return '';
  return image.private ? `${image.ref} (private)` : image.ref;
};

const fmtChart = (contract: Contract) => {
  const chart = chartOf(contract);
  return chart ? `${chart.ref}:${chart.version}` : '';
};

function emptyRule(path: string, oldValue: string, newValue: string, location: Change['location']): Change[] {
  if (oldValue === newValue) return [];
  return [makeChange(path, emptyRuleType(oldValue, newValue), { oldValue, newValue, location })];
}

/**
 * pactoVersion, service identity and owner, image and chart (diff.md §3.1). `versions` overrides the compared
 * pactoVersion texts (a side migrated for comparison keeps the version it was written in).
 */
export function diffService(oldC: Contract, newC: Contract, versions?: { readonly old: string; readonly new: string }): Change[] {
  const out: Change[] = [];
  const at = (...path: (string | number)[]) => ({ side: 'new' as const, path });
  out.push(...emptyRule('pactoVersion', versions?.old ?? str(oldC.pactoVersion), versions?.new ?? str(newC.pactoVersion), at('pactoVersion')));
  const oldName = str(oldC.service?.name);
  const newName = str(newC.service?.name);
  if (oldName !== newName) out.push(makeChange('service.name', 'modified', { oldValue: oldName, newValue: newName, location: at('service', 'name') }));
  const oldVersion = str(oldC.service?.version);
  const newVersion = str(newC.service?.version);
  if (oldVersion !== newVersion) {
    out.push(makeChange('service.version', 'modified', { oldValue: oldVersion, newValue: newVersion, location: at('service', 'version') }));
  }

  const oldOwner = ownerOf(oldC);
  const newOwner = ownerOf(newC);
  const ownerPath = typeof newC.service?.owner === 'string' ? ['service', 'owner'] : ['service', 'owner', 'team'];
  out.push(...emptyRule('service.owner.team', str(oldOwner.team), str(newOwner.team), at(...ownerPath)));
  out.push(...emptyRule('service.owner.dri', str(oldOwner.dri), str(newOwner.dri), at('service', 'owner', 'dri')));
  const newContacts = newOwner.contacts ?? [];
  walkKeyed(indexBy(oldOwner.contacts, contactKey), indexBy(newContacts, contactKey), {
    removed: (key, o) =>
      out.push(makeChange(`service.owner.contacts[${key}]`, 'removed', { oldValue: fmtContact(o), location: at('service', 'owner', 'contacts') })),
    both: (key, o, n) => {
      if (str(o.purpose) === str(n.purpose)) return;
      out.push(makeChange(`service.owner.contacts[${key}]`, 'modified', { oldValue: fmtContact(o), newValue: fmtContact(n), location: at('service', 'owner', 'contacts', newContacts.indexOf(n)) }));
    },
    added: (key, n) =>
      out.push(makeChange(`service.owner.contacts[${key}]`, 'added', { newValue: fmtContact(n), location: at('service', 'owner', 'contacts', newContacts.indexOf(n)) })),
  });

  out.push(...presenceRule('service.image', imageOf(oldC) !== undefined, imageOf(newC) !== undefined, fmtImage(oldC), fmtImage(newC), at('service', 'image')));
  out.push(...presenceRule('service.chart', chartOf(oldC) !== undefined, chartOf(newC) !== undefined, fmtChart(oldC), fmtChart(newC), at('service', 'chart')));
  return out;
}

function presenceRule(path: string, inOld: boolean, inNew: boolean, oldText: string, newText: string, location: Change['location']): Change[] {
  if (oldText === newText) return [];
  const type = !inOld ? 'added' : !inNew ? 'removed' : 'modified';
  return [makeChange(path, type, { oldValue: oldText, newValue: newText, location })];
}
