import type { CiFinding } from './ci-finding.js';

// Workflow-command escaping of the GitHub Actions runner: data escapes %, CR, LF; properties also `:` and `,`.
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions annotations, one `::error|warning|notice file=…,line=…,col=…,title=…::message` line per
 * finding, so each shows on the pull request next to the contract line it is about.
 */
export function renderGithubAnnotations(findings: readonly CiFinding[]): string {
  return findings
    .map((finding) => {
      const props: string[] = [];
      if (finding.file) props.push(`file=${escapeProperty(finding.file)}`);
      if (finding.file && finding.line !== undefined) props.push(`line=${finding.line}`);
      if (finding.file && finding.column !== undefined) props.push(`col=${finding.column}`);
      props.push(`title=${escapeProperty(finding.title)}`);
      return `::${finding.level} ${props.join(',')}::${escapeData(finding.message)}\n`;
    })
    .join('');
}
