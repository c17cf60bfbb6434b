// Shared by the example plugins' tests: build a plugin as a user would, put it on PATH, run the built CLI.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const PACTO = process.env.PACTO_TEST_BIN ?? join(REPO, 'packages/cli/dist/pacto.js');

/** The example contracts: directories of examples/ that hold a pacto.yaml. */
export const EXAMPLES = readdirSync(join(REPO, 'examples'))
  .filter((name) => existsSync(join(REPO, 'examples', name, 'pacto.yaml')))
  .sort();

export interface PluginOnPath {
  /** A scratch directory, removed by `dispose`. */
  readonly work: string;
  /** Runs the built `pacto` from the repository root with the plugin on PATH and a private HOME. */
  pacto(args: readonly string[]): SpawnSyncReturns<string>;
  dispose(): void;
}

/** Builds the plugin in `pluginDir` (its `build` script) and links its bin as `pacto-plugin-<name>` on a fresh PATH entry. */
export function buildPluginOnPath(pluginDir: string, name: string): PluginOnPath {
  const work = mkdtempSync(join(tmpdir(), `pacto-plugin-${name}-`));
  const bin = join(work, 'bin');
  execFileSync(process.execPath, [join(REPO, 'examples/plugins/build-plugin.mjs')], { cwd: pluginDir, stdio: 'pipe' });
  mkdirSync(bin);
  symlinkSync(join(pluginDir, `dist/pacto-plugin-${name}.mjs`), join(bin, `pacto-plugin-${name}`));
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, HOME: work, XDG_CONFIG_HOME: join(work, 'config'), PACTO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };
  return {
    work,
    pacto: (args) => spawnSync(process.execPath, [PACTO, ...args], { cwd: REPO, encoding: 'utf8', env }),
    dispose: () => rmSync(work, { recursive: true, force: true }),
  };
}
