import { createHash, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { request } from 'undici';
import { packBundleWithTarDigest } from '@pacto/bundle';
import { OciClient } from '../src/client.js';
import { credentialChain } from '../src/credentials.js';
import { parseReference } from '../src/reference.js';
import { MEDIA_TYPE_BUNDLE_LAYER, MEDIA_TYPE_CONFIG, MEDIA_TYPE_OCI_MANIFEST } from '../src/types.js';
import { bundleArchive, bundleFiles, tempDir, uniqueRepo } from './support/bundles.js';
import { startFaultProxy } from './support/fault-proxy.js';

const { anonymousRegistry } = inject('registries');
const clients: OciClient[] = [];
function client(options: ConstructorParameters<typeof OciClient>[0] = {}): OciClient {
  const created = new OciClient({ cacheDir: tempDir(), credentials: credentialChain({ env: {}, homeDir: tempDir() }), ...options });
  clients.push(created);
  return created;
}
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

const labels = (version: string) => ({ name: 'svc', version, pactoVersion: '1.0' });

async function httpGet(url: string, accept?: string) {
  const response = await request(url, accept ? { headers: { accept } } : {});
  return { status: response.statusCode, headers: response.headers, body: Buffer.from(await response.body.arrayBuffer()) };
}

describe('push to a real registry (oci.md §4, §7)', () => {
  it('tags an unpinned reference with the version and prints the registry digest', async () => {
    const repo = uniqueRepo();
    const archive = await bundleArchive('svc', '1.0.0');
    const result = await client().push(`oci://${anonymousRegistry}/${repo}`, archive, { labels: labels('1.0.0') });
    expect(result).toEqual({ status: 'pushed', ref: `${anonymousRegistry}/${repo}:1.0.0`, digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });

    const manifest = await httpGet(`http://${anonymousRegistry}/v2/${repo}/manifests/1.0.0`, MEDIA_TYPE_OCI_MANIFEST);
    expect(manifest.status).toBe(200);
    expect(manifest.headers['docker-content-digest']).toBe(result.status === 'pushed' && result.digest);
    expect(`sha256:${createHash('sha256').update(manifest.body).digest('hex')}`).toBe(result.status === 'pushed' && result.digest);

    const parsed = JSON.parse(manifest.body.toString('utf8'));
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'mediaType', 'config', 'layers']);
    expect(parsed.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(parsed.config.mediaType).toBe('application/vnd.docker.container.image.v1+json');
    expect(parsed.layers).toHaveLength(1);
    expect(parsed.layers[0].mediaType).toBe('application/vnd.pacto.bundle.layer.v1.tar+gzip');
    expect(parsed.layers[0].digest).toBe(`sha256:${createHash('sha256').update(archive).digest('hex')}`);

    const config = await httpGet(`http://${anonymousRegistry}/v2/${repo}/blobs/${parsed.config.digest}`);
    const configText = config.body.toString('utf8');
    expect(configText).toMatch(
      /^\{"architecture":"","created":"0001-01-01T00:00:00Z","history":\[\{"created":"0001-01-01T00:00:00Z"\}\],"os":"","rootfs":\{"type":"layers","diff_ids":\["sha256:[0-9a-f]{64}"\]\},"config":\{"Labels":\{"io.pacto.name":"svc","io.pacto.pactoVersion":"1.0","io.pacto.version":"1.0.0"\}\}\}$/,
    );
    expect(MEDIA_TYPE_CONFIG).toBe(parsed.config.mediaType);
    expect(MEDIA_TYPE_BUNDLE_LAYER).toBe(parsed.layers[0].mediaType);
  });

  it('pushing the same bundle twice gives the same digest; an existing tag is left alone without force', async () => {
    const repo = uniqueRepo();
    const target = `oci://${anonymousRegistry}/${repo}:2.0.0`;
    const first = await client().push(target, await bundleArchive('svc', '2.0.0'), { labels: labels('2.0.0') });
    const again = await client().push(target, await bundleArchive('svc', '2.0.0', { 'docs/x.md': 'changed' }), { labels: labels('2.0.0') });
    expect(again).toEqual({ status: 'exists', ref: `${anonymousRegistry}/${repo}:2.0.0` });
    const unchanged = await httpGet(`http://${anonymousRegistry}/v2/${repo}/manifests/2.0.0`, MEDIA_TYPE_OCI_MANIFEST);
    expect(unchanged.headers['docker-content-digest']).toBe(first.status === 'pushed' && first.digest);

    const forced = await client().push(target, await bundleArchive('svc', '2.0.0', { 'docs/x.md': 'changed' }), { labels: labels('2.0.0'), force: true });
    expect(forced.status).toBe('pushed');
    const replaced = await httpGet(`http://${anonymousRegistry}/v2/${repo}/manifests/2.0.0`, MEDIA_TYPE_OCI_MANIFEST);
    expect(replaced.headers['docker-content-digest']).toBe(forced.status === 'pushed' && forced.digest);
    expect(forced.status === 'pushed' && forced.digest).not.toBe(first.status === 'pushed' && first.digest);

    const identical = await client().push(`oci://${anonymousRegistry}/${repo}:2.0.1`, await bundleArchive('svc', '2.0.0'), { labels: labels('2.0.0') });
    expect(identical.status === 'pushed' && identical.digest).toBe(first.status === 'pushed' && first.digest);
  });

  it('a tar digest from packBundleWithTarDigest gives the same artifact as inflating the archive', async () => {
    const contents = { files: bundleFiles('svc', '3.0.0', { 'data/big.bin': randomBytes(5 * 1024 * 1024) }) };
    const { archive, tarDigest } = await packBundleWithTarDigest(contents);
    const repo = uniqueRepo();
    const computed = await client().push(`oci://${anonymousRegistry}/${repo}:a`, archive, { labels: labels('3.0.0') });
    const given = await client().push(`oci://${anonymousRegistry}/${repo}:b`, archive, { labels: labels('3.0.0'), tarDigest });
    expect(given.status).toBe('pushed');
    expect(given.status === 'pushed' && given.digest).toBe(computed.status === 'pushed' && computed.digest);
  });

  it('maps build metadata "+" to "_" in the automatic tag', async () => {
    const repo = uniqueRepo();
    const result = await client().push(`oci://${anonymousRegistry}/${repo}`, await bundleArchive('svc', '1.0.0+b.7'), { labels: labels('1.0.0+b.7') });
    expect(result.ref).toBe(`${anonymousRegistry}/${repo}:1.0.0_b.7`);
    const pulled = await client().pull(`oci://${anonymousRegistry}/${repo}`);
    expect(pulled.ref).toBe(`${anonymousRegistry}/${repo}:1.0.0_b.7`);
  });

  it('uploads large blobs with chunked PATCH requests', async () => {
    const repo = uniqueRepo();
    const big = randomBytes(300_000);
    const archive = await bundleArchive('svc', '1.0.0', { 'data/big.bin': big });
    const proxy = await startFaultProxy(anonymousRegistry, () => 'forward');
    try {
      const pushed = await client({ chunkSize: 64 * 1024 }).push(`oci://${proxy.host}/${repo}:1.0.0`, archive, { labels: labels('1.0.0') });
      expect(pushed.status).toBe('pushed');
      expect(proxy.seen.filter((line) => line.startsWith('PATCH ')).length).toBe(Math.ceil(archive.length / (64 * 1024)));
    } finally {
      await proxy.close();
    }
    const pulled = await client().pull(`oci://${anonymousRegistry}/${repo}:1.0.0`);
    expect(Buffer.from(pulled.archive).equals(Buffer.from(archive))).toBe(true);
    expect(Buffer.from(pulled.contents.files.get('data/big.bin') ?? []).equals(big)).toBe(true);
  });

  it('uploads a large layer while hashing it: PATCH requests, then the digest in the final PUT', async () => {
    const repo = uniqueRepo();
    const big = randomBytes(5 * 1024 * 1024);
    const archive = await bundleArchive('svc', '1.0.0', { 'data/big.bin': big });
    const layerDigest = `sha256:${createHash('sha256').update(archive).digest('hex')}`;
    const proxy = await startFaultProxy(anonymousRegistry, () => 'forward');
    try {
      const pushed = await client({ chunkSize: 2 * 1024 * 1024 }).push(`oci://${proxy.host}/${repo}:1.0.0`, archive, { labels: labels('1.0.0') });
      expect(pushed.status).toBe('pushed');
      // The config blob goes up at the same time, so only the layer's own requests are in a fixed order.
      const patches = proxy.seen.flatMap((line, index) => (line.startsWith('PATCH ') ? [index] : []));
      expect(patches).toHaveLength(3);
      const put = proxy.seen.findIndex((line) => line.startsWith('PUT ') && line.includes(`digest=${encodeURIComponent(layerDigest)}`));
      expect(put).toBeGreaterThan(patches[2] ?? Infinity);
      expect(proxy.seen.some((line) => line.startsWith(`HEAD /v2/${repo}/blobs/${layerDigest}`))).toBe(true);
    } finally {
      await proxy.close();
    }
    const pulled = await client().pull(`oci://${anonymousRegistry}/${repo}:1.0.0`);
    expect(Buffer.from(pulled.archive).equals(Buffer.from(archive))).toBe(true);
    expect(Buffer.from(pulled.contents.files.get('data/big.bin') ?? []).equals(big)).toBe(true);
  });

  it('drops a streamed upload once the digest shows the registry has the blob', async () => {
    const repo = uniqueRepo();
    const bytes = randomBytes(3 * 1024 * 1024);
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    const ref = parseReference(`${anonymousRegistry}/${repo}`);
    const blob = { mediaType: 'application/octet-stream', size: bytes.length, bytes };
    expect(await client().registry.uploadBlob(ref, { ...blob, digest })).toBe('uploaded');
    const proxy = await startFaultProxy(anonymousRegistry, () => 'forward');
    try {
      const viaProxy = parseReference(`${proxy.host}/${repo}`);
      expect(await client().registry.uploadBlob(viaProxy, { ...blob, digest: Promise.resolve(digest) })).toBe('exists');
      expect(proxy.seen.some((line) => line.startsWith(`HEAD /v2/${repo}/blobs/${digest}`))).toBe(true);
      expect(proxy.seen.filter((line) => line.startsWith('PUT '))).toEqual([]);
    } finally {
      await proxy.close();
    }
    // A blob the registry lacks, whose digest comes late, is completed with it.
    const other = randomBytes(1024 * 1024);
    const otherDigest = `sha256:${createHash('sha256').update(other).digest('hex')}`;
    const late = new Promise<string>((resolve) => setTimeout(() => resolve(otherDigest), 50));
    expect(await client().registry.uploadBlob(ref, { mediaType: 'application/octet-stream', size: other.length, bytes: other, digest: late })).toBe('uploaded');
    expect((await httpGet(`http://${anonymousRegistry}/v2/${repo}/blobs/${otherDigest}`)).body.equals(other)).toBe(true);
  });

  it('skips blobs the registry already has', async () => {
    const repo = uniqueRepo();
    const archive = await bundleArchive('svc', '1.0.0', { 'data/big.bin': randomBytes(50_000) });
    await client().push(`oci://${anonymousRegistry}/${repo}:1.0.0`, archive, { labels: labels('1.0.0') });
    const proxy = await startFaultProxy(anonymousRegistry, () => 'forward');
    try {
      await client().push(`oci://${proxy.host}/${repo}:1.0.1`, archive, { labels: labels('1.0.0') });
      expect(proxy.seen.filter((line) => /^(POST|PATCH|PUT) .*blobs/.test(line))).toEqual([]);
      expect(proxy.seen.filter((line) => line.startsWith('PUT ')).length).toBe(1);
    } finally {
      await proxy.close();
    }
  });
});

describe('pull from a real registry (oci.md §8, §9)', () => {
  it('resolves a missing tag to the highest semver tag and reads the bundle', async () => {
    const repo = uniqueRepo();
    const pusher = client();
    for (const [tag, version] of [['1.0.0', '1.0.0'], ['1.2.0', '1.2.0'], ['latest', '9.9.9']] as const) {
      await pusher.push(`oci://${anonymousRegistry}/${repo}:${tag}`, await bundleArchive('svc', version), { labels: labels(version) });
    }
    const pulled = await client().pull(`oci://${anonymousRegistry}/${repo}`);
    expect(pulled.ref).toBe(`${anonymousRegistry}/${repo}:1.2.0`);
    expect(pulled.source).toBe('registry');
    expect(new TextDecoder().decode(pulled.contents.files.get('pacto.yaml'))).toContain('version: 1.2.0');
    const constrained = await client().pull(`oci://${anonymousRegistry}/${repo}`, { constraint: '~1.0' });
    expect(constrained.ref).toBe(`${anonymousRegistry}/${repo}:1.0.0`);
  });

  it('follows Link headers through every page of the tag list', async () => {
    const repo = uniqueRepo();
    const archive = await bundleArchive('svc', '1.0.0');
    const pusher = client();
    const tags = ['0.9.0', '1.0.0', '1.1.0', 'latest', '2.0.0-rc.1', '1.10.0', 'main'];
    for (const tag of tags) await pusher.push(`oci://${anonymousRegistry}/${repo}:${tag}`, archive, { labels: labels('1.0.0') });
    const proxy = await startFaultProxy(anonymousRegistry, (req) => (req.url?.includes('/tags/list') ? 'paginate-tags' : 'forward'));
    try {
      const paged = client({ tagPageSize: 2 });
      const listed = await paged.registry.listTags(parseReference(`${proxy.host}/${repo}`));
      expect([...listed].sort()).toEqual([...tags].sort());
      expect(proxy.seen.filter((line) => line.includes('/tags/list'))).toHaveLength(4);
      expect((await paged.pull(`oci://${proxy.host}/${repo}`)).ref).toBe(`${proxy.host}/${repo}:2.0.0-rc.1`);
      expect((await paged.pull(`oci://${proxy.host}/${repo}`, { constraint: '^1.0' })).ref).toBe(`${proxy.host}/${repo}:1.10.0`);
      // Tag lists are cached per repository for the process.
      expect(proxy.seen.filter((line) => line.includes('/tags/list'))).toHaveLength(4);
    } finally {
      await proxy.close();
    }
  });

  it('pulls by digest and verifies the manifest bytes', async () => {
    const repo = uniqueRepo();
    const pushed = await client().push(`oci://${anonymousRegistry}/${repo}:1.0.0`, await bundleArchive('svc', '1.0.0'), { labels: labels('1.0.0') });
    const digest = pushed.status === 'pushed' ? pushed.digest : '';
    const pulled = await client().pull(`oci://${anonymousRegistry}/${repo}@${digest}`);
    expect(pulled.digest).toBe(digest);
    expect([...pulled.contents.files.keys()]).toEqual([...bundleFiles('svc', '1.0.0').keys()]);
  });

  it('reports an unknown tag and an unknown repository as not found', async () => {
    const repo = uniqueRepo();
    await client().push(`oci://${anonymousRegistry}/${repo}:1.0.0`, await bundleArchive('svc', '1.0.0'), { labels: labels('1.0.0') });
    await expect(client().pull(`oci://${anonymousRegistry}/${repo}:7.7.7`)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `artifact not found: ${anonymousRegistry}/${repo}:7.7.7`,
    });
    await expect(client().pull(`oci://${anonymousRegistry}/nothing/here`)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `artifact not found: ${anonymousRegistry}/nothing/here`,
    });
  });

  it('reports "no semver tags found" for a repository with only other tags', async () => {
    const repo = uniqueRepo();
    await client().push(`oci://${anonymousRegistry}/${repo}:latest`, await bundleArchive('svc', '1.0.0'), { labels: labels('1.0.0') });
    await expect(client().pull(`oci://${anonymousRegistry}/${repo}`)).rejects.toThrow('no semver tags found');
  });
});
