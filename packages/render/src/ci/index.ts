export type { CiFinding } from './ci-finding.js';
export { renderGithubAnnotations } from './github-annotations.js';
export { buildSarif, renderSarif } from './sarif.js';
export { buildCodeQuality, renderCodeQuality } from './code-quality.js';
export type { CodeQualityIssue, CodeQualityOptions } from './code-quality.js';
export type { SarifTool } from './sarif.js';
export { validationFindings } from './validation-findings.js';
export { diffFindings, yamlPathText } from './diff-findings.js';
export type { DiffFindingsOptions } from './diff-findings.js';
