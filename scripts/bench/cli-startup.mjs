// Wall time of `pacto version` and `pacto validate <example>` next to `node -e 0`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { summarize, table } from './stats.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pacto = `${root}/packages/cli/dist/pacto.js`;
const example = `${root}/examples/postgresql`;
const RUNS = 25;

function time(args) {
  const samples = [];
  for (let i = 0; i < RUNS + 3; i += 1) {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args, { stdio: 'ignore', env: { ...process.env, PACTO_NO_UPDATE_CHECK: '1' } });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (run.status !== 0) throw new Error(`${args.join(' ')} exited with ${run.status}`);
    if (i >= 3) samples.push(ms); // the first runs warm the disk cache
  }
  return summarize(samples);
}

const bare = time(['-e', '0']);
const version = time([pacto, 'version']);
const validate = time([pacto, 'validate', example]);
const row = (name, s, goal) => [name, s.median.toFixed(1), s.p10.toFixed(1), s.p90.toFixed(1), (s.median / bare.median).toFixed(2) + 'x', goal];
console.log(`median of ${RUNS} runs each, milliseconds; example: ${example.replace(root, '')}`);
console.log(
  table([
    ['command', 'median', 'p10', 'p90', 'vs node -e 0', 'goal'],
    row('node -e 0', bare, '(reference)'),
    row('pacto version', version, '<= 1.5x'),
    row('pacto validate <example>', validate, '<= 2x'),
  ]),
);
