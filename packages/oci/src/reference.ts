import { OciError } from './error.js';

export const OCI_SCHEME = 'oci://';
export const DOCKER_HUB_HOST = 'index.docker.io';

/** A parsed registry reference (oci.md §5). */
export interface Reference {
  /** Registry host with port, as used for requests and credential lookup (`index.docker.io` for Docker Hub). */
  readonly registry: string;
  /** Repository path inside the registry (`library/` added for official Docker Hub images). */
  readonly repository: string;
  /** Tag as sent to the registry (`+` already mapped to `_`). */
  readonly tag?: string;
  /** `sha256:<hex>`; decides what is fetched when present. */
  readonly digest?: string;
  /** The name part as typed (`ghcr.io/acme/svc`), kept for display and cache keys. */
  readonly name: string;
}

const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;
const REPOSITORY_PATTERN = /^[a-z0-9_./-]+$/;
const REGISTRY_PATTERN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/;

/** Removes a leading `oci://`. */
export function stripScheme(ref: string): string {
  return ref.startsWith(OCI_SCHEME) ? ref.slice(OCI_SCHEME.length) : ref;
}

/** True when `ref` carries a tag or a digest (oci.md §5.2). */
export function isPinned(ref: string): boolean {
  const text = stripScheme(ref);
  if (text.includes('@')) return true;
  const lastSegment = text.slice(text.lastIndexOf('/') + 1);
  return lastSegment.includes(':');
}

/**
 * OCI tags cannot carry `+`, so semver build metadata is stored as `_` (as Helm and the Go tool do).
 */
export function versionToTag(version: string): string {
  return version.replaceAll('+', '_');
}

/** Parses `[oci://][registry/]repository[:tag][@digest]`; throws `OciError` `INVALID_REFERENCE`. */
export function parseReference(input: string): Reference {
  const text = stripScheme(input);
  const invalid = (detail: string): OciError =>
    new OciError('INVALID_REFERENCE', `invalid reference "${text}": ${detail}`);

  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST_PATTERN.test(digest)) {
      throw invalid(`digest "${digest}" must be sha256: followed by 64 lower-case hex characters`);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0 && !rest.slice(colon + 1).includes('/')) {
    tag = versionToTag(rest.slice(colon + 1));
    rest = rest.slice(0, colon);
    if (!TAG_PATTERN.test(tag)) {
      throw invalid(`tag "${tag}" must be 1 to 128 letters, digits, "_", "." or "-" and not start with "." or "-"`);
    }
  }
  const name = rest;
  if (name === '') throw invalid('repository is empty');

  let registry = DOCKER_HUB_HOST;
  let repository = name;
  const slash = name.indexOf('/');
  if (slash > 0) {
    const first = name.slice(0, slash);
    if (first.includes('.') || first.includes(':')) {
      registry = first === 'docker.io' ? DOCKER_HUB_HOST : first;
      repository = name.slice(slash + 1);
    }
  }
  if (!REGISTRY_PATTERN.test(registry)) throw invalid(`registry "${registry}" is not a valid host[:port]`);
  if (repository.length < 2 || repository.length > 255) {
    throw new OciError('INVALID_REFERENCE', `invalid repository "${repository}": must be 2 to 255 characters`);
  }
  if (!REPOSITORY_PATTERN.test(repository) || repository.split('/').some((part) => part === '')) {
    throw new OciError(
      'INVALID_REFERENCE',
      `invalid repository "${repository}": must contain only lower-case letters, digits, ".", "_", "-" and "/"`,
    );
  }
  if (registry === DOCKER_HUB_HOST && !repository.includes('/')) repository = `library/${repository}`;
  return {
    registry,
    repository,
    name,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
  };
}

/** Display form (oci.md §5.3): the name as typed plus the tag and/or digest, without `oci://`. */
export function formatReference(ref: Reference): string {
  return `${ref.name}${ref.tag === undefined ? '' : `:${ref.tag}`}${ref.digest === undefined ? '' : `@${ref.digest}`}`;
}

/** The same reference with `tag` set (digest dropped). */
export function withTag(ref: Reference, tag: string): Reference {
  return { registry: ref.registry, repository: ref.repository, name: ref.name, tag: versionToTag(tag) };
}

/** What to put in `/v2/<repo>/manifests/<here>`: the digest when present, else the tag, else `latest`. */
export function manifestIdentifier(ref: Reference): string {
  return ref.digest ?? ref.tag ?? 'latest';
}
