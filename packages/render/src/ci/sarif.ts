import type { CiFinding } from './ci-finding.js';

export interface SarifTool {
  readonly name: string;
  readonly version: string;
  readonly informationUri?: string;
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', notice: 'note' } as const;

/** A SARIF 2.1.0 log (one run) of the findings, accepted by GitHub code scanning. */
export function buildSarif(findings: readonly CiFinding[], tool: SarifTool): Record<string, unknown> {
  const ruleIndex = new Map<string, number>();
  const rules: Record<string, unknown>[] = [];
  for (const finding of findings) {
    if (ruleIndex.has(finding.ruleId)) continue;
    ruleIndex.set(finding.ruleId, rules.length);
    rules.push({
      id: finding.ruleId,
      shortDescription: { text: finding.ruleDescription },
      defaultConfiguration: { level: SARIF_LEVEL[finding.level] },
    });
  }
  const results = findings.map((finding) => {
    const result: Record<string, unknown> = {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId),
      level: SARIF_LEVEL[finding.level],
      message: { text: finding.message },
    };
    if (finding.file) {
      const region: Record<string, number> = {};
      if (finding.line !== undefined) region.startLine = Math.max(1, finding.line);
      if (finding.line !== undefined && finding.column !== undefined) region.startColumn = Math.max(1, finding.column);
      const physicalLocation: Record<string, unknown> = { artifactLocation: { uri: encodeURI(finding.file) } };
      if (Object.keys(region).length > 0) physicalLocation.region = region;
      result.locations = [{ physicalLocation }];
    }
    return result;
  });
  const driver: Record<string, unknown> = { name: tool.name, version: tool.version };
  if (tool.informationUri) driver.informationUri = tool.informationUri;
  driver.rules = rules;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver }, results }],
  };
}

/** `--output-format sarif`: the SARIF log as two-space-indented JSON with a final newline. */
export function renderSarif(findings: readonly CiFinding[], tool: SarifTool): string {
  return `${JSON.stringify(buildSarif(findings, tool), null, 2)}\n`;
}
