import { Command, Option } from 'clipanion';
import { PactoCommand } from '../base-command.js';
import { UsageError } from '../cli-error.js';

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

  args = Option.Rest({ name: 'dir | oci://repo' });
  host = Option.String('--host', { description: 'Address to listen on (default 127.0.0.1; env PACTO_DASHBOARD_HOST)' });
  port = Option.String('--port', { description: 'Port to listen on (default 3000; env PACTO_DASHBOARD_PORT)' });
  namespace = Option.String('--namespace', { description: 'Kubernetes namespace filter (the Kubernetes source is not available yet; env PACTO_DASHBOARD_NAMESPACE)' });
  diagnostics = Option.Boolean('--diagnostics', { description: 'Serve /api/debug/sources and /api/debug/services (env PACTO_DASHBOARD_DIAGNOSTICS)' });
  corsOrigin = Option.String('--cors-origin', { description: 'One more origin allowed to call the API from a browser (env PACTO_DASHBOARD_CORS_ORIGIN)' });
  exportDir = Option.String('--export', { description: 'Write the dashboard as a static site into this directory and exit' });

  async run(): Promise<number> {
    const env = this.context.env;
    const portText = this.port ?? env['PACTO_DASHBOARD_PORT'] ?? '3000';
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65535) {
      throw new UsageError(`invalid argument ${JSON.stringify(portText)} for "--port" flag: expected a port number 0-65535`);
    }
    const corsOrigin = this.corsOrigin ?? env['PACTO_DASHBOARD_CORS_ORIGIN'] ?? '';
    if (corsOrigin !== '' && !/^https?:\/\/[^/\s]+$/.test(corsOrigin)) {
      throw new UsageError(`invalid argument ${JSON.stringify(corsOrigin)} for "--cors-origin" flag: expected an origin such as https://example.com`);
    }
    const { runDashboard } = await import('../run/dashboard.js');
    return runDashboard(this.io(), {
      args: this.args,
      env,
      cwd: this.context.cwd,
      host: this.host ?? env['PACTO_DASHBOARD_HOST'] ?? '127.0.0.1',
      port,
      corsOrigin: corsOrigin === '' ? undefined : corsOrigin,
      diagnostics: this.diagnostics ?? ['1', 'true', 'TRUE', 'True', 't'].includes(env['PACTO_DASHBOARD_DIAGNOSTICS'] ?? ''),
      exportDir: this.exportDir,
      namespace: this.namespace ?? env['PACTO_DASHBOARD_NAMESPACE'],
    });
  }
}
