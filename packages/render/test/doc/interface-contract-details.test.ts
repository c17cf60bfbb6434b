import type { Contract } from '@pacto/schema';
import { describe, expect, it } from 'vitest';
import { renderDoc } from '../../src/doc/render-doc.js';
import { mapFS } from './map-fs.js';

const contract: Contract = {
  pactoVersion: '1.0',
  service: { name: 'svc', version: '1.0.0' },
  interfaces: [
    { name: 'rpc', type: 'grpc', port: 50051, contract: 'api/svc.proto' },
    { name: 'placed', type: 'event', contract: 'events/placed.yaml' },
    { name: 'spec', type: 'event', contract: 'events/asyncapi.txt' },
  ],
};

describe('interface contract details', () => {
  it('lists gRPC methods and event payload fields', () => {
    const files = mapFS({
      'api/svc.proto': 'service Svc { rpc Ping(PingRequest) returns (stream Pong); }',
      'events/placed.yaml': 'type: object\nrequired: [id]\nproperties:\n  id: {type: string, description: Order id}\n  total: {type: number}\n',
      'events/asyncapi.txt': 'not a schema',
    });
    const md = renderDoc({ contract, files });
    expect(md).toContain(
      'Its contract is defined in `api/svc.proto`.\n\n| Service | RPC | Request | Response |\n|---------|-----|---------|----------|\n| `Svc` | `Ping` | `PingRequest` | `stream Pong` |\n',
    );
    expect(md).toContain(
      'Payload fields (`events/placed.yaml`):\n\n| Field | Type | Description | Required |\n|-------|------|-------------|----------|\n| `id` | `string` | Order id | Yes |\n| `total` | `number` | — | No |\n',
    );
    expect(md).toContain('Its contract is defined in `events/asyncapi.txt`.\n\n---');
  });

  it('writes notes for missing or unparsable files', () => {
    const md = renderDoc({ contract, files: mapFS({ 'events/placed.yaml': 'a: [' }) });
    expect(md).toContain('_Could not read protobuf file: api/svc.proto not found in the bundle_');
    expect(md).toMatch(/_Could not read event schema: events\/placed\.yaml is not valid YAML: [^\n]+_\n/);
  });

  it('notes a proto file without services', () => {
    const md = renderDoc({ contract, files: mapFS({ 'api/svc.proto': 'syntax = "proto3";' }) });
    expect(md).toContain('_No services are defined in api/svc.proto._');
  });
});
