import { isContractV20, type BundleFS, type Contract } from '@pacto/schema';
import { interfaceViews, runtimeView, type InterfaceView } from '../contract-view.js';
import { readBundleText } from './bundle-text.js';
import { eventBlock, grpcBlock } from './interface-contract-details.js';
import { NONE, capitalize, cellCode, cellText, code, note, table } from './markdown.js';
import { openApiOperations } from './openapi-operations.js';
import { numbered, type DocSection } from './section.js';

const KIND: Record<string, string> = { http: 'HTTP', grpc: 'gRPC', event: 'Event', openapi: 'OpenAPI', asyncapi: 'AsyncAPI' };

export function interfaceHeading(iface: InterfaceView): string {
  return `${KIND[iface.type] ?? capitalize(iface.type)} Interface: ${iface.name}`;
}

/** `## N. Interfaces`: the overview table, then one subsection per interface (cli.md §4.8.1 item 7). */
export function interfacesSection(contract: Contract, files: BundleFS | undefined): DocSection | undefined {
  const interfaces = interfaceViews(contract);
  if (interfaces.length === 0) return undefined;
  return {
    title: 'Interfaces',
    subsections: interfaces.map(interfaceHeading),
    render(n) {
      const parts = [`## ${numbered([n], 'Interfaces')}\n`, interfaceTable(interfaces, isContractV20(contract))];
      interfaces.forEach((iface, i) => {
        parts.push(`### ${numbered([n, i + 1], interfaceHeading(iface))}\n`, ...interfaceDetails(contract, iface, files));
      });
      return parts.join('\n');
    },
  };
}

/** The overview table: with a Port column for 1.x, with the spec file for 2.0 (which has no ports). */
export function interfaceTable(interfaces: readonly InterfaceView[], specColumn = false): string {
  if (specColumn) {
    return table(
      ['Name', 'Type', 'Spec', 'Visibility'],
      interfaces.map((i) => [
        cellCode(i.name),
        cellCode(i.type),
        i.spec === undefined ? NONE : cellCode(i.spec),
        i.visibility === undefined ? NONE : cellCode(i.visibility),
      ]),
    );
  }
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
export function interfaceDetails(contract: Contract, iface: InterfaceView, files: BundleFS | undefined): string[] {
  let sentence = `The ${code(iface.name)} interface is ${code(iface.visibility ?? 'internal')}`;
  if (iface.port !== undefined) sentence += ` and exposes port ${code(iface.port)}`;
  if (iface.protocol !== 'http' && iface.spec) sentence += `. Its contract is defined in ${code(iface.spec)}`;
  sentence += '.';
  const { health, metrics } = runtimeView(contract) ?? {};
  if (health?.interface === iface.name && health.path) {
    sentence += ` It owns the health path under ${code(health.path)}`;
    if (health.initialDelaySeconds !== undefined) sentence += ` and requires an initial delay of ${code(`${health.initialDelaySeconds}s`)}`;
    sentence += '.';
  }
  if (metrics?.interface === iface.name && metrics.path) sentence += ` It serves metrics at ${code(metrics.path)}.`;

  const parts = [`${sentence}\n`];
  if (!iface.spec) return parts;
  const block =
    iface.protocol === 'http'
      ? operationsBlock(iface.spec, files)
      : iface.protocol === 'grpc'
        ? grpcBlock(iface.spec, files)
        : iface.protocol === 'event'
          ? eventBlock(iface.spec, files)
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
