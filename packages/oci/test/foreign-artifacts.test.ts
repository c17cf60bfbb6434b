import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { sha256Digest } from '../src/artifact.js';
import { OciClient } from '../src/client.js';
import { credentialChain } from '../src/credentials.js';
import { parseReference } from '../src/reference.js';
import { MEDIA_TYPE_DOCKER_MANIFEST, MEDIA_TYPE_OCI_INDEX } from '../src/types.js';
import { bundleArchive, CONTRACT, tempDir, uniqueRepo } from './support/bundles.js';

const { anonymousRegistry } = inject('registries');
const clients: OciClient[] = [];
function client(): OciClient {
  const created = new OciClient({ cacheDir: null, credentials: credentialChain({ env: {}, homeDir: tempDir() }) });
  clients.push(created);
  return created;
}
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

/** Uploads raw blobs and a manifest, the way another tool would. */
async function pushRaw(repo: string, tag: string, blobs: Uint8Array[], manifest: object, mediaType: string): Promise<void> {
  const pusher = client();
  const ref = parseReference(`${anonymousRegistry}/${repo}:${tag}`);
  for (const bytes of blobs) {
    await pusher.registry.uploadBlob(ref, { mediaType: 'application/octet-stream', size: bytes.byteLength, digest: sha256Digest(bytes), bytes });
  }
  await pusher.registry.putManifest(ref, new TextEncoder().encode(JSON.stringify(manifest)), mediaType);
}

describe('artifacts written by other tools (oci.md §4.3)', () => {
  it('accepts a Docker v2 manifest whose layer is a plain tar made by tar(1) with ./ prefixes and real mtimes', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pacto.yaml'), CONTRACT('other', '3.1.0'));
    mkdirSync(join(dir, 'interfaces'));
    writeFileSync(join(dir, 'interfaces', 'openapi.yaml'), 'openapi: 3.0.0\n');
    const tar = new Uint8Array(execFileSync('tar', ['-cf', '-', '-C', dir, '.']));
    expect(new TextDecoder().decode(tar.subarray(0, 2))).toBe('./');
    const config = new TextEncoder().encode('{"unknown":true}');
    const manifest = {
      schemaVersion: 2,
      mediaType: MEDIA_TYPE_DOCKER_MANIFEST,
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config.byteLength, digest: sha256Digest(config) },
      layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar', size: tar.byteLength, digest: sha256Digest(tar) }],
    };
    const repo = uniqueRepo();
    await pushRaw(repo, '3.1.0', [tar, config], manifest, MEDIA_TYPE_DOCKER_MANIFEST);
    const pulled = await client().pull(`oci://${anonymousRegistry}/${repo}`);
    expect(pulled.ref).toBe(`${anonymousRegistry}/${repo}:3.1.0`);
    expect(new TextDecoder().decode(pulled.contents.files.get('interfaces/openapi.yaml'))).toBe('openapi: 3.0.0\n');
    expect(new TextDecoder().decode(pulled.contents.files.get('pacto.yaml'))).toBe(CONTRACT('other', '3.1.0'));
  });

  it('refuses a layer announced larger than any bundle archive before downloading it', async () => {
    const archive = await bundleArchive('svc', '1.0.0');
    const config = new TextEncoder().encode('{}');
    const manifest = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', size: config.byteLength, digest: sha256Digest(config) },
      layers: [{ mediaType: 'application/vnd.pacto.bundle.layer.v1.tar+gzip', size: 1e12, digest: sha256Digest(archive) }],
    };
    const repo = uniqueRepo();
    await pushRaw(repo, '1.0.0', [archive, config], manifest, 'application/vnd.oci.image.manifest.v1+json');
    const error = await client().pull(`oci://${anonymousRegistry}/${repo}:1.0.0`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'EXTRACT_FAILED' });
    expect((error as Error).message).toMatch(/^failed to extract bundle: failed to read layer: layer size 1000000000000 exceeds the maximum bundle archive size of \d+ bytes$/);
  });

  it('rejects two layers, no layers and image indexes with "failed to extract bundle"', async () => {
    const archive = await bundleArchive('svc', '1.0.0');
    const config = new TextEncoder().encode('{}');
    const layer = { mediaType: 'application/vnd.pacto.bundle.layer.v1.tar+gzip', size: archive.byteLength, digest: sha256Digest(archive) };
    const configDescriptor = { mediaType: 'application/vnd.oci.image.config.v1+json', size: config.byteLength, digest: sha256Digest(config) };
    const repo = uniqueRepo();
    const oci = 'application/vnd.oci.image.manifest.v1+json';
    await pushRaw(repo, 'two', [archive, config], { schemaVersion: 2, mediaType: oci, config: configDescriptor, layers: [layer, layer] }, oci);
    await pushRaw(repo, 'none', [config], { schemaVersion: 2, mediaType: oci, config: configDescriptor, layers: [] }, oci);
    await expect(client().pull(`oci://${anonymousRegistry}/${repo}:two`)).rejects.toThrow('failed to extract bundle: expected 1 layer, got 2');
    await expect(client().pull(`oci://${anonymousRegistry}/${repo}:none`)).rejects.toThrow('failed to extract bundle: image has no layers');

    const manifestBytes = new TextEncoder().encode(JSON.stringify({ schemaVersion: 2, mediaType: oci, config: configDescriptor, layers: [layer] }));
    const index = { schemaVersion: 2, mediaType: MEDIA_TYPE_OCI_INDEX, manifests: [{ mediaType: oci, size: manifestBytes.byteLength, digest: sha256Digest(manifestBytes) }] };
    await pushRaw(repo, 'one', [archive, config], JSON.parse(new TextDecoder().decode(manifestBytes)), oci);
    await pushRaw(repo, 'index', [], index, MEDIA_TYPE_OCI_INDEX);
    await expect(client().pull(`oci://${anonymousRegistry}/${repo}:index`)).rejects.toThrow(
      `failed to extract bundle: expected an image manifest, got ${MEDIA_TYPE_OCI_INDEX}`,
    );
  });

  it('rejects an artifact whose layer is a hostile archive, naming the archive error', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pacto.yaml'), CONTRACT('evil', '1.0.0'));
    const tar = new Uint8Array(execFileSync('tar', ['-cf', '-', '-C', dir, '--transform', 's,^,../,', 'pacto.yaml']));
    const config = new TextEncoder().encode('{}');
    const repo = uniqueRepo();
    const oci = 'application/vnd.oci.image.manifest.v1+json';
    await pushRaw(repo, '1.0.0', [tar, config], {
      schemaVersion: 2,
      mediaType: oci,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', size: config.byteLength, digest: sha256Digest(config) },
      layers: [{ mediaType: 'application/vnd.pacto.bundle.layer.v1.tar+gzip', size: tar.byteLength, digest: sha256Digest(tar) }],
    }, oci);
    await expect(client().pull(`oci://${anonymousRegistry}/${repo}:1.0.0`)).rejects.toThrow('failed to extract bundle: invalid path in tar: ../pacto.yaml');
  });
});

describe('oci-layout:// target (offline push and pull)', () => {
  it('pushes into an OCI image layout and pulls back the same bytes', async () => {
    const dir = join(tempDir(), 'layout');
    const archive = await bundleArchive('svc', '1.4.0');
    const labels = { name: 'svc', version: '1.4.0', pactoVersion: '1.0' };
    const pushed = await client().push(`oci-layout://${dir}`, archive, { labels });
    expect(pushed).toEqual({ status: 'pushed', ref: `oci-layout://${dir}:1.4.0`, digest: expect.stringMatching(/^sha256:/) });
    expect(JSON.parse(readFileSync(join(dir, 'oci-layout'), 'utf8'))).toEqual({ imageLayoutVersion: '1.0.0' });
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
    expect(index.manifests).toEqual([
      { mediaType: 'application/vnd.oci.image.manifest.v1+json', size: expect.any(Number), digest: pushed.status === 'pushed' ? pushed.digest : '', annotations: { 'org.opencontainers.image.ref.name': '1.4.0' } },
    ]);
    expect(existsSync(join(dir, 'blobs', 'sha256', sha256Digest(archive).slice(7)))).toBe(true);

    expect(await client().push(`oci-layout://${dir}`, archive, { labels })).toEqual({ status: 'exists', ref: `oci-layout://${dir}:1.4.0` });
    await client().push(`oci-layout://${dir}:1.0.0`, await bundleArchive('svc', '1.0.0'), { labels: { ...labels, version: '1.0.0' } });

    const pulled = await client().pull(`oci-layout://${dir}`);
    expect(pulled.ref).toBe(`oci-layout://${dir}:1.4.0`);
    expect(Buffer.from(pulled.archive).equals(Buffer.from(archive))).toBe(true);
    const older = await client().pull(`oci-layout://${dir}:1.0.0`);
    expect(new TextDecoder().decode(older.contents.files.get('pacto.yaml'))).toContain('version: 1.0.0');
  });

  it('refuses a layout layer that does not match its digest, whether or not it still reads as a bundle', async () => {
    const dir = join(tempDir(), 'layout');
    const archive = await bundleArchive('svc', '1.4.0', { 'docs/a.md': 'a'.repeat(200_000) });
    await client().push(`oci-layout://${dir}`, archive, { labels: { name: 'svc', version: '1.4.0', pactoVersion: '1.0' } });
    const blob = join(dir, 'blobs', 'sha256', sha256Digest(archive).slice(7));
    const flipped = Buffer.from(archive);
    flipped[flipped.length >> 1] = (flipped[flipped.length >> 1] ?? 0) ^ 0xff;
    const other = Buffer.from(await bundleArchive('svc', '1.4.0', { 'docs/a.md': 'b'.repeat(200_000) }));
    for (const replacement of [flipped, other]) {
      writeFileSync(blob, replacement);
      const error = await client().pull(`oci-layout://${dir}`).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'DIGEST_MISMATCH', message: `failed to extract bundle: failed to read layer: blob ${sha256Digest(archive)} in ${dir} is corrupted` });
    }
  });

  it('produces the same manifest digest in a layout as in a registry', async () => {
    const dir = join(tempDir(), 'layout');
    const archive = await bundleArchive('svc', '1.0.0');
    const labels = { name: 'svc', version: '1.0.0', pactoVersion: '1.0' };
    const inLayout = await client().push(`oci-layout://${dir}`, archive, { labels });
    const inRegistry = await client().push(`oci://${anonymousRegistry}/${uniqueRepo()}`, archive, { labels });
    expect(inLayout.status === 'pushed' && inLayout.digest).toBe(inRegistry.status === 'pushed' && inRegistry.digest);
  });
});
