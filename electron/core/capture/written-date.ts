/**
 * A date as a page shows it to people — "Published on July 18, 2025", "Updated: 09/25/2025",
 * "11. Sep 2024, 18:36" — for pages that declare none in their metadata. Only unambiguous forms
 * are read: a month by name, or year first; "03/04/2025" could be either day.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/** "July 18, 2025", "Dec. 9 2025", "Friday December 19, 2025". */
const MONTH_FIRST = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
/** "18 Dec 2025", "11. Sep 2024", "20 December, 2025". */
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i');
/** "2025-02-22", "2025/4/29". */
const YEAR_FIRST = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/;

function isoDay(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCDate() === day ? date.toISOString() : null;
}

const monthNumber = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** The calendar day a short text states, at midnight UTC (a day, not an instant), or null. */
export function writtenDate(text: string | null | undefined): string | null {
  if (!text || text.length > 200) return null;
  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst) return isoDay(Number(monthFirst[3]), monthNumber(monthFirst[1]), Number(monthFirst[2]));
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) return isoDay(Number(dayFirst[3]), monthNumber(dayFirst[2]), Number(dayFirst[1]));
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) return isoDay(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));
  return null;
}
