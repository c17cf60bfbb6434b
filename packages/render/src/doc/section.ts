import { anchor } from './markdown.js';

/** One numbered top-level section of the document; numbers are assigned only to emitted sections. */
export interface DocSection {
  readonly title: string;
  /** Titles of the `N.M.` subsections, in order, for the table of contents. */
  readonly subsections: readonly string[];
  /** The section's Markdown, starting with its `## N. Title` heading. */
  render(number: number): string;
}

/** `N. Title` or `N.M. Title`: the numbered heading text shared by headings and the table of contents. */
export function numbered(numbers: readonly number[], title: string): string {
  return `${numbers.join('.')}. ${title}`;
}

export function tableOfContents(sections: readonly DocSection[]): string {
  const lines = ['## Table of Contents', ''];
  sections.forEach((section, i) => {
    const top = numbered([i + 1], section.title);
    lines.push(`- [${top}](#${anchor(top)})`);
    section.subsections.forEach((sub, j) => {
      const text = numbered([i + 1, j + 1], sub);
      lines.push(`  - [${text}](#${anchor(text)})`);
    });
  });
  return `${lines.join('\n')}\n`;
}
