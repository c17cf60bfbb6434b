import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A `docker-registry` (CNCF distribution) process listening on 127.0.0.1 with its own temp storage. */
export interface RegistryProcess {
  /** `127.0.0.1:<port>`, as written in an `oci://` reference. */
  readonly host: string;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly pid: number;
  readonly storageDir: string;
  /** Credentials accepted by an htpasswd registry. */
  readonly username?: string;
  readonly password?: string;
  /** Kill with SIGKILL (no graceful shutdown) and wait for exit; storage is kept. */
  kill(): Promise<void>;
  /** Stop (SIGTERM) and remove the temp storage. */
  stop(): Promise<void>;
}

export interface StartRegistryOptions {
  /** Protect the registry with htpasswd basic auth for this user. */
  readonly basicAuth?: { readonly username: string; readonly password: string };
  /** Reuse an existing storage directory (to restart a killed registry on the same data). */
  readonly storageDir?: string;
  readonly port?: number;
  /** Extra top-level YAML for the registry config (e.g. an `auth: token:` section). */
  readonly configExtra?: string;
  /** Serve HTTPS with this PEM certificate and key (paths). */
  readonly tls?: { readonly certificate: string; readonly key: string };
}

export const REGISTRY_BINARY = process.env.PACTO_TEST_REGISTRY_BINARY ?? '/usr/bin/docker-registry';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startRegistry(options: StartRegistryOptions = {}): Promise<RegistryProcess> {
  const workDir = mkdtempSync(join(tmpdir(), 'pacto-registry-'));
  const storageDir = options.storageDir ?? join(workDir, 'storage');
  const port = options.port ?? (await freePort());
  const host = `127.0.0.1:${port}`;
  let auth = '';
  if (options.basicAuth) {
    const line = execFileSync('htpasswd', ['-Bbn', options.basicAuth.username, options.basicAuth.password], { encoding: 'utf8' });
    const htpasswdPath = join(workDir, 'htpasswd');
    writeFileSync(htpasswdPath, line.trim() + '\n');
    auth = `auth:\n  htpasswd:\n    realm: pacto-test\n    path: ${htpasswdPath}\n`;
  }
  const configPath = join(workDir, 'config.yml');
  writeFileSync(
    configPath,
    [
      'version: 0.1',
      'log:',
      '  level: error',
      '  accesslog:',
      '    disabled: true',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${storageDir}`,
      '  delete:',
      '    enabled: true',
      '  maintenance:',
      '    uploadpurging:',
      '      enabled: false',
      'http:',
      `  addr: ${host}`,
      ...(options.tls ? ['  tls:', `    certificate: ${options.tls.certificate}`, `    key: ${options.tls.key}`] : []),
      auth,
      options.configExtra ?? '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(REGISTRY_BINARY, ['serve', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pid = child.pid;
  if (pid === undefined) {
    await new Promise((resolve) => setImmediate(resolve));
    throw new Error(`cannot start ${REGISTRY_BINARY} (install the docker-registry package): ${spawnError?.message ?? 'no pid'}`);
  }
  await waitUntilListening(port, child, () => stderr);

  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(pid, 'SIGKILL');
      await exited;
    }
  };
  return {
    host,
    url: `${options.tls ? 'https' : 'http'}://${host}`,
    pid,
    storageDir,
    ...(options.basicAuth ?? {}),
    kill,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        process.kill(pid, 'SIGTERM');
        const timer = setTimeout(() => child.exitCode === null && process.kill(pid, 'SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

async function waitUntilListening(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited with ${child.exitCode}: ${stderr()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`docker-registry did not start listening on 127.0.0.1:${port}: ${stderr()}`);
}
