export { OciError, isOciError } from './error.js';
export type { OciErrorCode } from './error.js';
export {
  OCI_SCHEME,
  DOCKER_HUB_HOST,
  parseReference,
  formatReference,
  isPinned,
  stripScheme,
  versionToTag,
} from './reference.js';
export type { Reference } from './reference.js';
export { schemePolicy } from './scheme.js';
export type { SchemePolicy } from './scheme.js';
export { credentialChain } from './credentials.js';
export type { Credential, CredentialStore, CredentialChainOptions, CommandRunner, CommandResult } from './credentials.js';
export { pactoCredentialsPath, storeLogin, removeLogin } from './credentials-file.js';
export { Transport } from './transport.js';
export type { TransportOptions } from './transport.js';
export { RegistryClient } from './registry.js';
export type { RegistryClientOptions, FetchedManifest, BlobOptions } from './registry.js';
export { buildArtifact, buildConfig, buildManifest, bundleLayerOf, sha256Digest } from './artifact.js';
export { selectTag } from './resolve.js';
export { defaultCacheDir, cacheEntryPath, listCachedReferences } from './cache.js';
export { OCI_LAYOUT_SCHEME, isLayoutReference, parseLayoutReference } from './layout.js';
export type { LayoutReference } from './layout.js';
export { OciClient } from './client.js';
export type { OciClientOptions, PushOptions, PushResult, PullOptions, PulledBundle } from './client.js';
export { createBundleResolver } from './resolver.js';
export { localReferenceRefusal } from './local-references.js';
export type { BundleResolver, BundleResolverOptions } from './resolver.js';
export {
  MEDIA_TYPE_OCI_MANIFEST,
  MEDIA_TYPE_DOCKER_MANIFEST,
  MEDIA_TYPE_OCI_INDEX,
  MEDIA_TYPE_CONFIG,
  MEDIA_TYPE_BUNDLE_LAYER,
} from './types.js';
export type { Artifact, ArtifactLabels, Blob, BlobReader, Descriptor, ImageManifest, PendingBlob, TransferProgress, ProgressListener, OciLogger } from './types.js';
