// `pnpm bench`: runs every benchmark and prints each figure next to its reference, measured in
// the same run on the same machine. Targets are goals to compare with, not pass/fail gates.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);
const benches = [
  ['validation throughput', 'scripts/bench/validate-throughput.mjs'],
  ['CLI start-up', 'scripts/bench/cli-startup.mjs'],
  ['MCP server start-up', 'scripts/bench/mcp-startup.mjs'],
  ['hostile inputs', 'scripts/bench/hostile-inputs.mjs'],
  ['fuzz (bounded: 10,000 cases or 45 s, 50 CLI runs)', 'scripts/fuzz.mjs', '--count', '10000', '--seconds', '45', '--cli', '50'],
  ['OCI push/pull', 'packages/oci/bench/push-pull.mjs'],
  ['OpenAPI diff', 'packages/diff/bench/openapi-diff.mjs'],
  ['dependency graph fleets', 'scripts/bench/graph-fleets.mjs'],
  ['dashboard', 'packages/dashboard/bench/dashboard.mjs'],
];

let failed = 0;
for (const [name, file, ...args] of benches) {
  if (only.length > 0 && !only.some((o) => name.includes(o) || file.includes(o))) continue;
  if (!existsSync(`${root}/${file}`)) {
    console.log(`\n## ${name}: ${file} not present, skipped`);
    continue;
  }
  console.log(`\n## ${name}`);
  const run = spawnSync(process.execPath, [file, ...args], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    failed += 1;
    console.log(`(${file} exited with ${run.status})`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
