import { Command, Option } from 'clipanion';
import { PactoCommand } from '../base-command.js';
import { UsageError } from '../cli-error.js';
import { choiceFlag, parsePortFlag, stringFlag } from '../flags.js';

const TRANSPORTS = ['stdio', 'http'] as const;

export class McpCommand extends PactoCommand {
  static override paths = [['mcp']];
  static override usage = Command.Usage({
    description: 'Start a Model Context Protocol server for AI agents',
    details: `
      Lets an MCP client (an AI assistant or agent) create, edit and check contracts with the tools
      \`pacto_create\`, \`pacto_edit\`, \`pacto_check\` and \`pacto_schema\`, and read them with
      \`pacto_explain\`, \`pacto_diff\` and \`pacto_graph\`. Relative paths are relative to the directory
      the server runs in; edits are validated before they are written.

      With \`--transport stdio\` (the default) the client starts \`pacto mcp\` itself and talks over its
      standard input and output; the server stops when the client disconnects. With \`--transport http\`
      it serves Streamable HTTP on http://127.0.0.1:<port>/mcp, for clients on this machine only (other
      Host or Origin headers are refused), until Ctrl+C. See docs/mcp.md for client configuration.
    `,
    examples: [
      ['Serve over stdio (what an MCP client configuration runs)', '$0 mcp'],
      ['Serve Streamable HTTP on http://127.0.0.1:8585/mcp', '$0 mcp --transport http'],
      ['Serve HTTP on another port', '$0 mcp -t http --port 9000'],
    ],
  });

  args = Option.Rest({ name: '' });
  transport = choiceFlag('-t,--transport', TRANSPORTS, { description: 'How clients connect: stdio (default) or http', initial: 'stdio', placeholder: '<transport>' });
  port = stringFlag('--port', '8585', { description: 'Port of the HTTP transport (default 8585)', placeholder: '<port>' });

  async run(): Promise<number> {
    if (this.args.length > 0) throw new UsageError(`unknown command ${JSON.stringify(this.args[0])} for "pacto mcp"`, { hint: '`pacto mcp` takes no arguments' });
    const transport = this.transport ?? 'stdio';
    const port = parsePortFlag(this.port, 'pacto mcp');
    const { runMcp } = await import('../run/mcp.js');
    return runMcp(this.io(), { transport, port, context: this.context });
  }
}
