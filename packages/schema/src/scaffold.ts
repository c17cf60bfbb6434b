import { YAML_SCHEMA_MODELINE } from './schema-url.js';

/**
 * The files `pacto init <name>` writes (contract.md §12, contract-2.0.md §10). `name` is substituted verbatim:
 * the scaffold is a template, and a name that breaks the service-name pattern fails validation later. The
 * contract starts with the editor modeline that points at the combined JSON Schema.
 */
export interface ScaffoldFile {
  readonly path: string;
  readonly content: string;
}

export interface Scaffold {
  /** Directories to create, parents first (mode 0755). */
  readonly directories: readonly string[];
  /** Files to write (mode 0644). */
  readonly files: readonly ScaffoldFile[];
}

/** The formats `pacto init` can scaffold; 1.0 is the default (the quickstart's). */
export const SCAFFOLD_VERSIONS = ['1.0', '2.0'] as const;
export type ScaffoldVersion = (typeof SCAFFOLD_VERSIONS)[number];

export interface ScaffoldOptions {
  /** The contract format to write; `1.0` when absent. */
  readonly pactoVersion?: ScaffoldVersion;
}

export function scaffoldContract(name: string, options: ScaffoldOptions = {}): Scaffold {
  const contract = options.pactoVersion === '2.0' ? contractTemplateV20(name) : contractTemplate(name);
  return {
    directories: [name, `${name}/interfaces`, `${name}/configuration`],
    files: [
      { path: `${name}/pacto.yaml`, content: `${YAML_SCHEMA_MODELINE}\n${contract}` },
      { path: `${name}/interfaces/openapi.yaml`, content: openApiTemplate(name) },
      { path: `${name}/configuration/schema.json`, content: CONFIGURATION_SCHEMA },
    ],
  };
}

/** A dependency to copy, commented out: both scaffolds declare none. */
const COMMENTED_DEPENDENCY = `# dependencies:
#   - name: other-service
#     ref: oci://ghcr.io/my-org/other-service-pacto:1.0.0
#     required: true
#     compatibility: "^1.0.0"
`;

function contractTemplate(name: string): string {
  return `pactoVersion: "1.0"

service:
  name: ${name}
  version: 0.1.0
  owner:
    team: team/my-team
  image:
    ref: ghcr.io/my-org/${name}:0.1.0
    private: false

interfaces:
  - name: api
    type: http
    port: 8080
    visibility: internal
    contract: interfaces/openapi.yaml

configurations:
  - name: default
    schema: configuration/schema.json

${COMMENTED_DEPENDENCY}
runtime:
  workload: service

  state:
    type: stateless
    persistence:
      scope: local
      durability: ephemeral
    dataCriticality: low

  lifecycle:
    upgradeStrategy: rolling
    gracefulShutdownSeconds: 30

  health:
    interface: api
    path: /health
    initialDelaySeconds: 5

  metrics:
    interface: api
    path: /metrics

scaling:
  min: 1
  max: 3

metadata:
  team: my-team
  tier: standard
`;
}

function contractTemplateV20(name: string): string {
  return `pactoVersion: "2.0"

service:
  name: ${name}
  version: 0.1.0
  owner:
    team: my-team
    dri: my.handle
    contacts:
      - type: email
        value: my-team@example.com
        purpose: ownership

interfaces:
  - name: api
    type: openapi
    ref: interfaces/openapi.yaml
    visibility: internal

configurations:
  - name: default
    schema: configuration/schema.json
    required: true

${COMMENTED_DEPENDENCY}
workload: service

state:
  type: stateless
  persistence:
    scope: local
    durability: ephemeral
  dataCriticality: low

# Bind a capability to an interface when the endpoint is known:
#   binding: {type: http, interface: api, path: /health}
capabilities:
  - type: health
  - type: metrics

# Declared readiness: mark each claim done, partial, not-done or deferred as the work lands.
# \`pacto validate --readiness\` fails until the score reaches minScore.
readiness:
  minScore: 80
  expires: "2099-12-31"
  history:
    - date: "2099-01-01"
      version: 0.1.0
      author: my.handle
      description: First readiness assessment
  claims:
    - id: runbook
      type: document
      category: documentation
      status: not-done
      evidence: docs/runbook.md
      weight: 40
    - id: security-review
      type: ticket
      category: security
      status: not-done
      evidence: SEC-0000
      weight: 60

metadata:
  team: my-team
  tier: standard
`;
}

function openApiTemplate(name: string): string {
  return `openapi: "3.0.0"
info:
  title: ${name}
  version: 0.1.0
paths:
  /health:
    get:
      summary: Health check
      responses:
        "200":
          description: OK
`;
}

const CONFIGURATION_SCHEMA = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "properties": {},
  "additionalProperties": false
}
`;
