// A throwaway docker-registry for benchmarks (the tests have their own in packages/oci/test/support).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const REGISTRY_BINARY = process.env.PACTO_TEST_REGISTRY_BINARY ?? '/usr/bin/docker-registry';

/** A port nobody listens on right now. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a registry storing into `workDir`; resolves with `{ host, child }` once it answers. Stop it by `child.pid`. */
export async function startRegistry(workDir) {
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const config = join(workDir, 'config.yml');
  writeFileSync(
    config,
    `version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${join(workDir, 'storage')}\nhttp:\n  addr: ${host}\n`,
  );
  const child = spawn(REGISTRY_BINARY, ['serve', config], { stdio: 'ignore' });
  for (let i = 0; i < 300; i++) {
    try {
      const response = await fetch(`http://${host}/v2/`);
      await response.arrayBuffer();
      if (response.ok) return { host, child };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`${REGISTRY_BINARY} did not start`);
}
