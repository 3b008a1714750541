const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

/** What the toast says after an export: how many went out, and how many the format could not hold. */
export function exportedMessage(articles: number, skipped: number): string {
  const note = skipped > 0 ? ` (${plural(skipped, 'article')} without a web address left out)` : '';
  return `Exported ${plural(articles, 'article')}${note}`;
}
