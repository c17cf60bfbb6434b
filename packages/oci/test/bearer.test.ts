import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OciClient } from '../src/client.js';
import { credentialChain } from '../src/credentials.js';
import { bundleArchive, tempDir, uniqueRepo } from './support/bundles.js';
import { startTokenRegistry, type TokenRegistry } from './support/token-registry.js';

const credentials = { username: 'robot', password: 'token-secret' };
const labels = { name: 'svc', version: '1.0.0', pactoVersion: '1.0' };
let server: TokenRegistry;
const clients: OciClient[] = [];
function client(env: NodeJS.ProcessEnv): OciClient {
  const created = new OciClient({ cacheDir: null, credentials: credentialChain({ env, homeDir: tempDir() }) });
  clients.push(created);
  return created;
}
beforeAll(async () => {
  server = await startTokenRegistry(credentials);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server?.stop();
});

const userEnv = () => ({ PACTO_REGISTRY_USERNAME: credentials.username, PACTO_REGISTRY_PASSWORD: credentials.password });

describe('Bearer token registry (oci.md §10.2)', () => {
  it('exchanges Basic credentials for a push,pull token, then a pull-only token for reads', async () => {
    const repo = uniqueRepo();
    const seen = server.tokenRequests.length;
    const pushed = await client(userEnv()).push(`oci://${server.host}/${repo}`, await bundleArchive('svc', '1.0.0'), { labels });
    expect(pushed.status).toBe('pushed');
    const pushTokens = server.tokenRequests.slice(seen);
    expect(pushTokens).toContainEqual({ scopes: [`repository:${repo}:push,pull`], user: credentials.username });
    // One token per scope for the whole push, not one per request.
    expect(pushTokens.filter((t) => t.scopes.includes(`repository:${repo}:push,pull`))).toHaveLength(1);

    const before = server.tokenRequests.length;
    const pulled = await client(userEnv()).pull(`oci://${server.host}/${repo}`);
    expect(pulled.ref).toBe(`${server.host}/${repo}:1.0.0`);
    expect(server.tokenRequests.slice(before)).toEqual([{ scopes: [`repository:${repo}:pull`], user: credentials.username }]);
  });

  it('uses PACTO_REGISTRY_TOKEN as the bearer token without any exchange', async () => {
    const repo = uniqueRepo();
    const token = server.issue([`repository:${repo}:push,pull`]);
    const before = server.tokenRequests.length;
    const pushed = await client({ PACTO_REGISTRY_TOKEN: token }).push(`oci://${server.host}/${repo}`, await bundleArchive('svc', '1.0.0'), { labels });
    expect(pushed.status).toBe('pushed');
    expect(server.tokenRequests.length).toBe(before);
  });

  it('reports a rejected password at the token service as an authentication failure', async () => {
    const repo = uniqueRepo();
    const error = await client({ PACTO_REGISTRY_USERNAME: credentials.username, PACTO_REGISTRY_PASSWORD: 'wrong' })
      .push(`oci://${server.host}/${repo}`, await bundleArchive('svc', '1.0.0'), { labels })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUTH_FAILED', status: 401 });
    expect((error as Error).message).toMatch(
      new RegExp(`^authentication failed for ${server.host}/${repo}:1\\.0\\.0: GET http://127\\.0\\.0\\.1:\\d+/token\\?.*: UNAUTHORIZED: invalid username or password \u2014 run \`pacto login ${server.host}\` or check PACTO_REGISTRY_TOKEN$`),
    );
  });

  it('is refused anonymously: the anonymous token grants nothing', async () => {
    const repo = uniqueRepo();
    const error = await client({}).pull(`oci://${server.host}/${repo}:1.0.0`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUTH_FAILED' });
  });
});
