import { fileURLToPath } from 'node:url';

/** The built web app shipped in this package (`dist/ui`); pass it as `uiDir` to the server and the export. */
export const UI_DIR: string = fileURLToPath(new URL('./ui/', import.meta.url));
