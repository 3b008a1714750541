/**
 * YAML front matter written by hand, since no YAML library is a dependency: every string is a
 * double-quoted scalar (JSON's escapes are valid YAML) with the characters YAML does not allow
 * raw escaped as well, so any title, even one holding "---" or a newline, reads back unchanged.
 */

/** A YAML double-quoted scalar that any YAML 1.1 or 1.2 parser reads back as this exact string. */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(
    // DEL and the C1 controls, NEL, the line and paragraph separators, the BOM and non-characters.
    /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** In UTC, or at the page's own offset ("…T20:57:54.000-04:00"): YAML's timestamps allow both. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A time as a YAML timestamp (which Obsidian shows as a date), seconds precision; other text stays a string. */
export function yamlTime(value: string | null | undefined): string {
  if (!value) return '';
  return ISO_TIME.test(value) ? value.replace(/\.\d+(?=Z$|[+-]\d{2}:\d{2}$)/, '') : yamlString(value);
}

export type FrontMatterValue = string | null | readonly string[] | { raw: string };

/** `---`-fenced front matter; null and empty values are written as empty (YAML null). */
export function frontMatter(fields: Record<string, FrontMatterValue>): string {
  const lines = ['---'];
  for (const [key, value] of Object.entries(fields)) {
    if (value === null) lines.push(`${key}:`);
    else if (typeof value === 'string') lines.push(`${key}: ${yamlString(value)}`);
    else if ('raw' in value) lines.push(value.raw ? `${key}: ${value.raw}` : `${key}:`);
    else if (value.length === 0) lines.push(`${key}: []`);
    else lines.push(`${key}:`, ...value.map((item) => `  - ${yamlString(item)}`));
  }
  lines.push('---');
  return lines.join('\n');
}

export const ID_KEY = 'offprint-id';

/** The offprint-id in a file's front matter, or null when the file has none (so Offprint did not write it). */
export function offprintIdOf(text: string): string | null {
  const head = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!head) return null;
  // Obsidian may write the value back unquoted or single-quoted when the user edits the properties.
  const line = new RegExp(`^${ID_KEY}:[ \\t]*["']?([A-Za-z0-9_-]{1,64})["']?[ \\t]*$`, 'm').exec(head[1]);
  return line ? line[1] : null;
}
