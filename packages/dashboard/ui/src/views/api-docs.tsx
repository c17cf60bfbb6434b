import { useEffect, useState } from 'preact/hooks';
import { ErrorBox, Loading, TableHead } from '../components.tsx';
import { STATIC } from '../data.ts';

interface Operation {
  summary?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Record<string, unknown> }> }>;
}

type Document = { info: { title: string; version: string; description?: string }; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Record<string, unknown>> } };

/** `/docs`: the API's OpenAPI description (`/openapi.json`) as a page. */
export function ApiDocsView() {
  const [doc, setDoc] = useState<Document | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (STATIC) return;
    fetch('openapi.json')
      .then((r) => r.json() as Promise<Document>)
      .then(setDoc, (e: Error) => setError(e.message));
  }, []);
  if (STATIC) return <p class="note">This is a static export; the JSON API and its description are served by `pacto dashboard`.</p>;
  if (error) return <ErrorBox error={error} />;
  if (!doc) return <Loading what="the API description" />;
  const schemaName = (schema: Record<string, unknown> | undefined): string => {
    if (!schema) return '';
    if (typeof schema['$ref'] === 'string') return schema['$ref'].split('/').pop()!;
    if (schema['type'] === 'array') return `${schemaName(schema['items'] as Record<string, unknown>)}[]`;
    return String(schema['type'] ?? '');
  };
  return (
    <div data-testid="api-docs">
      <h1>
        {doc.info.title} <span class="muted">{doc.info.version}</span>
      </h1>
      <p>
        {doc.info.description} The machine-readable description is at <a href="openapi.json">/openapi.json</a> (OpenAPI 3.1).
      </p>
      <table>
        <TableHead columns={['Endpoint', 'What it does', 'Parameters', 'Responses']} />
        <tbody>
          {Object.entries(doc.paths).flatMap(([path, methods]) =>
            Object.entries(methods).map(([method, op]) => (
              <tr key={`${method} ${path}`} data-testid="api-endpoint">
                <td class="mono">
                  <span class="method">{method}</span>
                  {path}
                </td>
                <td>{op.summary}</td>
                <td>
                  {(op.parameters ?? []).map((p) => (
                    <div key={p.name} class="mono">
                      {p.name}
                      {p.required ? '' : '?'} <span class="muted">({p.in})</span>
                    </div>
                  ))}
                  {op.requestBody ? <div class="mono">body: {schemaName(op.requestBody.content['application/json']?.schema)}</div> : null}
                </td>
                <td>
                  {Object.entries(op.responses).map(([status, response]) => (
                    <div key={status}>
                      <span class="mono">{status}</span> {schemaName(response.content?.['application/json']?.schema)} <span class="muted">{response.description}</span>
                    </div>
                  ))}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <h2>Schemas</h2>
      {Object.entries(doc.components.schemas).map(([name, schema]) => (
        <details key={name} id={`schema-${name}`}>
          <summary>
            <strong>{name}</strong> <span class="muted">{String(schema['description'] ?? '')}</span>
          </summary>
          <pre class="block">{JSON.stringify(schema, null, 2)}</pre>
        </details>
      ))}
    </div>
  );
}
