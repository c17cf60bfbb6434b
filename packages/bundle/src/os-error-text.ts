// Go renders OS errors as `<op> <path>: <reason>`; the spec quotes that shape (cli.md §3.1), so we
// reproduce it from Node's errno codes instead of showing Node's `ENOENT: ...` wording.
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

/** `stat foo: no such file or directory` from a Node fs error. */
export function osErrorText(op: string, path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = (code && REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
  return `${op} ${path}: ${reason}`;
}
