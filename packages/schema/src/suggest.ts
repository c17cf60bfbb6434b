import leven from 'leven';

// "Did you mean …?" for a mistyped word (a key, an enum value, a command): the candidate with the fewest edits,
// when it is close enough to be the likely intent. Runs only after a failure, on short lists.

/** The fewest edits a candidate may be away: a third of the word, at least 2, but fewer than the word's length. */
function allowedDistance(word: string): number {
  return Math.min(Math.max(2, Math.floor(word.length / 3)), word.length - 1);
}

/**
 * The candidate `word` most likely meant, or undefined when none is close: the same word in another case,
 * else the one with the fewest edits (Levenshtein) within a third of its length (the first of equals).
 */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const sameLetters = candidates.find((candidate) => candidate.toLowerCase() === lower);
  if (sameLetters !== undefined) return sameLetters === word ? undefined : sameLetters;
  const maxDistance = allowedDistance(word);
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    const distance = leven(lower, candidate.toLowerCase(), { maxDistance: bestDistance });
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `did you mean "visibility"?`, or undefined when no candidate is close to `word`. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const closest = closestWord(word, candidates);
  return closest === undefined ? undefined : `did you mean ${JSON.stringify(closest)}?`;
}
