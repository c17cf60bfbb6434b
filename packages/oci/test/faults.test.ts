import { existsSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { cacheEntryPath } from '../src/cache.js';
import { request } from 'undici';
import { OciClient, type OciClientOptions } from '../src/client.js';
import { credentialChain } from '../src/credentials.js';
import { parseReference } from '../src/reference.js';
import { bundleArchive, largeFiles, tempDir, uniqueRepo } from './support/bundles.js';
import { startFaultProxy } from './support/fault-proxy.js';
import { startRegistry } from './support/registry-process.js';

const { anonymousRegistry } = inject('registries');
const labels = { name: 'svc', version: '1.0.0', pactoVersion: '1.0' };
const clients: OciClient[] = [];
function client(options: OciClientOptions = {}): OciClient {
  const created = new OciClient({
    cacheDir: null,
    credentials: credentialChain({ env: {}, homeDir: tempDir() }),
    transportOptions: { retryDelaysMs: [50, 150] },
    ...options,
  });
  clients.push(created);
  return created;
}
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

describe('transient faults (oci.md §10.3)', () => {
  it('retries a registry that answers 503 twice, then succeeds', async () => {
    let failures = 0;
    const proxy = await startFaultProxy(anonymousRegistry, (req) => {
      if (req.method === 'PUT' && req.url?.includes('/manifests/') && failures < 2) {
        failures += 1;
        return 'status-503';
      }
      return 'forward';
    });
    try {
      const repo = uniqueRepo();
      const pushed = await client().push(`oci://${proxy.host}/${repo}`, await bundleArchive('svc', '1.0.0'), { labels });
      expect(pushed.status).toBe('pushed');
      expect(proxy.seen.filter((line) => line.startsWith('PUT ') && line.includes('/manifests/'))).toHaveLength(3);
      const check = await request(`http://${anonymousRegistry}/v2/${repo}/manifests/1.0.0`, { method: 'HEAD', headers: { accept: 'application/vnd.oci.image.manifest.v1+json' } });
      expect(check.statusCode).toBe(200);
    } finally {
      await proxy.close();
    }
  });

  it('gives up after three attempts with "registry unreachable"', async () => {
    const proxy = await startFaultProxy(anonymousRegistry, (req) => (req.url?.includes('/tags/list') ? 'status-503' : 'forward'));
    try {
      const error = await client().pull(`oci://${proxy.host}/some/repo`).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'UNREACHABLE', status: 503 });
      expect((error as Error).message).toBe(
        `registry unreachable for ${proxy.host}/some/repo: GET http://${proxy.host}/v2/some/repo/tags/list?n=1000: UNAVAILABLE: try again`,
      );
      expect(proxy.seen.filter((line) => line.includes('/tags/list'))).toHaveLength(3);
    } finally {
      await proxy.close();
    }
  });

  it.each(['stall', 'stall-body'] as const)(
    'a registry that %s fails after the idle timeout of PACTO_HTTP_TIMEOUT on each attempt, with one line and a hint',
    async (fault) => {
      const repo = uniqueRepo();
      await client().push(`oci://${anonymousRegistry}/${repo}`, await bundleArchive('svc', '1.0.0'), { labels });
      const proxy = await startFaultProxy(anonymousRegistry, (req) => (req.method === 'GET' && req.url?.includes('/blobs/') ? fault : 'forward'));
      try {
        const error = await client({ env: { PACTO_HTTP_TIMEOUT: '300ms' } })
          .pull(`oci://${proxy.host}/${repo}:1.0.0`)
          .catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'UNREACHABLE', hint: 'the registry stalled; set PACTO_HTTP_TIMEOUT (e.g. 2m) to wait longer' });
        expect((error as Error).message).toMatch(
          new RegExp(`^registry unreachable for ${proxy.host}/${repo}:1\\.0\\.0: GET http://${proxy.host}/v2/${repo}/blobs/sha256:[0-9a-f]{64}: no data for 0\\.3 s$`),
        );
        expect(proxy.seen.filter((line) => line.startsWith('GET ') && line.includes('/blobs/'))).toHaveLength(3);
      } finally {
        await proxy.close();
      }
    },
    30_000,
  );

  it('refuses a PACTO_HTTP_TIMEOUT that is not a duration', () => {
    expect(() => client({ env: { PACTO_HTTP_TIMEOUT: 'soon' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_TIMEOUT', message: 'invalid PACTO_HTTP_TIMEOUT "soon": expected a duration such as 30s, 500ms or 2m' }),
    );
  });

  it('retries a blob download cut off mid-body, and verifies what it finally gets', async () => {
    const repo = uniqueRepo();
    const archive = await bundleArchive('svc', '1.0.0', largeFiles(1, 2_000_000));
    await client().push(`oci://${anonymousRegistry}/${repo}:1.0.0`, archive, { labels });
    let cuts = 0;
    const proxy = await startFaultProxy(anonymousRegistry, (req) => {
      if (req.method === 'GET' && req.url?.includes('/blobs/') && cuts < 1) {
        cuts += 1;
        return 'cut-body';
      }
      return 'forward';
    });
    try {
      const pulled = await client().pull(`oci://${proxy.host}/${repo}:1.0.0`);
      expect(Buffer.from(pulled.archive).equals(Buffer.from(archive))).toBe(true);
      expect(proxy.seen.filter((line) => line.startsWith('GET ') && line.includes('/blobs/'))).toHaveLength(2);
    } finally {
      await proxy.close();
    }
  });

  it('fails clearly when every download is cut', async () => {
    const repo = uniqueRepo();
    await client().push(`oci://${anonymousRegistry}/${repo}:1.0.0`, await bundleArchive('svc', '1.0.0', largeFiles(1, 1_000_000)), { labels });
    const proxy = await startFaultProxy(anonymousRegistry, (req) => (req.url?.includes('/blobs/') ? 'cut-body' : 'forward'));
    try {
      const error = await client().pull(`oci://${proxy.host}/${repo}:1.0.0`).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'UNREACHABLE' });
      expect((error as Error).message).toMatch(new RegExp(`^registry unreachable for ${proxy.host}/${repo}:1\\.0\\.0: GET http://`));
    } finally {
      await proxy.close();
    }
  });

  it('verifies every downloaded blob against its digest', async () => {
    const repo = uniqueRepo();
    const archive = await bundleArchive('svc', '1.0.0');
    await client().push(`oci://${anonymousRegistry}/${repo}:1.0.0`, archive, { labels });
    const proxy = await startFaultProxy(anonymousRegistry, (req) => (req.url?.includes('/blobs/') ? 'flip-byte' : 'forward'));
    try {
      const error = await client().pull(`oci://${proxy.host}/${repo}:1.0.0`).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'DIGEST_MISMATCH' });
      expect((error as Error).message).toMatch(/^failed to extract bundle: failed to read layer: blob sha256:[0-9a-f]{64} \(\d+ bytes\) does not match the downloaded content \(sha256:[0-9a-f]{64}, \d+ bytes\)$/);
    } finally {
      await proxy.close();
    }
  });

  it('a corrupted download of a large bundle, read while it streams, is refused and writes nothing', async () => {
    const repo = uniqueRepo();
    const archive = await bundleArchive('svc', '1.0.0', largeFiles(1, 5_000_000));
    await client().push(`oci://${anonymousRegistry}/${repo}:1.0.0`, archive, { labels });
    const proxy = await startFaultProxy(anonymousRegistry, (req) => (req.url?.includes('/blobs/') ? 'flip-byte' : 'forward'));
    const cacheDir = tempDir();
    try {
      const ref = `${proxy.host}/${repo}:1.0.0`;
      const error = await client({ cacheDir }).pull(`oci://${ref}`).catch((e: unknown) => e);
      // The flipped byte also breaks the gzip stream the reader was inflating: the digest is still what is reported.
      expect(error).toMatchObject({ code: 'DIGEST_MISMATCH' });
      expect(existsSync(cacheEntryPath(cacheDir, ref))).toBe(false);
      expect(readdirSync(cacheDir)).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('reports a stopped registry as unreachable', async () => {
    const registry = await startRegistry();
    await registry.stop();
    const error = await client().pull(`oci://${registry.host}/gone/repo:1.0.0`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNREACHABLE' });
    expect((error as Error).message).toMatch(new RegExp(`^registry unreachable for ${registry.host}/gone/repo:1\\.0\\.0: GET http://${registry.host}/v2/: .*ECONNREFUSED`));
  });

  it('registry process killed in the middle of a 40 MB push: clear error, and no tag afterwards', async () => {
    const registry = await startRegistry();
    const repo = uniqueRepo();
    const archive = await bundleArchive('svc', '1.0.0', largeFiles());
    let killed: Promise<void> | undefined;
    const pusher = client({
      onProgress: (progress) => {
        if (progress.direction === 'upload' && progress.transferred > 8_000_000 && !killed) killed = registry.kill();
      },
    });
    try {
      const error = await pusher.push(`oci://${registry.host}/${repo}`, archive, { labels }).catch((e: unknown) => e);
      await killed;
      expect(killed).toBeDefined();
      expect(error).toMatchObject({ code: 'UNREACHABLE' });
      expect((error as Error).message).toMatch(new RegExp(`^registry unreachable for ${registry.host}/${repo}:1\\.0\\.0: `));
      expect((error as Error).message).not.toContain('\n');

      const restarted = await startRegistry({ storageDir: registry.storageDir });
      try {
        const tags = await request(`http://${restarted.host}/v2/${repo}/tags/list`);
        expect(tags.statusCode).toBe(404);
        await tags.body.dump();
        const checker = client();
        expect(await checker.registry.manifestExists(parseReference(`${restarted.host}/${repo}:1.0.0`))).toBe(false);
      } finally {
        await restarted.stop();
      }
    } finally {
      await registry.stop();
    }
  });
});
