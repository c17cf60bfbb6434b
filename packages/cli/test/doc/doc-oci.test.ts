import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runPacto } from '../support/run-pacto.js';
import { useTempDirs } from '../support/temp-dir.js';
import { EXAMPLES_DIR, withoutToday } from './examples.js';

const tempDir = useTempDirs();
const { anonymousRegistry } = inject('registries');

describe('pacto doc oci://', { timeout: 120_000 }, () => {
  it('documents a pushed example exactly like its directory', async () => {
    const home = tempDir();
    const env = { HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache'), DOCKER_CONFIG: join(home, 'docker') };
    const repo = `doc/postgresql-${process.pid}-${Date.now().toString(36)}`;
    const push = await runPacto(['push', `oci://${anonymousRegistry}/${repo}`, '-p', join(EXAMPLES_DIR, 'postgresql')], { env });
    expect(push.stderr).toBe('');
    expect(push.code).toBe(0);

    // Without a tag the highest semantic-version tag is documented.
    const fromRegistry = await runPacto(['doc', `oci://${anonymousRegistry}/${repo}`, '--no-cache'], { env });
    const fromDirectory = await runPacto(['doc', join(EXAMPLES_DIR, 'postgresql')]);
    expect(fromRegistry.stderr).toBe('');
    expect(fromRegistry.code).toBe(0);
    expect(withoutToday(fromRegistry.stdout)).toBe(withoutToday(fromDirectory.stdout));
  });
});
