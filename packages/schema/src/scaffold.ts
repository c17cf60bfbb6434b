/**
 * The files `pacto init <name>` writes (contract.md §12). `name` is substituted verbatim: the
 * scaffold is a template, and a name that breaks the service-name pattern fails validation later.
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

export function scaffoldContract(name: string): Scaffold {
  return {
    directories: [name, `${name}/interfaces`, `${name}/configuration`],
    files: [
      { path: `${name}/pacto.yaml`, content: contractTemplate(name) },
      { path: `${name}/interfaces/openapi.yaml`, content: openApiTemplate(name) },
      { path: `${name}/configuration/schema.json`, content: CONFIGURATION_SCHEMA },
    ],
  };
}

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

# dependencies:
#   - name: other-service
#     ref: oci://ghcr.io/my-org/other-service-pacto:1.0.0
#     required: true
#     compatibility: "^1.0.0"

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
