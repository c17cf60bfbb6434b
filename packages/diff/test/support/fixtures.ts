import type { BundleFS, Contract } from '@pacto/schema';
import { parse, stringify } from 'yaml';
import type { DiffSide } from '../../src/index.js';

export type Files = Record<string, string>;

const encoder = new TextEncoder();

/** A BundleFS over a plain record of bundle paths to text. */
export function recordFS(files: Files): BundleFS {
  const dirs = new Set<string>(['.']);
  for (const path of Object.keys(files)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return {
    stat: (path) => (Object.hasOwn(files, path) ? 'file' : dirs.has(path) ? 'directory' : undefined),
    readFile: (path) => (Object.hasOwn(files, path) ? encoder.encode(files[path]) : undefined),
  };
}

/** A diff side from bundle files; `pacto.yaml` is parsed as YAML (no validation, as `pacto diff`). */
export function sideOf(files: Files): DiffSide {
  const contract = parse(files['pacto.yaml']!) as Contract;
  return { contract, files: recordFS(files), listing: Object.keys(files) };
}

export const BASE_CONTRACT = {
  pactoVersion: '1.1',
  service: { name: 'my-service', version: '1.0.0', owner: { team: 'payments' } },
  interfaces: [{ name: 'api', type: 'http', port: 8080, visibility: 'public', contract: 'interfaces/openapi.yaml' }],
  configurations: [{ name: 'app', schema: 'configuration/schema.json' }],
  runtime: {
    workload: 'service',
    state: { type: 'stateless', persistence: { scope: 'local', durability: 'ephemeral' }, dataCriticality: 'low' },
    health: { interface: 'api', path: '/health' },
  },
  scaling: { min: 2, max: 5 },
};

export const BASE_OPENAPI = `openapi: 3.0.3
info: { title: my-service, version: 1.0.0 }
paths:
  /users:
    get:
      parameters:
        - { name: limit, in: query, required: false, schema: { type: integer } }
      responses:
        "200": { description: OK }
        "404": { description: Not found }
  /orders:
    get:
      responses:
        "200": { description: OK }
`;

export const BASE_SCHEMA = `{ "type": "object", "required": ["port"],
  "properties": {
    "port":    { "type": "integer", "default": 8080 },
    "level":   { "type": "string", "enum": ["debug", "info", "warn"] },
    "timeout": { "type": "integer", "default": 30 } } }
`;

type Mutable = Record<string, any>;

/** The base bundle of diff.md §11, with `edit` applied to a copy of the contract and `files` overriding files. */
export function baseBundle(edit: (c: Mutable) => void = () => {}, files: Files = {}): Files {
  const contract = structuredClone(BASE_CONTRACT) as Mutable;
  edit(contract);
  return {
    'pacto.yaml': stringify(contract),
    'interfaces/openapi.yaml': BASE_OPENAPI,
    'configuration/schema.json': BASE_SCHEMA,
    ...files,
  };
}
