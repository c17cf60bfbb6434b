import { gzipSync } from 'node:zlib';
import { pack as tarPack, type Header } from 'tar-stream';

export type CraftedEntry = Partial<Header> & { name: string; body?: string | Uint8Array };

/** A tar (gzip unless `plain`) with exactly the given headers, for archives our writer would never produce. */
export async function craftArchive(entries: Iterable<CraftedEntry>, options: { plain?: boolean } = {}): Promise<Uint8Array> {
  const pack = tarPack();
  const chunks: Buffer[] = [];
  const collected = (async () => {
    for await (const chunk of pack) chunks.push(chunk as Buffer);
  })();
  for (const { body, ...header } of entries) {
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error | null) => (error ? reject(error) : resolve());
      if (body !== undefined) pack.entry(header, typeof body === 'string' ? body : Buffer.from(body), done);
      else pack.entry(header, done);
    });
  }
  pack.finalize();
  await collected;
  const tar = Buffer.concat(chunks);
  return new Uint8Array(options.plain ? tar : gzipSync(tar));
}
