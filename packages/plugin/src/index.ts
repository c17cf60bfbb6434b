export { definePlugin, servePlugin, parseRequest } from './define-plugin.js';
export type { PactoPlugin, PluginHandler, PluginStreams } from './define-plugin.js';
export { readBundleFile } from './bundle-files.js';
export { PROTOCOL_VERSION, PluginError } from './protocol.js';
export type { GenerateRequest, GenerateResponse, GeneratedFile, PluginErrorCode } from './protocol.js';
export type { Contract } from '@pacto/schema';
