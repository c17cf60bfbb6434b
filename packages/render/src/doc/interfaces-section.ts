import type { BundleFS, Contract, Interface } from '@pacto/schema';
import { readBundleText } from './bundle-text.js';
import { eventBlock, grpcBlock } from './interface-contract-details.js';
import { NONE, capitalize, cellCode, cellText, code, note, table } from './markdown.js';
import { openApiOperations } from './openapi-operations.js';
import { numbered, type DocSection } from './section.js';

const KIND: Record<string, string> = { http: 'HTTP', grpc: 'gRPC', event: 'Event' };

export function interfaceHeading(iface: Interface): string {
  return `${KIND[iface.type] ?? capitalize(iface.type)} Interface: ${iface.name}`;
}

/** `## N. Interfaces`: the overview table, then one subsection per interface (cli.md §4.8.1 item 7). */
export function interfacesSection(contract: Contract, files: BundleFS | undefined): DocSection | undefined {
  const interfaces = contract.interfaces ?? [];
  if (interfaces.length === 0) return undefined;
  return {
    title: 'Interfaces',
    subsections: interfaces.map(interfaceHeading),
    render(n) {
      const parts = [`## ${numbered([n], 'Interfaces')}\n`, interfaceTable(interfaces)];
      interfaces.forEach((iface, i) => {
        parts.push(`### ${numbered([n, i + 1], interfaceHeading(iface))}\n`, ...interfaceDetails(contract, iface, files));
      });
      return parts.join('\n');
    },
  };
}

export function interfaceTable(interfaces: readonly Interface[]): string {
  return table(
    ['Name', 'Type', 'Port', 'Visibility'],
    interfaces.map((i) => [
      cellCode(i.name),
      cellCode(i.type),
      i.port === undefined ? NONE : cellCode(i.port),
      i.visibility === undefined ? NONE : cellCode(i.visibility),
    ]),
  );
}

/** The paragraph about one interface and, for HTTP with an OpenAPI file, its operations table. */
export function interfaceDetails(contract: Contract, iface: Interface, files: BundleFS | undefined): string[] {
  let sentence = `The ${code(iface.name)} interface is ${code(iface.visibility ?? 'internal')}`;
  if (iface.port !== undefined) sentence += ` and exposes port ${code(iface.port)}`;
  if (iface.type !== 'http' && iface.contract) sentence += `. Its contract is defined in ${code(iface.contract)}`;
  sentence += '.';
  const { health, metrics } = contract.runtime ?? {};
  if (health?.interface === iface.name && health.path) {
    sentence += ` It owns the health path under ${code(health.path)}`;
    if (health.initialDelaySeconds !== undefined) sentence += ` and requires an initial delay of ${code(`${health.initialDelaySeconds}s`)}`;
    sentence += '.';
  }
  if (metrics?.interface === iface.name && metrics.path) sentence += ` It serves metrics at ${code(metrics.path)}.`;

  const parts = [`${sentence}\n`];
  if (!iface.contract) return parts;
  const block =
    iface.type === 'http'
      ? operationsBlock(iface.contract, files)
      : iface.type === 'grpc'
        ? grpcBlock(iface.contract, files)
        : iface.type === 'event'
          ? eventBlock(iface.contract, files)
          : undefined;
  if (block !== undefined) parts.push(block);
  return parts;
}

function operationsBlock(path: string, files: BundleFS | undefined): string {
  const file = readBundleText(files, path);
  if (!file.ok) return `${note(`Could not read OpenAPI spec: ${file.reason}`)}\n`;
  const result = openApiOperations(path, file.text);
  if (!result.ok) return `${note(`Could not read OpenAPI spec: ${result.error}`)}\n`;
  if (result.operations.length === 0) return `_No operations are defined in ${code(path)}._\n`;
  return table(
    ['Method', 'Path', 'Summary'],
    result.operations.map((op) => [cellCode(op.method.toUpperCase()), cellCode(op.path), op.summary ? cellText(op.summary) : NONE]),
  );
}
