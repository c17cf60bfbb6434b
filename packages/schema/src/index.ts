export * from './model.js';
export type { BundleFS, ContractBundle } from './bundle-fs.js';
