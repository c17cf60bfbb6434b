import { Command, Option } from 'clipanion';
import { PactoCommand } from '../base-command.js';
import { UsageError } from '../cli-error.js';
import { parsePortFlag, restArgs, stringFlag } from '../flags.js';

export class DashboardCommand extends PactoCommand {
  static override paths = [['dashboard']];
  static override usage = Command.Usage({
    description: 'Serve a read-only web dashboard over local, registry and cached contracts',
    details: `
      Serves a web UI and a JSON API on http://127.0.0.1:3000: the services with their
      validation, the dependency graph, the version history with the classification of each
      step, diffs between any two versions, and a playground that validates a pasted contract in
      the browser.

      Contracts come from the local directory (the argument, default \`.\`: every contract in and
      under it), from OCI repositories (each \`oci://<registry>/<repository>\` argument, or the
      comma-separated \`PACTO_DASHBOARD_REPO\`: semver tags are the version history, dependency refs
      lead to more repositories, all re-read every minute), and from the bundle cache when no
      repository is given (offline). A service found in several sources shows its local contract
      first, then the registry's.

      The server answers only to 127.0.0.1 and localhost (against DNS rebinding), and to browsers
      on other sites only for \`--cors-origin\`. \`--export <dir>\` writes the same UI and a snapshot
      of the data as a static site instead of serving it.
    `,
    examples: [
      ['Serve the contracts in and under the current directory', '$0 dashboard'],
      ['Add two registry repositories', '$0 dashboard services/ oci://ghcr.io/acme/payments oci://ghcr.io/acme/ledger'],
      ['Serve on another port, reachable from the network', '$0 dashboard --host 0.0.0.0 --port 8080'],
      ['Write a static site for GitHub Pages', '$0 dashboard oci://ghcr.io/acme/payments --export site/'],
    ],
  });

  args = restArgs('[dir] [oci://repo ...]', 'directory');
  host = stringFlag('--host', { description: 'Address to listen on (default 127.0.0.1; env PACTO_DASHBOARD_HOST)', placeholder: '<address>' });
  port = stringFlag('--port', { description: 'Port to listen on (default 3000, 0 picks a free one; env PACTO_DASHBOARD_PORT)', placeholder: '<port>' });
  namespace = stringFlag('--namespace', { description: 'Kubernetes namespace filter (no Kubernetes source yet; env PACTO_DASHBOARD_NAMESPACE)', placeholder: '<namespace>' });
  diagnostics = Option.Boolean('--diagnostics', { description: 'Serve /api/debug/sources and /api/debug/services (env PACTO_DASHBOARD_DIAGNOSTICS)' });
  corsOrigin = stringFlag('--cors-origin', { description: 'One more origin allowed to call the API from a browser (env PACTO_DASHBOARD_CORS_ORIGIN)', placeholder: '<origin>' });
  exportDir = stringFlag('--export', { description: 'Write the dashboard as a static site into this directory and exit', placeholder: '<dir>', kind: 'directory' });

  async run(): Promise<number> {
    // Flag > environment > the config file's `dashboard:` section > default (cli.md §2.2, §2.3).
    const env = this.context.env;
    const section = this.settings.config['dashboard'];
    const config = typeof section === 'object' && section !== null ? (section as Record<string, unknown>) : {};
    const configured = (key: string): string | undefined => (config[key] === undefined || config[key] === null ? undefined : String(config[key]));
    const setting = (flag: string | undefined, variable: string, key: string): string | undefined => flag ?? env[variable] ?? configured(key);

    const portText = setting(this.port, 'PACTO_DASHBOARD_PORT', 'port') ?? '3000';
    const port = parsePortFlag(portText, 'pacto dashboard');
    const corsOrigin = setting(this.corsOrigin, 'PACTO_DASHBOARD_CORS_ORIGIN', 'cors-origin') ?? '';
    if (corsOrigin !== '' && !/^https?:\/\/[^/\s]+$/.test(corsOrigin)) {
      throw new UsageError(`invalid value ${JSON.stringify(corsOrigin)} for --cors-origin: expected an origin such as https://portal.example.com`, {
        code: 'INVALID_FLAG_VALUE',
        usage: 'pacto dashboard',
      });
    }
    const diagnostics = this.diagnostics ?? ['1', 't', 'true', 'TRUE', 'True'].includes(setting(undefined, 'PACTO_DASHBOARD_DIAGNOSTICS', 'diagnostics') ?? '');
    const { runDashboard } = await import('../run/dashboard.js');
    return runDashboard(this.io(), {
      args: this.args,
      env,
      cwd: this.context.cwd,
      host: setting(this.host, 'PACTO_DASHBOARD_HOST', 'host') ?? '127.0.0.1',
      port,
      corsOrigin: corsOrigin === '' ? undefined : corsOrigin,
      diagnostics,
      exportDir: this.exportDir,
      namespace: setting(this.namespace, 'PACTO_DASHBOARD_NAMESPACE', 'namespace'),
    });
  }
}
