/**
 * The word of `words` closest to `input` (Levenshtein distance, ties to the
 * earlier word), when it is close enough to be a plausible typo; otherwise
 * null. Used only to make error messages helpful.
 */
export function suggestWord(input: string, words: Iterable<string>): string | null {
  const needle = input.toLowerCase().slice(0, 64);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const word of words) {
    const distance = editDistance(needle, word.toLowerCase());
    if (distance < bestDistance) {
      best = word;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(2, Math.floor(needle.length / 2));
  return bestDistance <= tolerance ? best : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] as number;
}
