import { describe, expect, it } from 'vitest';
import { protoRpcs } from '../../src/doc/proto-rpcs.js';

describe('protoRpcs', () => {
  it('lists the RPCs of every service with their streaming sides', () => {
    const proto = `syntax = "proto3";
// service Commented { rpc Hidden(A) returns (B); }
service Orders {
  option (google.api.default_host) = "orders.example.com";
  rpc Get(GetRequest) returns (Order) { option (google.api.http) = { get: "/v1/{name}" }; }
  rpc Watch (WatchRequest) returns (stream Order);
  /* rpc Old(A) returns (B); */
}
message GetRequest { string name = 1; }
service Uploads { rpc Put(stream .example.Chunk) returns (stream example.v1.Ack); }
`;
    expect(protoRpcs(proto)).toEqual([
      { service: 'Orders', name: 'Get', request: 'GetRequest', response: 'Order', clientStreaming: false, serverStreaming: false },
      { service: 'Orders', name: 'Watch', request: 'WatchRequest', response: 'Order', clientStreaming: false, serverStreaming: true },
      { service: 'Uploads', name: 'Put', request: '.example.Chunk', response: 'example.v1.Ack', clientStreaming: true, serverStreaming: true },
    ]);
  });

  it('finds nothing in a file without services', () => {
    expect(protoRpcs('syntax = "proto3";\nmessage A { string rpc = 1; }\n')).toEqual([]);
  });
});
