// Push and pull of a 40 MB bundle (four 10 MB random files) through @pacto/oci, next to a plain curl
// upload/download of the same bytes to the same local docker-registry. Goal: pacto <= 1.3x curl.
// Run after `pnpm build` (it imports the built packages): node packages/oci/bench/push-pull.mjs
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packBundleWithTarDigest } from '@pacto/bundle';
import { OciClient, parseReference, sha256Digest } from '@pacto/oci';
import { startRegistry } from '../../../scripts/bench/registry.mjs';

const ROUNDS = Number(process.env.PACTO_BENCH_ROUNDS ?? 5);
function curl(args) {
  return execFileSync('curl', ['-sS', '--fail', ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
}

function curlUpload(host, repo, file, digest) {
  const headers = curl(['-X', 'POST', '-D', '-', '-o', '/dev/null', `http://${host}/v2/${repo}/blobs/uploads/`]);
  const location = /^location:\s*(\S+)/im.exec(headers)?.[1];
  if (!location) throw new Error('no upload location');
  const url = new URL(location, `http://${host}`);
  url.searchParams.set('digest', digest);
  curl(['-X', 'PUT', '-H', 'Content-Type: application/octet-stream', '--data-binary', `@${file}`, '-o', '/dev/null', url.toString()]);
}

function curlDownload(host, repo, digest, output) {
  curl(['-L', '-o', output, `http://${host}/v2/${repo}/blobs/${digest}`]);
}

async function time(fn) {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const workDir = mkdtempSync(join(tmpdir(), 'pacto-bench-oci-'));
const { host, child } = await startRegistry(workDir);
try {
  const files = new Map([['pacto.yaml', new TextEncoder().encode('pactoVersion: "1.0"\nservice:\n  name: bench\n  version: 1.0.0\n')]]);
  for (let i = 0; i < 4; i++) files.set(`data/blob-${i}.bin`, randomBytes(10 * 1000 * 1000));
  const { archive, tarDigest } = await packBundleWithTarDigest({ files });
  const archiveFile = join(workDir, 'bundle.tar.gz');
  writeFileSync(archiveFile, archive);
  const digest = sha256Digest(archive);
  const labels = { name: 'bench', version: '1.0.0', pactoVersion: '1.0' };

  const layer = { mediaType: 'application/vnd.pacto.bundle.layer.v1.tar+gzip', size: archive.byteLength, digest, bytes: archive };
  const samples = {};
  const record = (name, ms) => (samples[name] ??= []).push(ms);
  const sha256sum = () => execFileSync('sha256sum', [archiveFile], { encoding: 'utf8' });

  // One warm-up round (page cache, registry code paths), not counted. Each round pushes to fresh
  // repositories and then deletes the registry's blob store, so no upload is skipped as already present.
  for (let round = -1; round < ROUNDS; round++) {
    const n = round + 1;
    const push = await time(async () => {
      const client = new OciClient({ cacheDir: null, env: {} });
      await client.push(`oci://${host}/bench/pacto-${n}:1.0.0`, archive, { labels });
      await client.close();
    });
    // What `pacto push` does: the tar digest comes from packing, so only the layer is hashed.
    const pushPacked = await time(async () => {
      const client = new OciClient({ cacheDir: null, env: {} });
      await client.push(`oci://${host}/bench/packed-${n}:1.0.0`, archive, { labels, tarDigest });
      await client.close();
    });
    const upload = await time(async () => {
      const client = new OciClient({ cacheDir: null, env: {} });
      await client.registry.uploadBlob(parseReference(`${host}/bench/blob-${n}`), layer);
      await client.close();
    });
    const curlUp = await time(() => curlUpload(host, `bench/curl-${n}`, archiveFile, digest));
    const curlUpHashed = await time(() => {
      sha256sum();
      curlUpload(host, `bench/curlsum-${n}`, archiveFile, digest);
    });
    const pull = await time(async () => {
      const client = new OciClient({ cacheDir: null, env: {} });
      await client.pull(`oci://${host}/bench/pacto-${n}:1.0.0`);
      await client.close();
    });
    const cacheDir = join(workDir, `cache-${n}`);
    const cachedPull = await time(async () => {
      const client = new OciClient({ cacheDir, env: {} });
      await client.pull(`oci://${host}/bench/pacto-${n}:1.0.0`);
      await client.close();
    });
    const diskPull = await time(async () => {
      const client = new OciClient({ cacheDir, env: {} });
      const pulled = await client.pull(`oci://${host}/bench/pacto-${n}:1.0.0`);
      if (pulled.source !== 'disk') throw new Error(`expected a disk cache hit, got ${pulled.source}`);
      await client.close();
    });
    const cachedFile = join(cacheDir, host.replaceAll(':', '/'), 'bench', `pacto-${n}`, '1.0.0', 'bundle.tar.gz');
    const diskSha = await time(() => execFileSync('sha256sum', [cachedFile], { encoding: 'utf8' }));
    rmSync(cacheDir, { recursive: true, force: true });
    const download = await time(async () => {
      const client = new OciClient({ cacheDir: null, env: {} });
      await client.registry.getBlob(parseReference(`${host}/bench/pacto-${n}`), layer);
      await client.close();
    });
    const curlDown = await time(() => curlDownload(host, `bench/curl-${n}`, digest, '/dev/null'));
    const downloaded = join(workDir, 'downloaded.bin');
    const curlDownHashed = await time(() => {
      curlDownload(host, `bench/curl-${n}`, digest, downloaded);
      execFileSync('sha256sum', [downloaded], { encoding: 'utf8' });
    });
    if (round >= 0) {
      record('push', push);
      record('pushPacked', pushPacked);
      record('upload', upload);
      record('curlUp', curlUp);
      record('curlUpHashed', curlUpHashed);
      record('pull', pull);
      record('download', download);
      record('cachedPull', cachedPull);
      record('diskPull', diskPull);
      record('diskSha', diskSha);
      record('curlDown', curlDown);
      record('curlDownHashed', curlDownHashed);
    }
    rmSync(join(workDir, 'storage', 'docker', 'registry', 'v2', 'blobs'), { recursive: true, force: true });
    rmSync(join(workDir, 'storage', 'docker', 'registry', 'v2', 'repositories'), { recursive: true, force: true });
  }
  const m = (name) => median(samples[name]);
  const rows = [
    ['push (artifact build + upload)', m('push'), m('curlUp'), m('curlUpHashed')],
    ['push, tar digest from packing', m('pushPacked'), m('curlUp'), m('curlUpHashed')],
    ['upload blob, digest known', m('upload'), m('curlUp'), undefined],
    ['pull (download, verify, read)', m('pull'), m('curlDown'), m('curlDownHashed')],
    ['download blob + verify', m('download'), m('curlDown'), m('curlDownHashed')],
    ['pull + write disk cache', m('cachedPull'), m('curlDown'), m('curlDownHashed')],
    ['pull from disk cache', m('diskPull'), undefined, m('diskSha')],
  ];
  console.log(`bundle ${(archive.byteLength / 1e6).toFixed(1)} MB (four 10 MB random files), ${ROUNDS} rounds, median ms, docker-registry ${host}`);
  console.log('"curl+sha" adds sha256sum of the file: the digest work a push must do and a pull should do.');
  console.log('| operation                      | pacto ms | curl ms | ratio | curl+sha ms | ratio | goal <=1.3x curl |');
  console.log('|--------------------------------|---------:|--------:|------:|------------:|------:|------------------|');
  for (const [name, pacto, curlMs, hashedMs] of rows) {
    if (curlMs === undefined) {
      // Nothing to download: the fair comparison is sha256sum of the cached file.
      console.log(`| ${name.padEnd(30)} | ${pacto.toFixed(0).padStart(8)} |       - |     - |${hashedMs.toFixed(0).padStart(12)} | ${(pacto / hashedMs).toFixed(2).padStart(5)} | - |`);
      continue;
    }
    const ratio = pacto / curlMs;
    const hashed = hashedMs === undefined ? '           -' : hashedMs.toFixed(0).padStart(12);
    const hashedRatio = hashedMs === undefined ? '    -' : (pacto / hashedMs).toFixed(2).padStart(5);
    console.log(`| ${name.padEnd(30)} | ${pacto.toFixed(0).padStart(8)} | ${curlMs.toFixed(0).padStart(7)} | ${ratio.toFixed(2).padStart(5)} |${hashed} | ${hashedRatio} | ${ratio <= 1.3 ? 'met' : 'missed'} |`);
  }
  if (process.env.PACTO_BENCH_SAMPLES) for (const [name, values] of Object.entries(samples)) console.log(name, values.map(Math.round).join(' '));
} finally {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(workDir, { recursive: true, force: true });
}
