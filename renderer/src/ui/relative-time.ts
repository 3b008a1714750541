const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "just now", "5 minutes ago", "yesterday", "2 days ago". */
export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Number.isNaN(seconds)) return '';
  if (Math.abs(seconds) < 60) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

const longDate = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
const longUtcDate = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});
/** A page that states only the day ("2024-03-02") is stored at midnight UTC. */
const DAY_ONLY = /T00:00:00(?:\.000)?Z$/;
/** "2025-06-25T20:57:54.303-04:00": its day, then a UTC offset other than Z. */
const STATED_OFFSET = /^(\d{4}-\d{2}-\d{2})T.*[+-]\d{2}:\d{2}$/;

export function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  // In local time, that midnight is still the day before anywhere west of Greenwich.
  if (DAY_ONLY.test(iso)) return longUtcDate.format(time);
  // A moment kept at the page's own offset shows the day the page showed its readers.
  const stated = STATED_OFFSET.exec(iso);
  return stated ? longUtcDate.format(Date.parse(stated[1])) : longDate.format(time);
}

export const readingTime = (minutes: number): string => `${Math.max(1, Math.round(minutes))} min read`;
