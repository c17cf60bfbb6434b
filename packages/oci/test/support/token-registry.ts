import { execFileSync } from 'node:child_process';
import { createPrivateKey, randomUUID, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistry, type RegistryProcess } from './registry-process.js';

/**
 * A real `docker-registry` in token-auth mode (as ghcr.io and Docker Hub work) plus the small token service it
 * trusts: it checks Basic credentials and issues ES256 JWTs signed with a throw-away certificate, granting exactly
 * the requested scopes. Distribution ships no token server, so this one is part of the test set-up.
 */
export interface TokenRegistry {
  readonly registry: RegistryProcess;
  readonly host: string;
  readonly service: string;
  /** Token requests seen: the `scope` parameters and whether Basic credentials came with them. */
  readonly tokenRequests: { scopes: string[]; user: string | undefined }[];
  /** Issues a token directly (for `PACTO_REGISTRY_TOKEN`). */
  issue(scopes: readonly string[]): string;
  stop(): Promise<void>;
}

const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

export async function startTokenRegistry(credentials: { username: string; password: string }): Promise<TokenRegistry> {
  const workDir = mkdtempSync(join(tmpdir(), 'pacto-token-'));
  const keyPath = join(workDir, 'key.pem');
  const certPath = join(workDir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', keyPath, '-out', certPath, '-days', '2', '-subj', '/CN=pacto-test-token-issuer',
  ], { stdio: 'ignore' });
  const key: KeyObject = createPrivateKey(readFileSync(keyPath));
  const certDer = new X509Certificate(readFileSync(certPath)).raw.toString('base64');
  const service = 'pacto-test-registry';
  const issuer = 'pacto-test-issuer';

  const issue = (scopes: readonly string[], subject = credentials.username): string => {
    const access = scopes.map((scope) => {
      const [type = '', ...rest] = scope.split(':');
      const actions = rest.pop() ?? '';
      return { type, name: rest.join(':'), actions: actions.split(',').filter(Boolean) };
    });
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'ES256', x5c: [certDer] }));
    const claims = base64url(JSON.stringify({ iss: issuer, sub: subject, aud: service, exp: now + 600, nbf: now - 10, iat: now, jti: randomUUID(), access }));
    const signature = sign('sha256', Buffer.from(`${header}.${claims}`), { key, dsaEncoding: 'ieee-p1363' });
    return `${header}.${claims}.${base64url(signature)}`;
  };

  const tokenRequests: { scopes: string[]; user: string | undefined }[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://token');
    const scopes = url.searchParams.getAll('scope').flatMap((s) => s.split(' ')).filter(Boolean);
    const authorization = req.headers.authorization ?? '';
    const decoded = authorization.startsWith('Basic ') ? Buffer.from(authorization.slice(6), 'base64').toString('utf8') : undefined;
    tokenRequests.push({ scopes, user: decoded?.split(':')[0] });
    if (decoded !== undefined && decoded !== `${credentials.username}:${credentials.password}`) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"errors":[{"code":"UNAUTHORIZED","message":"invalid username or password"}]}');
      return;
    }
    // Anonymous callers get a token without any access, as public registries do for private repositories.
    const token = issue(decoded === undefined ? [] : scopes, decoded === undefined ? '' : credentials.username);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ token, expires_in: 600 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const realm = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
  const configExtra = `auth:\n  token:\n    realm: ${realm}\n    service: ${service}\n    issuer: ${issuer}\n    rootcertbundle: ${certPath}\n`;
  let registry: RegistryProcess;
  try {
    registry = await startRegistry({ configExtra });
  } catch (error) {
    server.close();
    throw error;
  }
  return {
    registry,
    host: registry.host,
    service,
    tokenRequests,
    issue: (scopes) => issue(scopes),
    stop: async () => {
      await registry.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
