import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OciClient } from '../src/client.js';
import { credentialChain } from '../src/credentials.js';
import { bundleArchive, tempDir, uniqueRepo } from './support/bundles.js';
import { startRegistry, type RegistryProcess } from './support/registry-process.js';

const labels = { name: 'svc', version: '1.0.0', pactoVersion: '1.0' };
let registry: RegistryProcess;
let ca: string;
const agents: Agent[] = [];
const clients: OciClient[] = [];
function client(trustCa: boolean): OciClient {
  const transportOptions = trustCa ? { dispatcher: new Agent({ connect: { ca } }), retryDelaysMs: [20, 40] } : { retryDelaysMs: [20, 40] };
  if (transportOptions.dispatcher) agents.push(transportOptions.dispatcher);
  const created = new OciClient({ cacheDir: null, credentials: credentialChain({ env: {}, homeDir: tempDir() }), transportOptions });
  clients.push(created);
  return created;
}

beforeAll(async () => {
  const dir = tempDir();
  const certificate = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', certificate,
    '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { stdio: 'ignore' });
  ca = readFileSync(certificate, 'utf8');
  registry = await startRegistry({ tls: { certificate, key } });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(agents.map((a) => a.close()));
  await registry?.stop();
});

describe('HTTPS registry (oci.md §10.1)', () => {
  it('uses HTTPS first and keeps it when the certificate is trusted', async () => {
    // The port speaks only TLS, so success means every request went over HTTPS.
    const repo = uniqueRepo();
    const pusher = client(true);
    const pushed = await pusher.push(`oci://${registry.host}/${repo}`, await bundleArchive('svc', '1.0.0'), { labels });
    expect(pushed.status).toBe('pushed');
    const pulled = await client(true).pull(`oci://${registry.host}/${repo}`);
    expect(pulled.ref).toBe(`${registry.host}/${repo}:1.0.0`);
  });

  it('never skips certificate verification: an untrusted certificate is not accepted', async () => {
    const error = await client(false).pull(`oci://${registry.host}/${uniqueRepo()}:1.0.0`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNREACHABLE' });
    // HTTPS failed verification, so the loopback fallback spoke plain HTTP to the TLS port and was turned away.
    expect((error as Error).message).toMatch(new RegExp(`^registry unreachable for ${registry.host}/.+:1\\.0\\.0: GET http://${registry.host}/v2/: `));
  });
});
