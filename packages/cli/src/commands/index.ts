import { DashboardCommand } from './dashboard.js';
import { CompletionCommand } from './completion.js';
import { DiffCommand } from './diff.js';
import { DocCommand } from './doc.js';
import { ExplainCommand } from './explain.js';
import { GenerateCommand } from './generate.js';
import { GraphCommand } from './graph.js';
import { HelpCommand } from './help.js';
import { InitCommand } from './init.js';
import { LockCommand } from './lock.js';
import { PackCommand } from './pack.js';
import { LoginCommand } from './login.js';
import { LogoutCommand } from './logout.js';
import { McpCommand } from './mcp.js';
import { MigrateCommand } from './migrate.js';
import { PullCommand } from './pull.js';
import { PushCommand } from './push.js';
import { UpdateCommand } from './update.js';
import { ValidateCommand } from './validate.js';
import { VersionCommand } from './version.js';

// One line per command (one per line, so that commands added on different branches merge cleanly);
// clipanion needs every class up front to parse argv, while each command imports its libraries lazily
// inside run(). The order is the order of `pacto help`.
export const commands = [
  InitCommand,
  ValidateCommand,
  ExplainCommand,
  DocCommand,
  DiffCommand,
  GraphCommand,
  GenerateCommand,
  LockCommand,
  MigrateCommand,
  PackCommand,
  PushCommand,
  PullCommand,
  LoginCommand,
  LogoutCommand,
  McpCommand,
  DashboardCommand,
  VersionCommand,
  UpdateCommand,
  HelpCommand,
  CompletionCommand,
];
