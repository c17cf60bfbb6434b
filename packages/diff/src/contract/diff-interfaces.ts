import { isContractV20, type Contract } from '@pacto/schema';
import type { DiffOptions } from './diff-options.js';
import type { Change } from '../change.js';
import { makeChange } from '../change-list.js';
import { readBundleText } from '../bundle-files.js';
import { indexBy, walkKeyed } from '../keyed.js';
import { diffOpenApi } from '../openapi/diff-openapi.js';
import { parseDocument } from '../openapi/parse-document.js';
import { documentTooDeep } from '../document-depth.js';
import { DiffError } from './to-diff-side.js';
import type { DiffSide } from './diff-side.js';
import { lastIndexOfKey, str } from './diff-side.js';

/** An interface as both formats have it: the spec file is `contract` in 1.x and `ref` in 2.0, ports only in 1.x. */
interface ComparedInterface {
  readonly name: string;
  readonly type: string;
  readonly port?: number | undefined;
  readonly visibility?: string | undefined;
  readonly spec?: string | undefined;
}

const nameOf = (i: ComparedInterface) => str(i.name);

function compared(contract: Contract): ComparedInterface[] | undefined {
  if (isContractV20(contract)) return contract.interfaces?.map((i) => ({ name: i.name, type: i.type, visibility: i.visibility, spec: i.ref }));
  return contract.interfaces?.map((i) => ({ name: i.name, type: i.type, port: i.port, visibility: i.visibility, spec: i.contract }));
}

/**
 * Interfaces keyed by name, each followed by its OpenAPI content changes (diff.md §3.4, §4; contract-2.0.md §8, where
 * the spec field is `ref` and there are no ports).
 */
export function diffInterfaces(oldSide: DiffSide, newSide: DiffSide, options: DiffOptions = {}): Change[] {
  const out: Change[] = [];
  const specField = isContractV20(newSide.contract) ? 'ref' : 'contract';
  const newList = compared(newSide.contract);
  const at = (name: string, field?: string) => {
    const index = lastIndexOfKey(newList, nameOf, name);
    const path: (string | number)[] = index < 0 ? ['interfaces'] : field ? ['interfaces', index, field] : ['interfaces', index];
    return { side: 'new' as const, path };
  };
  walkKeyed(indexBy(compared(oldSide.contract), nameOf), indexBy(newList, nameOf), {
    removed: (name) => out.push(makeChange('interfaces', 'removed', { oldValue: name, location: at(name) })),
    added: (name) => out.push(makeChange('interfaces', 'added', { newValue: name, location: at(name) })),
    both: (name, o, n) => {
      if (str(o.type) !== str(n.type)) {
        out.push(makeChange('interfaces.type', 'modified', { oldValue: `${name}: ${str(o.type)}`, newValue: `${name}: ${str(n.type)}`, location: at(name, 'type') }));
      }
      if (o.port !== n.port) {
        const type = o.port === undefined ? 'added' : n.port === undefined ? 'removed' : 'modified';
        out.push(makeChange('interfaces.port', type, { oldValue: o.port ?? 0, newValue: n.port ?? 0, location: at(name, 'port') }));
      }
      if (str(o.visibility) !== str(n.visibility)) {
        out.push(makeChange('interfaces.visibility', 'modified', { oldValue: `${name}: ${str(o.visibility)}`, newValue: `${name}: ${str(n.visibility)}`, location: at(name, 'visibility') }));
      }
      const oldContract = str(o.spec);
      const newContract = str(n.spec);
      if (oldContract !== newContract) {
        const bothSet = oldContract !== '' && newContract !== '';
        out.push(
          makeChange(`interfaces.${specField}`, 'modified', {
            oldValue: bothSet ? `${name}: ${oldContract}` : oldContract,
            newValue: bothSet ? `${name}: ${newContract}` : newContract,
            location: at(name, specField),
          }),
        );
      }
      if (oldContract !== '' && newContract !== '') {
        out.push(...diffInterfaceFiles(oldSide, oldContract, newSide, newContract, at(name, specField).path, options));
      }
    },
  });
  return out;
}

function diffInterfaceFiles(
  oldSide: DiffSide,
  oldPath: string,
  newSide: DiffSide,
  newPath: string,
  contractField: readonly (string | number)[],
  options: DiffOptions,
): Change[] {
  const oldText = readBundleText(oldSide.files, oldPath);
  const newText = readBundleText(newSide.files, newPath);
  if (oldText === undefined || newText === undefined) return [];
  const warn = (path: string) => (message: string) => options.onWarning?.(`${path}: ${message}`);
  const oldDocument = parseDocumentAt(oldText, oldPath, warn(oldPath));
  const newDocument = parseDocumentAt(newText, newPath, warn(newPath));
  return diffOpenApi(oldDocument, newDocument).map((change) => ({ ...change, location: { side: 'new', path: contractField } }));
}

/** parseDocument, with the file named when the document is too deep to compare. */
function parseDocumentAt(text: string, path: string, onWarning: (message: string) => void): unknown {
  try {
    return parseDocument(text, onWarning);
  } catch (error) {
    if (error instanceof DiffError && error.code === 'DOCUMENT_TOO_DEEP') throw documentTooDeep(path);
    throw error;
  }
}
