import type { BundleFS } from '@pacto/schema';
import { parse as parseYaml } from 'yaml';
import { readBundleText } from './bundle-text.js';
import { NONE, cellCode, code, describeProperty, note, table } from './markdown.js';
import { protoRpcs } from './proto-rpcs.js';
import { schemaProperties } from './schema-properties.js';

/** For a gRPC interface: the RPCs of its .proto file. */
export function grpcBlock(path: string, files: BundleFS | undefined): string | undefined {
  const file = readBundleText(files, path);
  if (!file.ok) return `${note(`Could not read protobuf file: ${file.reason}`)}\n`;
  const rpcs = protoRpcs(file.text);
  if (rpcs.length === 0) return `${note(`No services are defined in ${path}.`)}\n`;
  return table(
    ['Service', 'RPC', 'Request', 'Response'],
    rpcs.map((rpc) => [
      cellCode(rpc.service),
      cellCode(rpc.name),
      cellCode(`${rpc.clientStreaming ? 'stream ' : ''}${rpc.request}`),
      cellCode(`${rpc.serverStreaming ? 'stream ' : ''}${rpc.response}`),
    ]),
  );
}

/**
 * For an event interface whose contract is a JSON Schema (JSON or YAML): the fields of the payload.
 * Other formats (AsyncAPI, Avro, …) are only named by the interface sentence.
 */
export function eventBlock(path: string, files: BundleFS | undefined): string | undefined {
  const lower = path.toLowerCase();
  const json = lower.endsWith('.json');
  if (!json && !lower.endsWith('.yaml') && !lower.endsWith('.yml')) return undefined;
  const file = readBundleText(files, path);
  if (!file.ok) return `${note(`Could not read event schema: ${file.reason}`)}\n`;
  let schema: unknown;
  try {
    schema = json ? JSON.parse(file.text) : parseYaml(file.text, { logLevel: 'error' });
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return `${note(`Could not read event schema: ${path} is not valid ${json ? 'JSON' : 'YAML'}: ${detail}`)}\n`;
  }
  const fields = schemaProperties(schema);
  if (fields.length === 0) return undefined;
  return `Payload fields (${code(path)}):\n\n${table(
    ['Field', 'Type', 'Description', 'Required'],
    fields.map((f) => [
      cellCode(f.name),
      f.types.length > 0 ? cellCode(f.types.join(', ')) : NONE,
      describeProperty(f.description, f.values),
      f.required ? 'Yes' : 'No',
    ]),
  )}`;
}
