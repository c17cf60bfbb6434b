// Time from starting `pacto mcp` (stdio) to the answer of the client's `initialize`, next to `pacto version`:
// what an MCP client waits for before it can list tools. (Other commands do not load the MCP SDK; their
// start-up is in cli-startup.mjs.)
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { summarize, table } from './stats.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pacto = `${root}/packages/cli/dist/pacto.js`;
const RUNS = 15;
const env = { ...process.env, PACTO_NO_UPDATE_CHECK: '1' };
const INITIALIZE = `${JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } },
})}\n`;

function initializeOnce() {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [pacto, 'mcp'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
    child.stdout.once('data', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      child.stdin.end();
      child.once('exit', () => resolve(ms));
    });
    child.once('error', reject);
    child.stdin.write(INITIALIZE);
  });
}

async function timeInitialize() {
  const samples = [];
  for (let i = 0; i < RUNS + 2; i += 1) {
    const ms = await initializeOnce();
    if (i >= 2) samples.push(ms); // the first runs warm the disk and code caches
  }
  return summarize(samples);
}

function timeVersion() {
  const samples = [];
  for (let i = 0; i < RUNS + 2; i += 1) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, [pacto, 'version'], { env, stdio: 'ignore' });
    if (i >= 2) samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return summarize(samples);
}

const version = timeVersion();
const mcp = await timeInitialize();
const row = (name, s) => [name, s.median.toFixed(1), s.p10.toFixed(1), s.p90.toFixed(1), (s.median / version.median).toFixed(2) + 'x'];
console.log(`median of ${RUNS} runs each, milliseconds`);
console.log(
  table([
    ['command', 'median', 'p10', 'p90', 'vs pacto version'],
    row('pacto version', version),
    row('pacto mcp: initialize answered', mcp),
  ]),
);
