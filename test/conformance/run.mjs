// `pnpm test:conformance [dir]`: runs the external conformance corpus (default ../shared/conformance,
// beside the repository) against the built packages and CLI. A missing or empty corpus is one clear
// error line and exit 2, never a silent pass. See test/conformance/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);

if (args.includes('-h') || args.includes('--help')) {
  process.stdout.write(
    'Usage: pnpm test:conformance [dir]\n\n' +
      'Runs the conformance corpus in <dir> (default: ../shared/conformance beside the repository):\n' +
      'each <group>/<case>/ with an expected.json, through the library and through `pacto validate`.\n\n' +
      'Examples:\n  pnpm test:conformance\n  pnpm test:conformance ~/src/pacto-conformance\n',
  );
  process.exit(0);
}
if (args.length > 1 || args.some((arg) => arg.startsWith('-'))) {
  fail(`expected at most one argument, the corpus directory; got ${args.join(' ')} (see --help)`);
}

// pnpm runs scripts in the repository root; a relative directory is meant from where the user typed it.
const given = args[0];
const dir = given === undefined ? join(root, '..', 'shared', 'conformance') : resolve(process.env.INIT_CWD ?? process.cwd(), given);
if (!existsSync(dir)) fail(`no corpus at ${dir}: the directory does not exist (pass its path: pnpm test:conformance <dir>)`);
if (!statSync(dir).isDirectory()) fail(`no corpus at ${dir}: not a directory`);
const cases = ['valid', 'invalid', 'future'].flatMap((group) => {
  const groupDir = join(dir, group);
  if (!existsSync(groupDir) || !statSync(groupDir).isDirectory()) return [];
  return readdirSync(groupDir).filter((name) => existsSync(join(groupDir, name, 'expected.json')));
});
if (cases.length === 0) fail(`no corpus at ${dir}: no valid/, invalid/ or future/ case directory holds an expected.json`);

const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', '--config', 'test/conformance/vitest.config.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PACTO_CONFORMANCE_DIR: dir },
});
process.exit(run.status ?? 1);

function fail(message) {
  process.stderr.write(`conformance: ${message}\n`);
  process.exit(2);
}
