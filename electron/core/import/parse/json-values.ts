/** Reading loosely typed JSON exports without trusting their shape. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A trimmed non-empty string, or null. */
export function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** A string as written (untrimmed, may be empty), or ''. */
export function rawStr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** 1, "1", true and "true" are true. */
export function flag(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}

/** Strings, or `{name}` / `{label}` objects, as names. */
export function names(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const item of value) {
    const name = typeof item === 'string' ? item : isObject(item) ? (str(item.name) ?? str(item.label)) : null;
    if (name?.trim()) out.push(name.trim());
  }
  return [...new Set(out)];
}

export function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text.startsWith('\ufeff') ? text.slice(1) : text) };
  } catch (error) {
    return { error: `not readable JSON: ${(error as Error).message}` };
  }
}
