import { request as httpRequest, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { hostName, hostPolicy, isAllowedHost, isAllowedOrigin, refuseForeignRequest } from '../src/http/host-check.js';

describe('host check (DNS rebinding)', () => {
  const loopback = hostPolicy('127.0.0.1');

  it('answers the loopback names with or without a port, in any case', () => {
    for (const host of ['127.0.0.1', '127.0.0.1:8484', 'localhost', 'LOCALHOST:80', '[::1]:8484', '[::1]']) {
      expect(isAllowedHost(host, loopback), host).toBe(true);
    }
  });

  it('refuses any other name, a missing header, and look-alikes', () => {
    for (const host of [undefined, '', 'evil.example', 'evil.example:8484', 'localhost.evil.example', '127.0.0.1.nip.io', '127.0.0.2', 'localhost.']) {
      expect(isAllowedHost(host, loopback), String(host)).toBe(false);
    }
  });

  it('answers the name it was bound to on purpose, and anything when bound to a wildcard address', () => {
    expect(isAllowedHost('docs.lan:8484', hostPolicy('docs.lan'))).toBe(true);
    expect(isAllowedHost('other.lan:8484', hostPolicy('docs.lan'))).toBe(false);
    expect(isAllowedHost('[fe80::1]:8484', hostPolicy('fe80::1'))).toBe(true);
    expect(isAllowedHost('anything.example', hostPolicy('0.0.0.0'))).toBe(true);
    expect(isAllowedHost('anything.example', hostPolicy('::'))).toBe(true);
  });

  it('reads host names out of Host headers', () => {
    expect(hostName('Example.COM:443')).toBe('example.com');
    expect(hostName('[::1]:80')).toBe('[::1]');
    expect(hostName('[::1')).toBe('[::1');
  });

  it('checks Origin: absent or a local http(s) origin', () => {
    expect(isAllowedOrigin(undefined, loopback)).toBe(true);
    expect(isAllowedOrigin('http://localhost:3000', loopback)).toBe(true);
    expect(isAllowedOrigin('https://127.0.0.1', loopback)).toBe(true);
    expect(isAllowedOrigin('http://evil.example', loopback)).toBe(false);
    expect(isAllowedOrigin('null', loopback)).toBe(false);
    expect(isAllowedOrigin('file:///tmp/x.html', loopback)).toBe(false);
  });

  it('answers 403 to a rebound name on a real server and lets local names through', async () => {
    const server = createServer((req, res) => {
      if (refuseForeignRequest(req, res, loopback, { checkOrigin: true })) return;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const get = (headers: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/', headers }, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject).end();
      });
    try {
      expect(await get({ host: `localhost:${port}` })).toEqual({ status: 200, body: 'ok' });
      const rebound = await get({ host: `evil.example:${port}` });
      expect(rebound.status).toBe(403);
      expect(rebound.body).toBe('403 forbidden: this server does not answer to host "evil.example:' + port + '" (it answers to localhost, 127.0.0.1, [::1])\n');
      expect((await get({ host: `127.0.0.1:${port}`, origin: 'http://evil.example' })).status).toBe(403);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
