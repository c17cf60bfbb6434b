declare const __PACTO_VERSION__: string;
declare const __PACTO_COMMIT__: string;
declare const __PACTO_BUILD_DATE__: string;

// Replaced by esbuild at build time; an unbundled run (tests importing src) is a dev build.
export const buildInfo = {
  version: typeof __PACTO_VERSION__ === 'string' ? __PACTO_VERSION__ : 'dev',
  commit: typeof __PACTO_COMMIT__ === 'string' ? __PACTO_COMMIT__ : 'unknown',
  date: typeof __PACTO_BUILD_DATE__ === 'string' ? __PACTO_BUILD_DATE__ : 'unknown',
} as const;
