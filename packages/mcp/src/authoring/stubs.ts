import { isSemanticVersion, parseValidationReference, splitRef } from '@pacto/schema';
import type { ConfigPropertyInput, DependencyInput, InterfaceInput } from './inputs.js';

// The files and defaults a new interface, dependency or configuration property brings with it. The
// stubs are the smallest documents that validate and that `pacto doc` renders (an OpenAPI document with
// the health path, a protobuf service, a JSON Schema event payload).

export const CONFIG_SCHEMA_PATH = 'configuration/schema.json';

/** Default ports for the interface types that need one (contract.md §3.3). */
export const DEFAULT_PORTS: Readonly<Record<string, number>> = { http: 8080, grpc: 9090 };

/** A file name from an interface name: lower case, anything but `a-z0-9._-` becomes `-`. */
function fileStem(name: string): string {
  const stem = name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[.-]+|-+$/g, '');
  return stem === '' ? 'interface' : stem;
}

/** The bundle path of the interface definition a new interface gets, by type. */
export function interfaceContractPath(iface: InterfaceInput): string | undefined {
  switch (iface.type) {
    case 'http':
      return `interfaces/${fileStem(iface.name)}.openapi.yaml`;
    case 'grpc':
      return `interfaces/${fileStem(iface.name)}.proto`;
    case 'event':
      return `interfaces/${fileStem(iface.name)}.schema.json`;
    default:
      return undefined;
  }
}

export function interfaceStub(serviceName: string, iface: InterfaceInput): string {
  switch (iface.type) {
    case 'grpc': {
      const pkg = serviceName.replace(/[^A-Za-z0-9_]+/g, '_').toLowerCase() || 'service';
      const service = `${pkg.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())}Service`;
      return `syntax = "proto3";\n\npackage ${pkg};\n\n// The RPCs of ${iface.name}.\nservice ${service} {\n}\n`;
    }
    case 'event':
      return `${JSON.stringify(
        {
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          title: `${iface.name} event`,
          type: 'object',
          properties: {},
        },
        null,
        2,
      )}\n`;
    default:
      return [
        'openapi: "3.0.0"',
        'info:',
        `  title: ${JSON.stringify(serviceName)}`,
        '  version: 0.1.0',
        'paths:',
        '  /health:',
        '    get:',
        '      summary: Health check',
        '      responses:',
        '        "200":',
        '          description: OK',
        '',
      ].join('\n');
  }
}

/** The JSON Schema of a configuration with these properties (the `pacto init` schema when there are none). */
export function configSchema(properties: readonly ConfigPropertyInput[]): Record<string, unknown> {
  return addConfigProperties(
    { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: {}, additionalProperties: false },
    properties,
  );
}

/** Adds (or replaces) properties in a configuration JSON Schema; `required` lists each name once. */
export function addConfigProperties(schema: Record<string, unknown>, properties: readonly ConfigPropertyInput[]): Record<string, unknown> {
  const current = schema.properties;
  const props: Record<string, unknown> = typeof current === 'object' && current !== null ? { ...(current as Record<string, unknown>) } : {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as unknown[]).filter((r): r is string => typeof r === 'string') : []);
  for (const property of properties) {
    props[property.name] = { type: property.type ?? 'string', ...(property.description ? { description: property.description } : {}) };
    if (property.required) required.add(property.name);
    else required.delete(property.name);
  }
  const { required: _old, ...rest } = schema;
  return { ...rest, properties: props, ...(required.size > 0 ? { required: [...required] } : {}) };
}

export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * A dependency's name when none is given: the last segment of the repository, without tag, digest or a
 * `-pacto` suffix (`oci://ghcr.io/acme/payments-pacto:1.2.0` → `payments`).
 */
export function dependencyName(dep: DependencyInput): string {
  const { scheme, location } = splitRef(dep.ref);
  const parsed = scheme === 'oci' ? parseValidationReference(location) : undefined;
  const path = parsed?.ok ? parsed.reference.repository : location.replace(/\/+$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last.replace(/-pacto$/, '') || last || dep.ref;
}

/** `^<tag>` when an `oci://` reference is tagged with a semantic version, else `*` (any version). */
export function defaultCompatibility(ref: string): string {
  const { scheme, location } = splitRef(ref);
  const parsed = scheme === 'oci' ? parseValidationReference(location) : undefined;
  const tag = parsed?.ok ? parsed.reference.tag.replace(/^v/, '') : '';
  return tag !== '' && isSemanticVersion(tag) ? `^${tag}` : '*';
}
