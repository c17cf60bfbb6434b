export * from './model.js';
export type { BundleFS } from './bundle-fs.js';
