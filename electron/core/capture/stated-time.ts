/**
 * A page's date and time, kept in the page's own time zone: "2025-06-25T20:57:54-0400" stays
 * "2025-06-25T20:57:54.000-04:00" rather than becoming 00:57 on the 26th in UTC, so the calendar
 * day the page shows its readers is the day stored. The instant is the same either way.
 */

/** A clock time, then the zone's offset from UTC: "20:57:54-0400", "01:00:00 +05:30", "9:30 GMT+0200". */
const TIME_WITH_OFFSET = /\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:GMT|UTC)?\s*([+-])(\d{2}):?(\d{2})$/i;
/** An ISO date and time with no zone at all: "2024-05-27T07:11:40", the page's own clock. */
const FLOATING_ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

const MINUTE = 60_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 for anything Date can read, at the page's offset when it states one; null otherwise. */
export function statedTime(text: string): string | null {
  // Date would read a zone-less time in the reader's zone, which can move it to another day.
  const ms = Date.parse(FLOATING_ISO.test(text) ? `${text.replace(' ', 'T')}Z` : text);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  if (year <= 1900 || year >= 2200) return null;
  const offset = TIME_WITH_OFFSET.exec(text);
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  if (!minutes || Math.abs(minutes) > 14 * 60) return new Date(ms).toISOString();
  const wall = new Date(ms + minutes * MINUTE).toISOString().slice(0, -1);
  const sign = minutes < 0 ? '-' : '+';
  return `${wall}${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}
