import { describe, expect, inject, it } from 'vitest';
import { startFaultProxy } from '../../oci/test/support/fault-proxy.js';
import { runPacto } from './support/run-pacto.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();
const { anonymousRegistry } = inject('registries');

describe('a stalled registry (issue 14 §4)', () => {
  it('fails after the idle timeout set by PACTO_HTTP_TIMEOUT with one line and a hint, not after minutes', async () => {
    const proxy = await startFaultProxy(anonymousRegistry, () => 'stall');
    try {
      const home = tempDir();
      const run = await runPacto(['pull', `oci://${proxy.host}/some/repo:1.0.0`, '-o', tempDir()], {
        env: { HOME: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home, DOCKER_CONFIG: home, PACTO_HTTP_TIMEOUT: '200ms' },
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `registry unreachable for ${proxy.host}/some/repo:1.0.0: GET http://${proxy.host}/v2/: no data for 0.2 s\n` +
          'hint: the registry stalled; set PACTO_HTTP_TIMEOUT (e.g. 2m) to wait longer\n',
      );
    } finally {
      await proxy.close();
    }
  }, 60_000);

  it('refuses a PACTO_HTTP_TIMEOUT that is not a duration', async () => {
    const run = await runPacto(['pull', 'oci://127.0.0.1:9/x:1.0.0', '-o', tempDir()], { env: { PACTO_HTTP_TIMEOUT: '-1' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('invalid PACTO_HTTP_TIMEOUT "-1": expected a duration such as 30s, 500ms or 2m\n');
  });
});
