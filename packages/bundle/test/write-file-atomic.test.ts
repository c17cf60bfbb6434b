import { readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/index.js';
import { tempDir } from './helpers.js';

describe('writeFileAtomic', () => {
  it('replaces a file with the given mode, flushed, leaving no temporary file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'config.json');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, '{"new":true}', { mode: 0o600, sync: true });
    expect(readFileSync(path, 'utf8')).toBe('{"new":true}');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  it('replaces a symlink at the target instead of writing through it', async () => {
    const dir = await tempDir();
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'keep');
    symlinkSync(victim, join(dir, 'config.json'));
    await writeFileAtomic(join(dir, 'config.json'), 'new', { mode: 0o600 });
    expect(readFileSync(victim, 'utf8')).toBe('keep');
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe('new');
  });

  it('fails with one line and leaves nothing when the directory is missing', async () => {
    const path = join(await tempDir(), 'missing', 'config.json');
    await expect(writeFileAtomic(path, 'x')).rejects.toThrow(/^failed to write .*config\.json: no such file or directory$/);
  });
});
