/**
 * The target of the `rel="next"` link of an HTTP `Link` header (RFC 8288; registries page tag lists with it),
 * or undefined. Read by splitting, not by a regular expression: the header comes from the registry.
 */
export function nextLink(header: string): string | undefined {
  for (const link of header.split(',')) {
    const text = link.trim();
    const close = text.indexOf('>');
    if (!text.startsWith('<') || close < 0) continue;
    const isNext = text
      .slice(close + 1)
      .split(';')
      .some((param) => {
        const [name = '', value = ''] = param.split('=', 2).map((part) => part.trim().toLowerCase());
        return name === 'rel' && value.replace(/^"|"$/g, '').split(' ').includes('next');
      });
    if (isNext && close > 1) return text.slice(1, close);
  }
  return undefined;
}
