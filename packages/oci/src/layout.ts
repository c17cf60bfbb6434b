import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleLayerOf, sha256Digest, sha256DigestInSteps } from './artifact.js';
import { OciError } from './error.js';
import { selectTag } from './resolve.js';
import { MEDIA_TYPE_OCI_MANIFEST, type Artifact, type Descriptor } from './types.js';

export const OCI_LAYOUT_SCHEME = 'oci-layout://';
const REF_NAME = 'org.opencontainers.image.ref.name';

/** `oci-layout://<dir>[:<tag>]`: an OCI image-layout directory, for offline push and pull. */
export interface LayoutReference {
  readonly dir: string;
  readonly tag?: string;
}

export function isLayoutReference(ref: string): boolean {
  return ref.startsWith(OCI_LAYOUT_SCHEME);
}

export function parseLayoutReference(ref: string): LayoutReference {
  const text = ref.slice(OCI_LAYOUT_SCHEME.length);
  const colon = text.lastIndexOf(':');
  if (colon > 0 && !text.slice(colon + 1).includes('/')) {
    const tag = text.slice(colon + 1).replaceAll('+', '_');
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag)) {
      throw new OciError('INVALID_REFERENCE', `invalid reference "${text}": invalid tag "${tag}"`);
    }
    return { dir: text.slice(0, colon), tag };
  }
  if (text === '') throw new OciError('INVALID_REFERENCE', `invalid reference "${text}": directory is empty`);
  return { dir: text };
}

export function formatLayoutReference(ref: LayoutReference): string {
  return `${OCI_LAYOUT_SCHEME}${ref.dir}${ref.tag === undefined ? '' : `:${ref.tag}`}`;
}

interface LayoutIndex {
  schemaVersion: number;
  mediaType?: string;
  manifests: (Descriptor & { annotations?: Record<string, string> })[];
}

async function readIndex(dir: string): Promise<LayoutIndex | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as LayoutIndex;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new OciError('EXTRACT_FAILED', `failed to read ${join(dir, 'index.json')}: ${(error as Error).message}`, { cause: error });
  }
}

function blobPath(dir: string, digest: string): string {
  return join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length));
}

async function writeAtomically(path: string, bytes: Uint8Array | string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, path);
}

function taggedEntry(index: LayoutIndex | undefined, tag: string): Descriptor | undefined {
  return index?.manifests.find((m) => m.annotations?.[REF_NAME] === tag);
}

export function layoutTags(index: LayoutIndex | undefined): string[] {
  return (index?.manifests ?? []).map((m) => m.annotations?.[REF_NAME]).filter((t): t is string => t !== undefined);
}

/** Does the layout already have `tag`? */
export async function layoutHasTag(ref: LayoutReference & { tag: string }): Promise<boolean> {
  return taggedEntry(await readIndex(ref.dir), ref.tag) !== undefined;
}

/** Writes the artifact into the layout (creating it) and points `tag` at it, replacing an older entry. */
export async function pushToLayout(ref: LayoutReference & { tag: string }, artifact: Artifact): Promise<void> {
  await mkdir(join(ref.dir, 'blobs', 'sha256'), { recursive: true });
  await writeAtomically(join(ref.dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  for (const blob of [artifact.layer, artifact.config]) await writeAtomically(blobPath(ref.dir, blob.digest), blob.bytes);
  await writeAtomically(blobPath(ref.dir, artifact.digest), artifact.manifest);
  const index: LayoutIndex = (await readIndex(ref.dir)) ?? { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [] };
  index.manifests = index.manifests.filter((m) => m.annotations?.[REF_NAME] !== ref.tag);
  index.manifests.push({
    mediaType: MEDIA_TYPE_OCI_MANIFEST,
    size: artifact.manifest.byteLength,
    digest: artifact.digest,
    annotations: { [REF_NAME]: ref.tag },
  });
  await writeAtomically(join(ref.dir, 'index.json'), JSON.stringify(index, null, 2));
}

async function readBlobFile(dir: string, descriptor: Descriptor): Promise<Buffer> {
  try {
    return await readFile(blobPath(dir, descriptor.digest));
  } catch (error) {
    throw new OciError('NOT_FOUND', `artifact not found: blob ${descriptor.digest} in ${dir}`, { cause: error });
  }
}

function corrupted(dir: string, descriptor: Descriptor): OciError {
  return new OciError('DIGEST_MISMATCH', `failed to extract bundle: failed to read layer: blob ${descriptor.digest} in ${dir} is corrupted`);
}

async function readVerifiedBlob(dir: string, descriptor: Descriptor): Promise<Buffer> {
  const bytes = await readBlobFile(dir, descriptor);
  if (sha256Digest(bytes) !== descriptor.digest || bytes.byteLength !== descriptor.size) throw corrupted(dir, descriptor);
  return bytes;
}

/**
 * Reads the layer for `tag` (the highest semver tag when absent) and hands it to `read` while it is hashed (in
 * steps, so zlib inflates meanwhile); `read`'s result is returned only once the layer matched its digest, and a
 * mismatch is reported before any error of `read`. Returns the tag used and the manifest digest.
 */
export async function pullFromLayout<T>(
  ref: LayoutReference,
  read: (layer: Buffer) => Promise<T>,
): Promise<{ tag: string; digest: string; layer: Buffer; value: T }> {
  const index = await readIndex(ref.dir);
  if (!index) throw new OciError('NOT_FOUND', `artifact not found: ${formatLayoutReference(ref)}`);
  const tag = ref.tag ?? selectTag(layoutTags(index));
  const entry = taggedEntry(index, tag);
  if (!entry) throw new OciError('NOT_FOUND', `artifact not found: ${formatLayoutReference({ dir: ref.dir, tag })}`);
  const manifest = await readVerifiedBlob(ref.dir, entry);
  const descriptor = bundleLayerOf(manifest, entry.mediaType);
  const layer = await readBlobFile(ref.dir, descriptor);
  const [digest, value] = await Promise.allSettled([sha256DigestInSteps(layer), read(layer)]);
  if (digest.status === 'rejected' || digest.value !== descriptor.digest || layer.byteLength !== descriptor.size) throw corrupted(ref.dir, descriptor);
  if (value.status === 'rejected') throw value.reason;
  return { tag, digest: entry.digest, layer, value: value.value };
}
