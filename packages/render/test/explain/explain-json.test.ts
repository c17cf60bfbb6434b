import type { Contract } from '@pacto/schema';
import { describe, expect, it } from 'vitest';
import { buildExplainJson, formatJson } from '../../src/index.js';

describe('buildExplainJson', () => {
  it('keeps the documented key order, omits empty keys and escapes like Go', () => {
    const contract: Contract = {
      pactoVersion: '1.0',
      service: { name: 'svc', version: '1.0.0' },
      interfaces: [{ name: 'api', type: 'http', port: 8080 }, { name: 'ev', type: 'event', contract: 'e.yaml' }],
      dependencies: [{ name: 'db', ref: 'oci://r.io/a/db:1.0.0', compatibility: '>=1.0.0 <2.0.0' }],
      scaling: { replicas: 3, min: 3, max: 3 },
      metadata: { zeta: 1, alpha: { b: 2, a: 'x&y' } },
    };
    expect(formatJson(buildExplainJson(contract))).toBe(`{
  "name": "svc",
  "version": "1.0.0",
  "pactoVersion": "1.0",
  "runtime": {
    "workloadType": "",
    "stateType": "",
    "scope": "",
    "durability": "",
    "dataCriticality": ""
  },
  "interfaces": [
    {
      "name": "api",
      "type": "http",
      "port": 8080
    },
    {
      "name": "ev",
      "type": "event"
    }
  ],
  "dependencies": [
    {
      "name": "db",
      "ref": "oci://r.io/a/db:1.0.0",
      "required": false,
      "compatibility": "\\u003e=1.0.0 \\u003c2.0.0"
    }
  ],
  "scaling": {
    "replicas": 3,
    "min": 3,
    "max": 3
  },
  "metadata": {
    "alpha": {
      "a": "x\\u0026y",
      "b": 2
    },
    "zeta": 1
  }
}
`);
  });
});
