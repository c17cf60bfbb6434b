import type { BundleFS, ConfigurationSource, Contract } from '@pacto/schema';
import { readBundleText } from './bundle-text.js';
import { NONE, cellCode, code, describeProperty, note, table } from './markdown.js';
import { schemaProperties } from './schema-properties.js';
import { numbered, type DocSection } from './section.js';

/** `## N. Configuration`: a property table per configuration (cli.md §4.8.1 item 8). */
export function configurationSection(contract: Contract, files: BundleFS | undefined): DocSection | undefined {
  const configurations = contract.configurations ?? [];
  if (configurations.length === 0) return undefined;
  const several = configurations.length > 1;
  return {
    title: 'Configuration',
    subsections: several ? configurations.map((c) => c.name) : [],
    render(n) {
      const parts = [`## ${numbered([n], 'Configuration')}\n`];
      configurations.forEach((configuration, i) => {
        if (several) parts.push(`### ${numbered([n, i + 1], configuration.name)}\n`);
        parts.push(configurationBody(configuration, files));
      });
      return parts.join('\n');
    },
  };
}

export function configurationBody(configuration: ConfigurationSource, files: BundleFS | undefined): string {
  if (configuration.ref !== undefined) return `References: ${code(configuration.ref)}\n`;
  if (configuration.schema === undefined) return `${note('No configuration schema.')}\n`;
  const file = readBundleText(files, configuration.schema);
  if (!file.ok) return `${note(`Could not read configuration schema: ${file.reason}`)}\n`;
  let schema: unknown;
  try {
    schema = JSON.parse(file.text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return `${note(`Could not read configuration schema: ${configuration.schema} is not valid JSON: ${detail}`)}\n`;
  }
  const properties = schemaProperties(schema);
  if (properties.length === 0) return `${note('No configurable properties.')}\n`;
  return table(
    ['Property', 'Type', 'Description', 'Default', 'Required'],
    properties.map((p) => [
      cellCode(p.name),
      p.types.length > 0 ? cellCode(p.types.join(', ')) : NONE,
      describeProperty(p.description, p.values),
      p.hasDefault ? cellCode(defaultText(p.default)) : NONE,
      p.required ? 'Yes' : 'No',
    ]),
  );
}

function defaultText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
