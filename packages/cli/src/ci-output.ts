import { PROJECT_URL, renderCodeQuality, renderGithubAnnotations, renderSarif, type CiFinding } from '@pacto/render';
import { buildInfo } from './build-info.js';

/** The output formats for CI systems that `validate` and `diff` take besides text, json and markdown. */
export type CiFormat = 'github' | 'sarif' | 'codequality';

export function isCiFormat(format: string): format is CiFormat {
  return format === 'github' || format === 'sarif' || format === 'codequality';
}

/**
 * Findings as GitHub workflow annotations, a SARIF log (code scanning) or a GitLab Code Quality report.
 * `contract` (the argument as given) locates findings that have no file, e.g. of an `oci://` contract.
 */
export function renderCiFindings(format: CiFormat, findings: readonly CiFinding[], contract: string): string {
  switch (format) {
    case 'github':
      return renderGithubAnnotations(findings);
    case 'sarif':
      return renderSarif(findings, { name: 'pacto', version: buildInfo.version, informationUri: PROJECT_URL });
    case 'codequality':
      return renderCodeQuality(findings, { fallbackPath: contract });
  }
}
