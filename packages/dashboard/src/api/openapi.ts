import { z } from 'zod';
import { apiSchemas } from './model.js';

// The API's own description (OpenAPI 3.1), served at /openapi.json. Components come from the zod schemas of
// model.ts, so the description cannot drift from the types the server answers with.

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const arrayOf = (id: string) => ({ type: 'array', items: ref(id) });
const json = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } });
const failure = (description: string) => json(description, ref('Error'));
const nameParameter = { name: 'name', in: 'path', required: true, description: 'The service name.', schema: { type: 'string' } };
const query = (name: string, required: boolean, description: string) => ({ name, in: 'query', required, description, schema: { type: 'string' } });
const body = (id: string) => ({ required: true, content: { 'application/json': { schema: ref(id) } } });
const unknownService = { '404': failure('No service has this name.') };

function get(operationId: string, summary: string, ok: object, extra: { parameters?: object[]; responses?: object } = {}) {
  return { get: { operationId, summary, ...(extra.parameters ? { parameters: extra.parameters } : {}), responses: { '200': ok, ...extra.responses } } };
}

function servicePath(operationId: string, summary: string, ok: object) {
  return get(operationId, summary, ok, { parameters: [nameParameter], responses: unknownService });
}

const registryFailures = {
  '400': failure('The body is not a JSON object with the fields described.'),
  '403': failure('The registry refused the credentials.'),
  '404': failure('The repository or tag does not exist.'),
  '422': failure('Bad reference, no version matching the range, or an invalid bundle.'),
  '502': failure('The registry could not be reached or answered with an error.'),
};

const paths = {
  '/health': get('health', 'Liveness and the dashboard version.', json('Alive.', ref('Health'))),
  '/metrics': get('metrics', 'Service and active source counts.', json('Counts.', ref('Metrics'))),
  '/api/services': get('listServices', 'Every service of the fleet.', json('Services sorted by name.', arrayOf('ServiceSummary'))),
  '/api/services/{name}': servicePath('getService', 'Everything about one service.', json('The service.', ref('ServiceDetails'))),
  '/api/services/{name}/versions': servicePath(
    'listServiceVersions',
    'Published versions, newest first, each classified against the previous one.',
    json('Versions; [] when no registry or cache has the service.', arrayOf('Version')),
  ),
  '/api/services/{name}/sources': servicePath('getServiceSources', 'The service in each source, and merged.', json('Sources.', ref('ServiceSources'))),
  '/api/services/{name}/graph': servicePath('getServiceGraph', 'The dependency tree centred on the service.', json('The tree.', ref('ServiceGraph'))),
  '/api/services/{name}/dependents': servicePath('listDependents', 'Services that depend on this one.', json('Dependents.', arrayOf('Dependent'))),
  '/api/services/{name}/refs': servicePath('getServiceRefs', 'Configuration and policy references.', json('References.', ref('ServiceRefs'))),
  '/api/graph': get('getGraph', 'The global dependency graph.', json('Nodes and edges.', ref('FleetGraph'))),
  '/api/diff': get('diff', 'Classified changes between two versions (the current one when a version is left out).', json('The diff.', ref('DiffResult')), {
    parameters: [
      query('from_name', true, 'Service of the old side.'),
      query('from_version', false, 'Version of the old side (default: current).'),
      query('to_name', true, 'Service of the new side.'),
      query('to_version', false, 'Version of the new side (default: current).'),
    ],
    responses: {
      '400': failure('from_name or to_name is missing.'),
      '404': failure('Unknown service or version.'),
      '422': failure('A side does not parse.'),
    },
  }),
  '/api/sources': get('listSources', 'Data sources and whether discovery is running.', json('Sources.', ref('Sources'))),
  '/api/refresh': {
    post: { operationId: 'refresh', summary: 'Forget what was read and discover again.', responses: { '200': json('Done.', ref('Status')) } },
  },
  '/api/resolve': {
    post: {
      operationId: 'resolve',
      summary: 'Fetch one contract by OCI reference (cache first) and describe it.',
      requestBody: body('ResolveRequest'),
      responses: { '200': json('The contract.', ref('ServiceDetails')), ...registryFailures },
    },
  },
  '/api/versions': {
    post: {
      operationId: 'listRepositoryVersions',
      summary: 'Semver tags of a repository, highest first; fetch pulls each into the cache.',
      requestBody: body('VersionsRequest'),
      responses: { '200': json('Versions.', ref('VersionList')), ...registryFailures },
    },
  },
  '/openapi.json': get('openapi', 'This description.', json('OpenAPI 3.1.', { type: 'object' })),
};

/** The OpenAPI 3.1 document of the dashboard API. */
export function openApiDocument(version: string): Record<string, unknown> {
  const generated = z.toJSONSchema(apiSchemas, {
    uri: (id) => `#/components/schemas/${id}`,
    override: ({ jsonSchema }) => {
      // z.number().int() adds the safe-integer bounds; they say nothing to a reader.
      const schema = jsonSchema as Record<string, unknown>;
      if (schema['minimum'] === Number.MIN_SAFE_INTEGER) delete schema['minimum'];
      if (schema['maximum'] === Number.MAX_SAFE_INTEGER) delete schema['maximum'];
    },
  }).schemas;
  const schemas: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries(generated)) {
    const { $schema: _schema, $id: _id, ...rest } = schema as Record<string, unknown>;
    schemas[id] = rest;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Pacto Dashboard API',
      version,
      description: 'Read-only JSON API of `pacto dashboard`: services merged from local, OCI and cached contracts, their versions, graph and diffs.',
    },
    paths,
    components: { schemas },
  };
}
