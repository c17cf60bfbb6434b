export declare const SCHEMA_DIR: string;
export declare const GENERATED_DIR: string;
export declare const TARGETS: readonly { version: string; schemaFile: string; moduleFile: string }[];
export declare const AJV_OPTIONS: Record<string, unknown>;
export declare function renderValidatorModule(schema: unknown, schemaFile: string): string;
export declare function renderAll(): Record<string, string>;
export declare const META_SCHEMA_MODULE: string;
export declare function renderMetaSchemaModule(): string;
