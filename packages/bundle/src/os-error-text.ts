// The reason of a file-system failure in plain words, from Node's errno codes instead of Node's
// `ENOENT: no such file or directory, stat 'x'` wording. Callers already say what failed on which path
// (`failed to access <dir>: `), so the Go tool's repeated `stat <dir>:` is left out (docs/decisions.md).
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EEXIST: 'file exists',
  ENOSPC: 'no space left on device',
  EROFS: 'read-only file system',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** `no such file or directory` from a Node fs error. */
export function osErrorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
}
