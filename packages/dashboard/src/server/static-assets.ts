import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { PactoError } from '@pacto/schema';

// The built single-page app, read into memory at start. Only the files found there are ever served, by exact
// URL path: there is no path from a request to the file system, so `..` and encoded tricks lead nowhere.

export interface Asset {
  readonly body: Uint8Array;
  readonly type: string;
  /** Content-hashed build output that never changes under its name. */
  readonly immutable: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Every file under `dir` by URL path (`/assets/index-abc.js`); `/` is `index.html`. */
export async function loadAssets(dir: string): Promise<Map<string, Asset>> {
  const assets = new Map<string, Asset>();
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && !entry.name.endsWith('.map')) {
        const url = `/${relative(dir, path).split(sep).join('/')}`;
        assets.set(url, {
          body: await readFile(path),
          type: TYPES[extname(entry.name)] ?? 'application/octet-stream',
          immutable: url.startsWith('/assets/'),
        });
      }
    }
  };
  try {
    await walk(dir);
  } catch (error) {
    throw new PactoError('UI_MISSING', `the dashboard's web app is missing from ${dir}: ${(error as Error).message}`, {
      cause: error,
      hint: 'reinstall @pacto/dashboard, or run `pnpm build` in a source checkout',
    });
  }
  const index = assets.get('/index.html');
  if (!index) throw new PactoError('UI_MISSING', `the dashboard's web app is missing from ${dir}: no index.html`);
  assets.set('/', index);
  return assets;
}
