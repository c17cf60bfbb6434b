import { ExplainCommand } from './explain.js';
import { InitCommand } from './init.js';
import { PackCommand } from './pack.js';
import { ValidateCommand } from './validate.js';
import { VersionCommand } from './version.js';

// One line per command; clipanion needs every class up front to parse argv, while each
// command imports its libraries lazily inside run().
export const commands = [InitCommand, ValidateCommand, ExplainCommand, PackCommand, VersionCommand];
