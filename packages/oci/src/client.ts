import { gzipSync } from 'node:zlib';
import { BUNDLE_LIMITS, createBundleArchiveReader, maxArchiveBytes, readBundleArchive, type BundleArchive, type BundleContents } from '@pacto/bundle';
import { buildArtifact, bundleLayerOf, computeDiffId, configBlob, sha256Digest, sha256DigestInSteps } from './artifact.js';
import { cacheEntryMatches, defaultCacheDir, readCacheEntry, writeCacheEntry } from './cache.js';
import { OciError } from './error.js';
import {
  formatLayoutReference,
  isLayoutReference,
  layoutHasTag,
  parseLayoutReference,
  pullFromLayout,
  pushToLayout,
} from './layout.js';
import { formatReference, isPinned, parseReference, versionToTag, withTag, type Reference } from './reference.js';
import { RegistryClient, type RegistryClientOptions } from './registry.js';
import { selectTag } from './resolve.js';
import { MEDIA_TYPE_BUNDLE_LAYER, MEDIA_TYPE_OCI_MANIFEST, type ArtifactLabels, type Descriptor, type OciLogger, type ProgressListener } from './types.js';

export interface OciClientOptions extends RegistryClientOptions {
  /** Disk cache directory; `null` disables the disk cache; default per oci.md §13.1. */
  readonly cacheDir?: string | null;
  /** `--no-cache`: do not read the disk cache (pulled bundles are still written). */
  readonly noCache?: boolean;
  readonly onProgress?: ProgressListener;
}

export interface PushOptions {
  /** Labels of the config blob; `version` also tags an unpinned reference. */
  readonly labels: ArtifactLabels;
  /** Overwrite an existing tag without checking. */
  readonly force?: boolean;
  /**
   * `sha256:` of the archive's uncompressed tar when the caller has it (`packBundleWithTarDigest`); saves
   * inflating and hashing the archive again. It becomes the config's `diff_id` unchecked.
   */
  readonly tarDigest?: string;
}

export type PushResult =
  | { readonly status: 'pushed'; readonly ref: string; readonly digest: string }
  | { readonly status: 'exists'; readonly ref: string };

export interface PullOptions {
  /** Version range for an unpinned reference (a dependency's `compatibility`). */
  readonly constraint?: string;
}

export interface PulledBundle {
  /** The reference actually fetched, without `oci://` (tag resolved). */
  readonly ref: string;
  /** Manifest digest, when the registry (or layout) was contacted. */
  readonly digest?: string;
  /** The bundle archive bytes (registry layer or cache entry). */
  readonly archive: Uint8Array;
  readonly contents: BundleContents;
  readonly source: 'registry' | 'memory' | 'disk' | 'layout';
}

/** Layers this large are uploaded while they are hashed; smaller ones are hashed first and checked with a HEAD. */
const STREAMED_UPLOAD_MIN_BYTES = 4 * 1024 * 1024;

function extractFailed(error: unknown): OciError {
  return new OciError('EXTRACT_FAILED', `failed to extract bundle: ${(error as Error).message}`, { cause: error });
}

async function readArchive(bytes: Uint8Array): Promise<BundleContents> {
  try {
    return await readBundleArchive(bytes);
  } catch (error) {
    throw extractFailed(error);
  }
}

/** The layer of a bundle can be no larger than the largest archive within the limits; refused before download. */
function checkLayerSize(layer: Descriptor): void {
  const max = maxArchiveBytes(BUNDLE_LIMITS);
  if (!Number.isSafeInteger(layer.size) || layer.size < 0 || layer.size > max) {
    throw new OciError('EXTRACT_FAILED', `failed to extract bundle: failed to read layer: layer size ${layer.size} exceeds the maximum bundle archive size of ${max} bytes`);
  }
}

/**
 * Push and pull of Pacto bundles against registries (`oci://`) and OCI image-layout directories
 * (`oci-layout://`), with the in-memory and disk caches of oci.md §13 for pulls.
 */
export class OciClient {
  readonly registry: RegistryClient;
  private readonly cacheDir: string | undefined;
  private readonly noCache: boolean;
  private readonly onProgress: ProgressListener | undefined;
  private readonly memory = new Map<string, Promise<PulledBundle>>();
  private readonly logger: OciLogger | undefined;

  constructor(options: OciClientOptions = {}) {
    this.registry = new RegistryClient(options);
    this.cacheDir = options.cacheDir === null ? undefined : (options.cacheDir ?? defaultCacheDir(options.env ?? process.env));
    this.noCache = options.noCache ?? false;
    this.onProgress = options.onProgress;
    this.logger = options.logger;
  }

  async close(): Promise<void> {
    await this.registry.close();
  }

  /** The reference `push` writes: `ref` as given, or with `:<version>` appended when it has no tag/digest. */
  finalPushReference(target: string, version: string): string {
    if (isLayoutReference(target)) {
      const layout = parseLayoutReference(target);
      return formatLayoutReference(layout.tag === undefined ? { dir: layout.dir, tag: versionToTag(version) } : layout);
    }
    const text = target.startsWith('oci://') ? target.slice('oci://'.length) : target;
    return isPinned(text) ? formatReference(parseReference(text)) : `${text}:${versionToTag(version)}`;
  }

  /** Pushes a bundle archive (oci.md §7). Without `force`, an existing tag is left alone (`status: 'exists'`). */
  async push(target: string, archive: Uint8Array, options: PushOptions): Promise<PushResult> {
    const finalRef = this.finalPushReference(target, options.labels.version);
    if (isLayoutReference(finalRef)) {
      const artifact = buildArtifact(archive, options.labels, options.tarDigest === undefined ? {} : { diffId: options.tarDigest });
      const layout = parseLayoutReference(finalRef) as { dir: string; tag: string };
      if (!options.force && (await layoutHasTag(layout))) return { status: 'exists', ref: finalRef };
      await pushToLayout(layout, artifact);
      return { status: 'pushed', ref: finalRef, digest: artifact.digest };
    }
    const ref = parseReference(finalRef);
    // The tag check and both digests run at once: inflating for the diff_id runs in zlib's thread pool, hashing
    // on this thread in steps. A large layer is uploaded while it is hashed (its digest goes into the last
    // request), so the registry's receiving and hashing overlap ours.
    const exists = options.force ? Promise.resolve(false) : this.registry.manifestExists(ref, finalRef);
    exists.catch(() => undefined);
    const diffId = options.tarDigest !== undefined ? Promise.resolve(options.tarDigest) : computeDiffId(archive);
    diffId.catch(() => undefined);
    const streamed = archive.byteLength >= STREAMED_UPLOAD_MIN_BYTES;
    const layerDigest = streamed ? sha256DigestInSteps(archive) : Promise.resolve(sha256Digest(archive));
    layerDigest.catch(() => undefined);
    if (await exists) return { status: 'exists', ref: finalRef };
    const progress = this.onProgress === undefined ? {} : { onProgress: this.onProgress };
    const layer = { mediaType: MEDIA_TYPE_BUNDLE_LAYER, size: archive.byteLength, bytes: archive };
    // The config blob (it needs only the diff_id) goes up next to the layer: its round trips hide behind the
    // layer's transfer.
    const uploadLayer = this.registry.uploadBlob(ref, streamed ? { ...layer, digest: layerDigest } : { ...layer, digest: await layerDigest }, { display: finalRef, ...progress });
    const uploadConfig = diffId.then((id) => this.registry.uploadBlob(ref, configBlob(options.labels, id), { display: finalRef }));
    await Promise.all([uploadLayer, uploadConfig]);
    const artifact = buildArtifact(archive, options.labels, { diffId: await diffId, layerDigest: await layerDigest });
    const digest = await this.registry.putManifest(ref, artifact.manifest, MEDIA_TYPE_OCI_MANIFEST, finalRef);
    return { status: 'pushed', ref: finalRef, digest };
  }

  /** The pinned reference for `source`: as is when it has a tag/digest, else the best semver tag (oci.md §8). */
  async resolveReference(source: string, options: PullOptions = {}): Promise<Reference> {
    const ref = parseReference(source);
    if (ref.tag !== undefined || ref.digest !== undefined) return ref;
    const tags = await this.registry.listTags(ref);
    return withTag(ref, selectTag(tags, options.constraint));
  }

  /** Pulls a bundle through the caches (oci.md §9, §13); concurrent pulls of one reference share a request. */
  async pull(source: string, options: PullOptions = {}): Promise<PulledBundle> {
    if (isLayoutReference(source)) {
      const layout = parseLayoutReference(source);
      const { tag, digest, layer, value: contents } = await pullFromLayout(layout, readArchive);
      return { ref: formatLayoutReference({ dir: layout.dir, tag }), digest, archive: layer, contents, source: 'layout' };
    }
    const ref = await this.resolveReference(source, options);
    const key = formatReference(ref);
    const cached = this.memory.get(key);
    if (cached) {
      this.logger?.('bundle cache hit', { ref: key, cache: 'memory' });
      return { ...(await cached), source: 'memory' };
    }
    const pending = this.pullUncached(ref, key);
    pending.catch(() => this.memory.delete(key));
    this.memory.set(key, pending);
    return pending;
  }

  private async pullUncached(ref: Reference, key: string): Promise<PulledBundle> {
    if (this.cacheDir !== undefined && !this.noCache) {
      const entry = await readCacheEntry(this.cacheDir, key);
      if (entry) {
        // Both checks at once; a failure of either is a miss.
        const [contents, matches] = await Promise.all([readArchive(entry.bytes).catch(() => undefined), cacheEntryMatches(entry)]);
        if (contents && matches) {
          this.logger?.('bundle cache hit', { ref: key, cache: 'disk', dir: this.cacheDir });
          return { ref: key, archive: entry.bytes, contents, source: 'disk' };
        }
        this.logger?.('bundle cache entry stale', { ref: key, dir: this.cacheDir });
      } else {
        this.logger?.('bundle cache miss', { ref: key, dir: this.cacheDir });
      }
    } else if (this.noCache) {
      this.logger?.('bundle cache not read (--no-cache)', { ref: key });
    }
    const manifest = await this.registry.getManifest(ref, key);
    const layerDescriptor = bundleLayerOf(manifest.bytes, manifest.mediaType);
    const progress = this.onProgress === undefined ? {} : { onProgress: this.onProgress };
    checkLayerSize(layerDescriptor);
    // Hashing, inflating and tar parsing all run while the layer downloads; the bundle read from it is
    // only taken once the whole blob matched its digest.
    let layer: Buffer;
    let contents: BundleArchive;
    try {
      ({ bytes: layer, value: contents } = await this.registry.readBlob(ref, layerDescriptor, () => createBundleArchiveReader(), { display: key, ...progress }));
    } catch (error) {
      throw error instanceof OciError ? error : extractFailed(error);
    }
    if (this.cacheDir !== undefined) {
      // The verified layer is itself a bundle archive; re-compressing 40 MB would double pull time.
      const gzipped = layer[0] === 0x1f && layer[1] === 0x8b;
      if (gzipped) await writeCacheEntry(this.cacheDir, key, layer, layerDescriptor.digest);
      else await writeCacheEntry(this.cacheDir, key, gzipSync(layer, { level: 1 }));
      this.logger?.('bundle cached', { ref: key, dir: this.cacheDir });
    }
    return { ref: key, digest: manifest.digest, archive: layer, contents, source: 'registry' };
  }
}
