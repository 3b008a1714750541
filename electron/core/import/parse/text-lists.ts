/** Tag lists as exports write them inside one field. */

export function splitList(value: string, separator: string | RegExp): string[] {
  return unique(value.split(separator).map((t) => t.trim()));
}

/** Drops empties and exact repeats; case and spelling stay as written (identity is applied at merge). */
export function unique(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const v of values) if (v && !seen.has(v)) seen.add(v);
  return [...seen];
}

/** Instapaper's Tags cell: a JSON array of strings (`["a","b c"]`); anything else is read as a comma list. */
export function jsonArrayCell(value: string): string[] {
  const text = value.trim();
  if (!text) return [];
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed))
        return unique(parsed.filter((t): t is string => typeof t === 'string').map((t) => t.trim()));
    } catch {
      // Not JSON after all: fall through to a comma list.
    }
  }
  return splitList(text, ',');
}

/**
 * A Python list of strings as `repr()` writes it: `['a', "it's", 'say \'hi\'']`. Returns null when
 * the text is not such a list.
 */
export function pythonStringList(value: string): string[] | null {
  const text = value.trim();
  if (!text.startsWith('[') || !text.endsWith(']')) return null;
  const items: string[] = [];
  let i = 1;
  const end = text.length - 1;
  const skipSpace = () => {
    while (i < end && /\s/.test(text[i])) i++;
  };
  skipSpace();
  while (i < end) {
    const quote = text[i];
    if (quote !== "'" && quote !== '"') return null;
    let item = '';
    i++;
    while (i < end && text[i] !== quote) {
      if (text[i] === '\\' && i + 1 < end) {
        const next = text[i + 1];
        item += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        i += 2;
      } else item += text[i++];
    }
    if (text[i] !== quote) return null;
    i++;
    items.push(item);
    skipSpace();
    if (i < end && text[i] !== ',') return null;
    i++;
    skipSpace();
  }
  return unique(items.map((t) => t.trim()));
}
