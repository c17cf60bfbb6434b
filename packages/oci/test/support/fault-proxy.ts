import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

/** What to do with one request before (or instead of) forwarding it to the real registry. */
export type Fault = 'forward' | 'status-503' | 'cut-body' | 'flip-byte' | 'paginate-tags' | 'stall' | 'stall-body';

/**
 * An in-process HTTP proxy in front of a real registry, for the faults a registry process cannot be made to
 * show on demand: a 503 answer, a response cut off in the middle of its body, a corrupted body, and tag-list
 * pagination (`n`/`last` + `Link`, which distribution 2.8 only implements for the catalog), and a registry that
 * stalls: `stall` never answers, `stall-body` sends the headers and half the body, then nothing.
 */
export interface FaultProxy {
  /** `127.0.0.1:<port>` */
  readonly host: string;
  /** Requests seen, as `METHOD path`. */
  readonly seen: string[];
  close(): Promise<void>;
}

export async function startFaultProxy(target: string, decide: (req: IncomingMessage, index: number) => Fault): Promise<FaultProxy> {
  const seen: string[] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const index = seen.push(`${req.method} ${req.url}`) - 1;
    const fault = decide(req, index);
    if (fault === 'stall') {
      req.resume();
      return;
    }
    if (fault === 'status-503') {
      req.resume();
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end('{"errors":[{"code":"UNAVAILABLE","message":"try again"}]}');
      return;
    }
    const headers = { ...req.headers, host: target };
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const upstream = await request(`http://${target}${req.url}`, {
      method: req.method as 'GET',
      headers,
      body: hasBody ? req : null,
    });
    const outHeaders: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(upstream.headers)) {
      if (value === undefined) continue;
      // Locations point at the proxy, so retried and chunked requests come back through it.
      outHeaders[key] = key === 'location' && typeof value === 'string' ? value.replace(target, host) : value;
    }
    if (fault === 'paginate-tags' && upstream.statusCode === 200) {
      const body = JSON.parse(Buffer.from(await upstream.body.arrayBuffer()).toString('utf8')) as { name: string; tags: string[] };
      const url = new URL(req.url ?? '/', 'http://proxy');
      const n = Number(url.searchParams.get('n') ?? '1000');
      const last = url.searchParams.get('last');
      const sorted = [...body.tags].sort();
      const start = last === null ? 0 : sorted.indexOf(last) + 1;
      const page = sorted.slice(start, start + n);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (start + n < sorted.length) headers.link = `</v2/${body.name}/tags/list?n=${n}&last=${encodeURIComponent(page[page.length - 1] ?? '')}>; rel="next"`;
      res.writeHead(200, headers);
      res.end(JSON.stringify({ name: body.name, tags: page }));
      return;
    }
    res.writeHead(upstream.statusCode, outHeaders);
    if (fault === 'stall-body') {
      const body = Buffer.from(await upstream.body.arrayBuffer());
      res.write(body.subarray(0, Math.floor(body.length / 2)));
      return;
    }
    if (fault === 'cut-body') {
      const body = Buffer.from(await upstream.body.arrayBuffer());
      res.write(body.subarray(0, Math.floor(body.length / 2)));
      res.socket?.destroy();
      return;
    }
    if (fault === 'flip-byte') {
      const body = Buffer.from(await upstream.body.arrayBuffer());
      if (body.length > 0) body[body.length >> 1] = (body[body.length >> 1] ?? 0) ^ 0xff;
      res.end(body);
      return;
    }
    for await (const chunk of upstream.body) res.write(chunk);
    res.end();
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.socket?.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
