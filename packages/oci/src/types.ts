/** Media types of the Pacto artifact (oci.md §4). */
export const MEDIA_TYPE_OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const MEDIA_TYPE_DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const MEDIA_TYPE_OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const MEDIA_TYPE_DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const MEDIA_TYPE_CONFIG = 'application/vnd.docker.container.image.v1+json';
export const MEDIA_TYPE_BUNDLE_LAYER = 'application/vnd.pacto.bundle.layer.v1.tar+gzip';

/** `Accept` values for a manifest HEAD (push existence check). */
export const MANIFEST_ACCEPT_HEAD = [MEDIA_TYPE_OCI_MANIFEST, MEDIA_TYPE_DOCKER_MANIFEST];
/** `Accept` values for a manifest GET (oci.md §9.1). */
export const MANIFEST_ACCEPT_GET = [
  MEDIA_TYPE_OCI_MANIFEST,
  MEDIA_TYPE_DOCKER_MANIFEST,
  MEDIA_TYPE_OCI_INDEX,
  MEDIA_TYPE_DOCKER_MANIFEST_LIST,
];

export interface Descriptor {
  readonly mediaType: string;
  readonly size: number;
  readonly digest: string;
}

export interface ImageManifest {
  readonly schemaVersion: number;
  readonly mediaType?: string;
  readonly config: Descriptor;
  readonly layers: readonly Descriptor[];
}

/** The `io.pacto.*` labels of the config blob (oci.md §4.2). */
export interface ArtifactLabels {
  readonly name: string;
  readonly version: string;
  readonly pactoVersion: string;
}

/** A blob ready to upload. */
export interface Blob extends Descriptor {
  readonly bytes: Uint8Array;
}

/** A blob still being hashed: uploaded while its digest is computed (see `RegistryClient.uploadBlob`). */
export interface PendingBlob {
  readonly mediaType: string;
  readonly size: number;
  readonly digest: Promise<string>;
  readonly bytes: Uint8Array;
}

/** The three pieces of a Pacto artifact, byte-exact. */
export interface Artifact {
  readonly manifest: Uint8Array;
  /** `sha256:<hex>` of the manifest bytes: the digest `push` prints. */
  readonly digest: string;
  readonly config: Blob;
  readonly layer: Blob;
}

/**
 * Takes a blob's bytes while they download (e.g. to inflate and parse them meanwhile). `end` is only called once
 * every byte arrived and matched the digest; on a mismatch, a cut connection or a retry the reader is aborted and
 * a fresh one is opened for the next attempt.
 */
export interface BlobReader<T> {
  /** Bytes of the blob, in order; the chunk is not changed afterwards. */
  write(chunk: Uint8Array): void;
  end(): Promise<T>;
  abort(): void;
}

/** Progress of one blob transfer, for progress bars. */
export interface TransferProgress {
  readonly direction: 'upload' | 'download';
  /** The blob's digest; empty for an upload sent while it is still being hashed (`PendingBlob`). */
  readonly digest: string;
  readonly transferred: number;
  readonly total: number;
  /** The registry already had this blob: nothing (more) was sent. */
  readonly present?: boolean;
}

/**
 * Receives what the client does, for `-v` logs: each registry request (method, URL without its query,
 * status, milliseconds), the credential source used, cache hits and misses, blobs already present.
 * Never receives secrets.
 */
export type OciLogger = (message: string, fields: Readonly<Record<string, string | number | undefined>>) => void;

export type ProgressListener = (progress: TransferProgress) => void;
