/**
 * `text` with each line break and the whitespace around it replaced by one space, as
 * `text.replace(/\s*\n\s*\/g, ' ')` would, in linear time (that expression backtracks on long runs of
 * spaces without a line break). For messages from registries and texts from contracts.
 */
export function oneLine(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  const last = lines.length - 1;
  const kept: string[] = [];
  lines.forEach((line, i) => {
    const trimmed = i === 0 ? line.trimEnd() : i === last ? line.trimStart() : line.trim();
    if (trimmed !== '' || i === 0 || i === last) kept.push(trimmed);
  });
  return kept.join(' ');
}
