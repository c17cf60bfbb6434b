import type { Readable } from 'node:stream';

/** Everything on standard input (for `--password-stdin`). */
export async function readStdin(stdin: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * One line from the terminal with echo off (raw mode); from a pipe, the first line as is.
 * Ctrl+C or Ctrl+D on an empty line abort.
 */
export function readPassword(stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown }): Promise<string> {
  return new Promise((resolve, reject) => {
    const raw = Boolean(stdin.isTTY && stdin.setRawMode);
    let buffer = '';
    const finish = (error?: Error): void => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', onError);
      if (raw) stdin.setRawMode?.(false);
      stdin.pause();
      if (error) reject(error);
      else resolve(buffer);
    };
    const onData = (chunk: Buffer | string): void => {
      for (const ch of chunk.toString()) {
        if (ch === '\n' || ch === '\r') return finish();
        if (raw && ch === '\u0003') return finish(new Error('interrupted'));
        if (raw && ch === '\u0004' && buffer === '') return finish(new Error('EOF'));
        if (raw && (ch === '\u007f' || ch === '\b')) buffer = buffer.slice(0, -1);
        else buffer += ch;
      }
    };
    const onEnd = (): void => (buffer === '' ? finish(new Error('EOF')) : finish());
    const onError = (error: Error): void => finish(error);
    if (raw) stdin.setRawMode?.(true);
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.on('error', onError);
    stdin.resume();
  });
}
