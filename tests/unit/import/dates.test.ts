import { describe, expect, it } from 'vitest';
import { epochToIso, toIsoDate } from '../../../electron/core/import/parse/dates';
import { parseKindleDate } from '../../../electron/core/import/parse/kindle-date';

describe('toIsoDate', () => {
  it('reads unix seconds, milliseconds and microseconds as the same instant', () => {
    const iso = '2023-11-14T22:13:20.000Z';
    expect(toIsoDate('1700000000')).toBe(iso);
    expect(toIsoDate(1700000000)).toBe(iso);
    expect(toIsoDate('1700000000000')).toBe(iso);
    expect(toIsoDate(1700000000000000)).toBe(iso);
    expect(epochToIso(1700000000123)).toBe('2023-11-14T22:13:20.123Z');
  });

  it('reads offsets without a colon, Python datetimes and plain ISO', () => {
    expect(toIsoDate('2024-03-05T11:12:44+0200')).toBe('2024-03-05T09:12:44.000Z');
    expect(toIsoDate('2024-03-05T11:12:44-0530')).toBe('2024-03-05T16:42:44.000Z');
    expect(toIsoDate('2023-05-08 14:22:10+00:00')).toBe('2023-05-08T14:22:10.000Z');
    expect(toIsoDate('2023-05-08 14:22:10.123456+00:00')).toBe('2023-05-08T14:22:10.123Z');
    expect(toIsoDate('2023-10-30T12:00:00.000Z')).toBe('2023-10-30T12:00:00.000Z');
  });

  it('gives null for what is not a date', () => {
    for (const value of ['', 'soon', null, undefined, 0, -5, {}]) expect(toIsoDate(value)).toBeNull();
  });
});

describe('parseKindleDate', () => {
  const local = (...parts: [number, number, number, number, number, number]) => new Date(...parts).toISOString();

  it('reads English (US and UK order, 12- and 24-hour clocks)', () => {
    expect(parseKindleDate(' Added on Sunday, March 5, 2023 11:12:44 PM')).toBe(local(2023, 2, 5, 23, 12, 44));
    expect(parseKindleDate(' Added on Monday, March 6, 2023 12:05:00 AM')).toBe(local(2023, 2, 6, 0, 5, 0));
    expect(parseKindleDate(' Added on Sunday, 5 March 2023 23:12:44')).toBe(local(2023, 2, 5, 23, 12, 44));
  });

  it('reads German, French, Spanish, Italian, Portuguese and Japanese', () => {
    const expected = local(2023, 2, 5, 23, 12, 44);
    expect(parseKindleDate(' Hinzugefügt am Sonntag, 5. März 2023 23:12:44')).toBe(expected);
    expect(parseKindleDate(' Ajouté le dimanche 5 mars 2023 23:12:44')).toBe(expected);
    expect(parseKindleDate(' Añadido el domingo, 5 de marzo de 2023 23:12:44')).toBe(expected);
    expect(parseKindleDate(' Aggiunto in data domenica 5 marzo 2023 23:12:44')).toBe(expected);
    expect(parseKindleDate(' Adicionado: domingo, 5 de março de 2023 23:12:44')).toBe(expected);
    expect(parseKindleDate('作成日: 2023年3月5日日曜日 23:12:44')).toBe(expected);
    expect(parseKindleDate('作成日: 2023年3月5日日曜日 午後11:12:44')).toBe(expected);
  });

  it('gives null for a language it does not know rather than a wrong date', () => {
    expect(parseKindleDate(' Lisätty sunnuntaina 5. maaliskuuta 2023 klo 23.12.44')).toBeNull();
  });
});
