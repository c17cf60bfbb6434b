// Time to validate contracts of about 1 MB built to be slow (issue 14 §1): each grammar on its worst shape,
// deep nesting, many anchors. Goal: every one validates or is refused with a finding in under a second,
// in-process (`validateContract`) and through the CLI (`pacto validate <dir>`, process start included).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostileContracts } from '../fuzz/hostile-contracts.mjs';
import { summarize, table } from './stats.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pacto = `${root}/packages/cli/dist/pacto.js`;
const { validateContract } = await import(`${root}/packages/validate/dist/index.js`);
const ROUNDS = 3;
const work = mkdtempSync(join(tmpdir(), 'pacto-hostile-'));

// CPU time next to wall time: on a shared machine the wall time also counts the waits for a core.
const rows = [['contract', 'MB', 'in-process ms', 'CPU ms', 'CLI ms', 'exit', 'first finding', 'goal']];
let worst = 0;
try {
  for (const [name, text] of Object.entries(hostileContracts())) {
    const samples = [];
    const cpu = [];
    let result;
    for (let i = 0; i < ROUNDS; i++) {
      const start = process.hrtime.bigint();
      const cpuStart = process.cpuUsage();
      result = await validateContract({ fileName: 'pacto.yaml', text });
      const used = process.cpuUsage(cpuStart);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
      cpu.push((used.user + used.system) / 1000);
    }
    const dir = join(work, String(rows.length));
    mkdirSync(dir);
    writeFileSync(join(dir, 'pacto.yaml'), text);
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [pacto, 'validate', dir], { stdio: 'ignore', env: { ...process.env, PACTO_NO_UPDATE_CHECK: '1' } });
    const cli = Number(process.hrtime.bigint() - start) / 1e6;
    const inProcess = summarize(samples).median;
    worst = Math.max(worst, inProcess, cli);
    const finding = result.errors[0] ? `${result.errors[0].code} (${result.errors[0].message.length} chars)` : 'valid';
    rows.push([name, (text.length / 1e6).toFixed(2), inProcess.toFixed(0), summarize(cpu).median.toFixed(0), cli.toFixed(0), String(run.status), finding, '< 1000']);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`median of ${ROUNDS} in-process runs, one CLI run each; slowest: ${worst.toFixed(0)} ms`);
console.log(table(rows));
