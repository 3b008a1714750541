/**
 * Exports write times as unix seconds, unix milliseconds (some tools), ISO 8601 with or without
 * a colon in the offset (`2024-03-05T11:12:44+0200`), or `2023-05-08 14:22:10+00:00`.
 * Everything becomes ISO 8601 in UTC, or null when it cannot be read.
 */

/** Below this a number is seconds: 10^11 s is the year 5138, 10^11 ms is March 1973. */
const MILLISECONDS_FROM = 1e11;
/** From here on it is microseconds (as some browsers write), for the same reason. */
const MICROSECONDS_FROM = 1e14;

export function epochToIso(value: number): string | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  const ms = value >= MICROSECONDS_FROM ? value / 1000 : value >= MILLISECONDS_FROM ? value : value * 1000;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function toIsoDate(value: unknown): string | null {
  if (typeof value === 'number') return epochToIso(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text) return null;
  if (/^\d+(\.\d+)?$/.test(text)) return epochToIso(Number(text));
  const iso = text
    // A space between date and time, as Python's str(datetime) writes it.
    .replace(/^(\d{4}-\d{2}-\d{2})[ T](\d)/, '$1T$2')
    // +0200 → +02:00, and Python's microseconds cut to milliseconds.
    .replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
    .replace(/(\.\d{3})\d+/, '$1')
    .replace(/\s*UTC$/i, 'Z');
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
