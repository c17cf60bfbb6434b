export * from './model.js';
export type { BundleFS, ContractBundle } from './bundle-fs.js';
export { scaffoldContract } from './scaffold.js';
export type { Scaffold, ScaffoldFile } from './scaffold.js';
export * from './grammar/index.js';
export * from './grammar/index.js';
