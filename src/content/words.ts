/** Helpers for messages: the nearest known word, and lists of words. */

/**
 * The Levenshtein distance between two strings: how many single-character
 * edits turn one into the other.
 *
 * @example
 * editDistance('reprots_to', 'reports_to') // 2
 */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/**
 * The candidate closest to a word, if it is close enough to be a likely typo
 * (at most a third of the word's length, and at least 2 edits allowed).
 *
 * @example
 * closest('decison_maker', ['decision_maker', 'date']) // 'decision_maker'
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Lists words for a message, shortening long lists.
 *
 * @example
 * listWords(['board', 'executive']) // 'board, executive'
 */
export function listWords(words: readonly string[], max = 25): string {
  if (words.length === 0) return '(none)';
  const shown = words.slice(0, max).join(', ');
  return words.length > max ? `${shown} and ${words.length - max} more` : shown;
}
