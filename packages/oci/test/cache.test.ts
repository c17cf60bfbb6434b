import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { cacheEntryPath, defaultCacheDir, listCachedReferences } from '../src/cache.js';
import { OciClient, type OciClientOptions } from '../src/client.js';
import { credentialChain } from '../src/credentials.js';
import { bundleArchive, tempDir, uniqueRepo } from './support/bundles.js';
import { startFaultProxy } from './support/fault-proxy.js';

const { anonymousRegistry } = inject('registries');
const labels = { name: 'svc', version: '1.0.0', pactoVersion: '1.0' };
const clients: OciClient[] = [];
function client(options: OciClientOptions): OciClient {
  const created = new OciClient({ credentials: credentialChain({ env: {}, homeDir: tempDir() }), ...options });
  clients.push(created);
  return created;
}
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

describe('bundle cache (oci.md §13)', () => {
  it('resolves its directory from PACTO_CACHE_DIR, XDG_CACHE_HOME, then the home directory', () => {
    expect(defaultCacheDir({ PACTO_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' }, '/h')).toBe('/c');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x' }, '/h')).toBe('/x/pacto/oci');
    expect(defaultCacheDir({}, '/h')).toBe('/h/.cache/pacto/oci');
    expect(defaultCacheDir({}, '')).toBeUndefined();
  });

  it('lays entries out as <cache>/<ref with ":" as "/">/bundle.tar.gz', () => {
    expect(cacheEntryPath('/c', 'ghcr.io/acme/svc-pacto:1.0.0')).toBe('/c/ghcr.io/acme/svc-pacto/1.0.0/bundle.tar.gz');
    expect(cacheEntryPath('/c', 'localhost:5000/demo/svc:2.1.0')).toBe('/c/localhost/5000/demo/svc/2.1.0/bundle.tar.gz');
    expect(cacheEntryPath('/c', `ghcr.io/a/b@sha256:${'a'.repeat(64)}`)).toBe(`/c/ghcr.io/a/b@sha256/${'a'.repeat(64)}/bundle.tar.gz`);
    expect(cacheEntryPath('/c', '../../etc')).toBe('/c/_invalid/bundle.tar.gz');
  });

  it('lists the references of the cached bundles, the inverse of the layout', async () => {
    const cacheDir = tempDir();
    const refs = ['ghcr.io/acme/svc-pacto:1.0.0', 'localhost:5000/demo/svc:2.1.0', '127.0.0.1:41234/a/b/c:1.0.0_build.1', `ghcr.io/a/b@sha256:${'a'.repeat(64)}`];
    for (const ref of refs) {
      const path = cacheEntryPath(cacheDir, ref);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, 'x');
    }
    // Not entries: the invalid-key bucket, the code cache, a directory without bundle.tar.gz.
    mkdirSync(join(cacheDir, '_invalid'), { recursive: true });
    writeFileSync(join(cacheDir, '_invalid', 'bundle.tar.gz'), 'x');
    mkdirSync(join(cacheDir, 'ghcr.io', 'empty', '1.0.0'), { recursive: true });
    expect(await listCachedReferences(cacheDir)).toEqual([...refs].sort());
    expect(await listCachedReferences(join(cacheDir, 'missing'))).toEqual([]);
  });

  it('serves a second pull from disk without the registry; --no-cache goes back to the registry', async () => {
    const repo = uniqueRepo();
    const cacheDir = tempDir();
    const proxy = await startFaultProxy(anonymousRegistry, () => 'forward');
    try {
      const ref = `oci://${proxy.host}/${repo}:1.0.0`;
      await client({ cacheDir: null }).push(ref, await bundleArchive('svc', '1.0.0'), { labels });
      const first = await client({ cacheDir }).pull(ref);
      expect(first.source).toBe('registry');
      expect(existsSync(cacheEntryPath(cacheDir, `${proxy.host}/${repo}:1.0.0`))).toBe(true);
      const requests = proxy.seen.length;

      const second = await client({ cacheDir }).pull(ref);
      expect(second.source).toBe('disk');
      expect(proxy.seen.length).toBe(requests);
      expect(second.contents.files).toEqual(first.contents.files);

      const sameProcess = client({ cacheDir });
      await sameProcess.pull(ref);
      expect((await sameProcess.pull(ref)).source).toBe('memory');

      const fresh = await client({ cacheDir, noCache: true }).pull(ref);
      expect(fresh.source).toBe('registry');
      expect(proxy.seen.length).toBeGreaterThan(requests);
    } finally {
      await proxy.close();
    }
  });

  it('detects a corrupted cache entry by its digest and fetches the bundle again', async () => {
    const repo = uniqueRepo();
    const cacheDir = tempDir();
    const ref = `oci://${anonymousRegistry}/${repo}:1.0.0`;
    const archive = await bundleArchive('svc', '1.0.0', { 'docs/readme.md': 'x'.repeat(5000) });
    await client({ cacheDir: null }).push(ref, archive, { labels });
    await client({ cacheDir }).pull(ref);
    const entry = cacheEntryPath(cacheDir, `${anonymousRegistry}/${repo}:1.0.0`);
    const bytes = readFileSync(entry);
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0xff;
    writeFileSync(entry, bytes);

    const again = await client({ cacheDir }).pull(ref);
    expect(again.source).toBe('registry');
    expect(Buffer.from(again.archive).equals(Buffer.from(archive))).toBe(true);
    expect(readFileSync(entry).equals(Buffer.from(archive))).toBe(true);
    expect(readFileSync(join(entry, '..', 'bundle.tar.gz.sha256'), 'utf8')).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect((await client({ cacheDir }).pull(ref)).source).toBe('disk');
  });

  it('treats a readable archive that does not match the recorded digest as a miss', async () => {
    const repo = uniqueRepo();
    const cacheDir = tempDir();
    const ref = `oci://${anonymousRegistry}/${repo}:1.0.0`;
    const archive = await bundleArchive('svc', '1.0.0', { 'data/big.bin': randomBytes(5_000_000) });
    await client({ cacheDir: null }).push(ref, archive, { labels });
    await client({ cacheDir }).pull(ref);
    // A valid bundle of other contents: only the digest check can tell.
    writeFileSync(cacheEntryPath(cacheDir, `${anonymousRegistry}/${repo}:1.0.0`), await bundleArchive('other', '9.9.9', { 'data/big.bin': randomBytes(5_000_000) }));
    const again = await client({ cacheDir }).pull(ref);
    expect(again.source).toBe('registry');
    expect(new TextDecoder().decode(again.contents.files.get('pacto.yaml'))).toContain('name: svc');
    const fromDisk = await client({ cacheDir }).pull(ref);
    expect(fromDisk.source).toBe('disk');
    expect(Buffer.from(fromDisk.archive).equals(Buffer.from(archive))).toBe(true);
  });
});
