/**
 * A file name for an article's export that is safe on Windows, macOS and Linux: no path
 * separators or reserved characters, no reserved device names, no trailing dots or spaces,
 * a bounded length, and unique within one export.
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_STEM = 80;

export function safeFileStem(title: string): string {
  const cleaned = title
    .normalize('NFC')
    // Control characters and the characters Windows forbids in names.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  let stem = [...cleaned]
    .slice(0, MAX_STEM)
    .join('')
    .trim()
    .replace(/[.\s]+$/, '');
  if (!stem) stem = 'Untitled';
  if (RESERVED.test(stem)) stem = `${stem}_`;
  return stem;
}

/** Names for several exports, in order; a repeated name gets " (2)", " (3)"… (compared case-insensitively). */
export function uniqueFileNames(titles: readonly string[], extension: string): string[] {
  const used = new Set<string>();
  return titles.map((title) => {
    const stem = safeFileStem(title);
    let name = `${stem}.${extension}`;
    for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${stem} (${n}).${extension}`;
    used.add(name.toLowerCase());
    return name;
  });
}
