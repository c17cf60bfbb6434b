import leven from 'leven';

// Loaded only when a command line is wrong: did-you-mean for commands and flags. The same edit distance
// (leven) as @pacto/schema's closestWord, with cobra's rules: several suggestions and prefixes.

/**
 * The candidates a mistyped `input` most likely meant, closest first: those it is a prefix of, and those
 * within an edit distance of 2 (1 for words under 4 letters; a third of the length for long ones, at most
 * 3), as git and cobra suggest. A swap of two letters (`grpah`) is a distance of 2.
 */
export function closestMatches(input: string, candidates: Iterable<string>): string[] {
  const wanted = input.toLowerCase();
  const length = wanted.replace(/^-+/, '').length;
  const limit = length < 4 ? 1 : Math.max(2, Math.min(3, Math.floor(length / 3)));
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of new Set(candidates)) {
    const lower = candidate.toLowerCase();
    if (lower === wanted) continue;
    const d = leven(wanted, lower);
    const prefix = wanted.replace(/^-+/, '').length >= 2 && lower.startsWith(wanted);
    if (d <= limit || prefix) scored.push({ candidate, score: prefix ? Math.min(d, 0.5) : d });
  }
  return scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate)).map((s) => s.candidate);
}

/** `Did you mean "validate"?` / `Did you mean "--values" or "--verbose"?`, or undefined. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const matches = closestMatches(input, candidates).slice(0, 3).map((m) => JSON.stringify(m));
  if (matches.length === 0) return undefined;
  const list = matches.length === 1 ? matches[0] : `${matches.slice(0, -1).join(', ')} or ${matches.at(-1)}`;
  return `Did you mean ${list}?`;
}
