// In a module of its own so `pacto init` can write the modeline without loading the zod models.

/** Where editors find the combined schema: the file as the published @pacto/schema package ships it. */
export const PACTO_SCHEMA_URL = 'https://cdn.jsdelivr.net/npm/@pacto/schema/schema/pacto.schema.json';

/** The `# yaml-language-server` modeline that points an editor at the combined schema (contract-2.0.md §12). */
export const YAML_SCHEMA_MODELINE = `# yaml-language-server: $schema=${PACTO_SCHEMA_URL}`;
