import { createHash } from 'node:crypto';
import { createGunzip, gunzipSync } from 'node:zlib';
import { OciError } from './error.js';
import {
  MEDIA_TYPE_BUNDLE_LAYER,
  MEDIA_TYPE_CONFIG,
  MEDIA_TYPE_DOCKER_MANIFEST,
  MEDIA_TYPE_DOCKER_MANIFEST_LIST,
  MEDIA_TYPE_OCI_INDEX,
  MEDIA_TYPE_OCI_MANIFEST,
  type Artifact,
  type ArtifactLabels,
  type Blob,
  type Descriptor,
} from './types.js';

const ZERO_TIME = '0001-01-01T00:00:00Z';

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

const DIGEST_STEP = 1024 * 1024;

/**
 * `sha256Digest` in 1 MiB steps with a turn of the event loop between them, so an upload of the same bytes (and
 * other I/O) proceeds while they are hashed.
 */
export async function sha256DigestInSteps(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  for (let offset = 0; offset < bytes.byteLength; offset += DIGEST_STEP) {
    hash.update(bytes.subarray(offset, offset + DIGEST_STEP));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return `sha256:${hash.digest('hex')}`;
}

/** `JSON.stringify` with Go's encoder escapes, so label values serialise as the Go tool's do. */
export function goJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * The config blob of oci.md §4.2 (keys in Go's order); `diffId` is the SHA-256 of the uncompressed tar.
 */
export function buildConfig(labels: ArtifactLabels, diffId: string): Uint8Array {
  const config = {
    architecture: '',
    created: ZERO_TIME,
    history: [{ created: ZERO_TIME }],
    os: '',
    rootfs: { type: 'layers', diff_ids: [diffId] },
    config: {
      Labels: {
        'io.pacto.name': labels.name,
        'io.pacto.pactoVersion': labels.pactoVersion,
        'io.pacto.version': labels.version,
      },
    },
  };
  return new TextEncoder().encode(goJson(config));
}

/** The image manifest of oci.md §4.1, compact, keys in Go's order. */
export function buildManifest(config: Descriptor, layer: Descriptor): Uint8Array {
  const descriptor = (d: Descriptor): Descriptor => ({ mediaType: d.mediaType, size: d.size, digest: d.digest });
  const manifest = { schemaVersion: 2, mediaType: MEDIA_TYPE_OCI_MANIFEST, config: descriptor(config), layers: [descriptor(layer)] };
  return new TextEncoder().encode(goJson(manifest));
}

function blob(mediaType: string, bytes: Uint8Array): Blob {
  return { mediaType, size: bytes.byteLength, digest: sha256Digest(bytes), bytes };
}

/** The config blob of `buildArtifact`, on its own (it can be uploaded before the layer digest is known). */
export function configBlob(labels: ArtifactLabels, diffId: string): Blob {
  return blob(MEDIA_TYPE_CONFIG, buildConfig(labels, diffId));
}

/**
 * `sha256:` of the uncompressed tar (the config's `diff_id`), inflating in zlib's thread pool so the caller can
 * hash the compressed layer meanwhile.
 */
export function computeDiffId(archive: Uint8Array): Promise<string> {
  if (!isGzip(archive)) return Promise.resolve(sha256Digest(archive));
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const inflate = createGunzip({ chunkSize: 1 << 20 });
    inflate.on('data', (chunk: Buffer) => hash.update(chunk));
    inflate.on('end', () => resolve(`sha256:${hash.digest('hex')}`));
    inflate.on('error', (error) => reject(new OciError('BUILD_FAILED', `failed to build OCI image: ${error.message}`, { cause: error })));
    inflate.end(archive);
  });
}

/** Digests already known for an archive, so `buildArtifact` need not compute them again. */
export interface KnownDigests {
  readonly diffId?: string;
  readonly layerDigest?: string;
}

/**
 * Builds the artifact for a bundle archive (the gzip tar of oci.md §3): layer, config with `io.pacto.*` labels,
 * manifest and its digest. Deterministic for given archive bytes.
 */
export function buildArtifact(archive: Uint8Array, labels: ArtifactLabels, known: KnownDigests = {}): Artifact {
  let diffId = known.diffId;
  if (diffId === undefined) {
    try {
      diffId = sha256Digest(isGzip(archive) ? gunzipSync(archive) : archive);
    } catch (error) {
      throw new OciError('BUILD_FAILED', `failed to build OCI image: ${(error as Error).message}`, { cause: error });
    }
  }
  const layer: Blob = { mediaType: MEDIA_TYPE_BUNDLE_LAYER, size: archive.byteLength, digest: known.layerDigest ?? sha256Digest(archive), bytes: archive };
  const config = configBlob(labels, diffId);
  const manifest = buildManifest(config, layer);
  return { manifest, digest: sha256Digest(manifest), config, layer };
}

/**
 * Checks a fetched manifest per oci.md §4.3 and returns its single layer descriptor; failures are
 * `failed to extract bundle: …`.
 */
export function bundleLayerOf(manifestBytes: Uint8Array, contentType: string): Descriptor {
  const fail = (detail: string): OciError => new OciError('EXTRACT_FAILED', `failed to extract bundle: ${detail}`);
  let manifest: { mediaType?: string; layers?: unknown; manifests?: unknown };
  try {
    manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as typeof manifest;
  } catch (error) {
    throw fail(`failed to read manifest: ${(error as Error).message}`);
  }
  const mediaType = manifest.mediaType ?? contentType;
  if (
    mediaType === MEDIA_TYPE_OCI_INDEX ||
    mediaType === MEDIA_TYPE_DOCKER_MANIFEST_LIST ||
    (manifest.manifests !== undefined && manifest.layers === undefined)
  ) {
    throw fail(`expected an image manifest, got ${mediaType || 'an image index'}`);
  }
  if (mediaType && mediaType !== MEDIA_TYPE_OCI_MANIFEST && mediaType !== MEDIA_TYPE_DOCKER_MANIFEST) {
    throw fail(`expected an image manifest, got ${mediaType}`);
  }
  const layers = Array.isArray(manifest.layers) ? (manifest.layers as Descriptor[]) : [];
  if (layers.length === 0) throw fail('image has no layers');
  if (layers.length > 1) throw fail(`expected 1 layer, got ${layers.length}`);
  const layer = layers[0] as Descriptor;
  if (typeof layer.digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(layer.digest) || typeof layer.size !== 'number') {
    throw fail('failed to read layer: invalid layer descriptor');
  }
  return layer;
}
