import { slug } from 'github-slugger';
import { oneLine } from '@pacto/schema';

// Small Markdown builders for the exact layout of cli.md §4.8.1. A general mdast
// serialiser would pad and escape differently from the specified document, so the
// few constructs the document uses are built here and tested one by one.

export type Align = 'left' | 'right';

/** A GFM table: header row, a dash row as wide as each header cell, one row per entry. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const headerLine = `| ${headers.join(' | ')} |`;
  const rule = headers.map((h, i) => {
    const dashes = '-'.repeat(h.length + 2);
    return align[i] === 'right' ? `${dashes.slice(1)}:` : dashes;
  });
  const lines = [headerLine, `|${rule.join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
  return `${lines.join('\n')}\n`;
}

/** An inline code span for prose; a value with backticks gets a longer fence. */
export function code(value: string | number): string {
  const text = singleLine(String(value));
  if (!text.includes('`')) return `\`${text}\``;
  return `\`\` ${text} \`\``;
}

/** An inline code span for a table cell: `|` and backticks escaped with `\` (cli.md §4.8.1 item 8). */
export function cellCode(value: string | number): string {
  return `\`${singleLine(String(value)).replace(/[`|]/g, (c) => `\\${c}`)}\``;
}

/** A link in a table cell whose text is the URL as code; characters that would end the link are escaped. */
export function cellLink(url: string): string {
  const target = singleLine(url).replace(/[()<>|\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${cellCode(url)}](${target})`;
}

/** Free text for a table cell: one line, pipes escaped, raw HTML neutralised. */
export function cellText(value: string): string {
  return prose(value).replace(/\|/g, '\\|');
}

/** Free text for a paragraph: one line, raw HTML neutralised so a description cannot inject markup. */
export function prose(value: string): string {
  return singleLine(value).replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The em dash that stands for "no value". */
export const NONE = '—';

/** Heading anchor as GitHub computes it: lower-case, punctuation removed, spaces to `-`. */
export function anchor(heading: string): string {
  return slug(heading);
}

export function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

function singleLine(value: string): string {
  return oneLine(value).trim();
}

/** An italic note; `_` and `*` inside are escaped so paths such as `my_api.yaml` do not end it early. */
export function note(value: string): string {
  return `_${prose(value).replace(/[_*]/g, (c) => `\\${c}`)}_`;
}

/** A property's description cell: its text, then its allowed values when the schema lists them. */
export function describeProperty(description: string | undefined, values: readonly unknown[] | undefined): string {
  const parts: string[] = [];
  if (description) parts.push(cellText(description));
  if (values && values.length > 0) {
    parts.push(`One of ${values.map((v) => cellCode(typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}.`);
  }
  return parts.length > 0 ? parts.join(' ') : NONE;
}
