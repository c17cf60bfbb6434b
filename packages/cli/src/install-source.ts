// How this copy of pacto was installed, to tell `pacto update` which command upgrades it: the package
// manager (from the path the CLI runs from, else the npm_config_user_agent every manager sets for the scripts
// and binaries it runs) and whether the install is global, local to a project, a one-off npx/dlx run or a
// source checkout.

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

export interface InstallSource {
  readonly manager: PackageManager | undefined;
  readonly kind: 'global' | 'local' | 'ephemeral' | 'source';
}

function managerFromUserAgent(userAgent: string | undefined): PackageManager | undefined {
  const name = /^(npm|pnpm|yarn|bun)\//.exec(userAgent ?? '')?.[1];
  return name as PackageManager | undefined;
}

/** `path` is the real path of the running CLI file (symlinks resolved). */
export function detectInstallSource(path: string, userAgent: string | undefined): InstallSource {
  const p = path.replace(/\\/g, '/');
  if (!p.includes('/node_modules/')) return { manager: managerFromUserAgent(userAgent), kind: 'source' };
  if (/\/_npx\//.test(p)) return { manager: 'npm', kind: 'ephemeral' };
  if (/\/dlx[-/]/.test(p)) return { manager: managerFromUserAgent(userAgent) ?? 'pnpm', kind: 'ephemeral' };
  const manager: PackageManager = /\/\.bun\//.test(p)
    ? 'bun'
    : /\/(\.pnpm|pnpm)\//.test(p)
      ? 'pnpm'
      : /\/(\.yarn|yarn)\//.test(p)
        ? 'yarn'
        : (managerFromUserAgent(userAgent) ?? 'npm');
  const global =
    /\/pnpm\/global\//.test(p) ||
    /\/yarn\/global\//.test(p) ||
    /\/\.bun\/install\/global\//.test(p) ||
    // npm's global prefix: <prefix>/lib/node_modules on Unix, <prefix>/node_modules on Windows (%APPDATA%/npm).
    /\/lib\/node_modules\/@pacto\/cli\//.test(p) ||
    /\/npm\/node_modules\/@pacto\/cli\//i.test(p);
  return { manager, kind: global ? 'global' : 'local' };
}

/** The command that installs `version` of the package the way it is installed now. */
export function upgradeCommand(source: InstallSource, pkg: string, version: string): string {
  const spec = `${pkg}@${version}`;
  switch (source.kind) {
    case 'source':
      return 'git pull && pnpm install && pnpm build';
    case 'ephemeral':
      return source.manager === 'npm' ? `npx ${spec}` : `${source.manager ?? 'pnpm'} dlx ${spec}`;
    case 'global':
      return {
        npm: `npm install --global ${spec}`,
        pnpm: `pnpm add --global ${spec}`,
        yarn: `yarn global add ${spec}`,
        bun: `bun add --global ${spec}`,
      }[source.manager ?? 'npm'];
    case 'local':
      return {
        npm: `npm install ${spec}`,
        pnpm: `pnpm add ${spec}`,
        yarn: `yarn add ${spec}`,
        bun: `bun add ${spec}`,
      }[source.manager ?? 'npm'];
  }
}
