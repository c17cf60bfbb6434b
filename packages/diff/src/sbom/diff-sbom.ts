import type { BundleFS } from '@pacto/schema';
import { parseJsonText, readBundleText } from '../bundle-files.js';
import { compareCodePoints } from '../code-point-order.js';
import { isPlainObject } from '../deep-equal.js';
import { indexBy, walkKeyed } from '../keyed.js';

export type SbomFormat = 'spdx' | 'cyclonedx';

export interface SbomPackage {
  readonly name: string;
  readonly version: string;
  readonly license: string;
  readonly supplier: string;
}

export interface SbomChange {
  readonly package: string;
  readonly type: 'added' | 'removed' | 'modified';
  readonly field?: string;
  readonly oldValue?: string;
  readonly newValue?: string;
}

export interface SbomDiff {
  readonly oldFormat?: SbomFormat;
  readonly newFormat?: SbomFormat;
  readonly changes: readonly SbomChange[];
}

interface SbomDocument {
  readonly format: SbomFormat;
  readonly packages: readonly SbomPackage[];
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The bundle's SBOM file: first `sbom/*.spdx.json` or `sbom/*.cdx.json` by name (diff.md §6). */
export function findSbomFile(files: BundleFS | undefined, listing: readonly string[]): string | undefined {
  if (!files) return undefined;
  return listing
    .filter((path) => /^sbom\/[^/]+\.(spdx|cdx)\.json$/.test(path))
    .sort(compareCodePoints)[0];
}

/** Parse SPDX 2.3 or CycloneDX 1.5 JSON into normalised packages; undefined when it cannot be read. */
export function parseSbom(path: string, content: string | undefined): SbomDocument | undefined {
  const doc = parseJsonText(content);
  if (!isPlainObject(doc)) return undefined;
  if (path.endsWith('.spdx.json')) {
    const packages = (Array.isArray(doc.packages) ? doc.packages : []).filter(isPlainObject).map((p) => ({
      name: text(p.name),
      version: text(p.versionInfo),
      license: text(p.licenseConcluded),
      supplier: stripSupplierKind(text(p.supplier)),
    }));
    return { format: 'spdx', packages };
  }
  const packages = (Array.isArray(doc.components) ? doc.components : []).filter(isPlainObject).map((c) => ({
    name: text(c.name),
    version: text(c.version),
    license: cyclonedxLicense(c.licenses),
    supplier: isPlainObject(c.supplier) ? text(c.supplier.name) : '',
  }));
  return { format: 'cyclonedx', packages };
}

function stripSupplierKind(supplier: string): string {
  const at = supplier.indexOf(': ');
  return at >= 0 ? supplier.slice(at + 2) : supplier;
}

function cyclonedxLicense(licenses: unknown): string {
  if (!Array.isArray(licenses)) return '';
  const parts: string[] = [];
  for (const entry of licenses) {
    if (!isPlainObject(entry)) continue;
    if (typeof entry.expression === 'string' && entry.expression !== '') parts.push(entry.expression);
    else if (isPlainObject(entry.license)) {
      const id = text(entry.license.id) || text(entry.license.name);
      if (id) parts.push(id);
    }
  }
  return parts.join(' AND ');
}

export interface SbomSource {
  readonly files?: BundleFS | undefined;
  /** Every file path of the bundle (forward slashes); needed to find `sbom/*`. */
  readonly listing?: readonly string[] | undefined;
}

function readSbom(source: SbomSource): SbomDocument | undefined | 'unreadable' {
  const path = findSbomFile(source.files, source.listing ?? []);
  if (!path) return undefined;
  return parseSbom(path, readBundleText(source.files, path)) ?? 'unreadable';
}

/** SBOM comparison (diff.md §6); undefined when there is nothing to report. */
export function diffSbom(oldSource: SbomSource, newSource: SbomSource): SbomDiff | undefined {
  const oldDoc = readSbom(oldSource);
  const newDoc = readSbom(newSource);
  if (oldDoc === 'unreadable' || newDoc === 'unreadable') return undefined;
  if (!oldDoc && !newDoc) return undefined;
  const changes: SbomChange[] = [];
  const byName = (p: SbomPackage) => p.name;
  walkKeyed(indexBy(oldDoc?.packages, byName), indexBy(newDoc?.packages, byName), {
    removed: (name, o) => changes.push(withValues({ package: name, type: 'removed', field: 'package' }, o.version, undefined)),
    added: (name, n) => changes.push(withValues({ package: name, type: 'added', field: 'package' }, undefined, n.version)),
    both: (name, o, n) => {
      for (const field of ['version', 'license', 'supplier'] as const) {
        if (o[field] !== n[field]) changes.push(withValues({ package: name, type: 'modified', field }, o[field], n[field]));
      }
    },
  });
  if (changes.length === 0) return undefined;
  const result: { oldFormat?: SbomFormat; newFormat?: SbomFormat; changes: SbomChange[] } = { changes };
  if (oldDoc) result.oldFormat = oldDoc.format;
  if (newDoc) result.newFormat = newDoc.format;
  return result;
}

function withValues(change: SbomChange, oldValue: string | undefined, newValue: string | undefined): SbomChange {
  const out: { -readonly [K in keyof SbomChange]: SbomChange[K] } = { ...change };
  if (oldValue) out.oldValue = oldValue;
  if (newValue) out.newValue = newValue;
  return out;
}
