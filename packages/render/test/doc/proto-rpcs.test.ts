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

  it('skips strings and comments exactly where a regular expression would, on 20,000 random files', () => {
    // The former implementation, quadratic on unterminated literals: the reference on short inputs.
    const reference = (text: string) =>
      text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, (m) => m.replace(/[^\n]/g, ' '));
    const alphabet = ['"', "'", '\\', '\n', '/', '*', '//', '/*', '*/', 'a', ' ', 'rpc A(B) returns (C);'];
    let seed = 9;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const differences: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      let text = 'service S {';
      for (let i = Math.floor(next() * 16); i >= 0; i--) text += alphabet[Math.floor(next() * alphabet.length)];
      const expected = [...reference(text).matchAll(/\brpc\s+(\w+)/g)].length;
      if (protoRpcs(`${text}}`).length !== expected) differences.push(text);
    }
    expect(differences).toEqual([]);
  });

  it.each([
    ['unterminated escaped strings', '/\\"\\'.repeat(1 << 18)],
    ['unterminated block comments', '/*'.repeat(1 << 19)],
    ['unclosed nested services', 'service a {'.repeat(100_000)],
    ['rpc keywords', 'service s { ' + 'rpc a(stream '.repeat(80_000)],
  ])('reads 1 MB of %s in linear time', (_shape, text) => {
    expect(protoRpcs(text)).toEqual([]);
  }, 20_000);
});
