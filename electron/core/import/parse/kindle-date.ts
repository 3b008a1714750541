/**
 * Kindle writes "Added on …" in the device's language: "Sunday, March 5, 2023 11:12:44 PM",
 * "Sonntag, 5. März 2023 23:12:44", "dimanche 5 mars 2023 23:12:44", "2023年3月5日日曜日 23:12:44".
 * The month is found by name in several languages (or the CJK 年月日 form). The clock time is
 * the device's, with no zone: it is read in this computer's zone, the likeliest to match.
 */

const MONTHS: readonly (readonly string[])[] = [
  ['january', 'jan', 'januar', 'janvier', 'enero', 'gennaio', 'janeiro', 'januari', 'jänner'],
  ['february', 'feb', 'februar', 'février', 'fevrier', 'febrero', 'febbraio', 'fevereiro', 'februari'],
  ['march', 'mar', 'märz', 'maerz', 'mars', 'marzo', 'março', 'marco', 'maart'],
  ['april', 'apr', 'avril', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'junho'],
  ['july', 'jul', 'juli', 'juillet', 'julio', 'luglio', 'julho'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'augustus'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'setembro'],
  ['october', 'oct', 'oktober', 'octobre', 'octubre', 'ottobre', 'outubro'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
  ['december', 'dec', 'dezember', 'décembre', 'decembre', 'diciembre', 'dicembre', 'dezembro'],
];
const MONTH_BY_NAME = new Map(MONTHS.flatMap((names, index) => names.map((n) => [n, index] as const)));

export function parseKindleDate(text: string): string | null {
  const time = /(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?\s*m?\.?/i.exec(text);
  let hour = time ? Number(time[1]) : 0;
  const minute = time ? Number(time[2]) : 0;
  const second = time?.[3] ? Number(time[3]) : 0;
  const meridiem =
    time?.[4]?.toLowerCase() ?? (/午後|下午|오후/.test(text) ? 'p' : /午前|上午|오전/.test(text) ? 'a' : null);
  if (meridiem === 'p' && hour < 12) hour += 12;
  if (meridiem === 'a' && hour === 12) hour = 0;
  const withoutTime = time ? text.replace(time[0], ' ') : text;

  let year: number;
  let month: number;
  let day: number;
  const cjk = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/.exec(withoutTime);
  if (cjk) {
    [year, month, day] = [Number(cjk[1]), Number(cjk[2]) - 1, Number(cjk[3])];
  } else {
    const yearMatch = /\b(\d{4})\b/.exec(withoutTime);
    const words = withoutTime.toLowerCase().match(/\p{L}+/gu) ?? [];
    const monthIndex = words.map((w) => MONTH_BY_NAME.get(w)).find((m) => m !== undefined);
    const dayMatch = /(?:^|[^\d])(\d{1,2})(?!\d)/.exec(withoutTime.replace(yearMatch?.[0] ?? '', ' '));
    if (!yearMatch || monthIndex === undefined || !dayMatch) return null;
    [year, month, day] = [Number(yearMatch[1]), monthIndex, Number(dayMatch[1])];
  }
  const date = new Date(year, month, day, hour, minute, second);
  if (Number.isNaN(date.getTime()) || date.getDate() !== day || date.getMonth() !== month) return null;
  return date.toISOString();
}
