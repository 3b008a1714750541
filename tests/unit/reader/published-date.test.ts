import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The formatter reads the time zone when it is created, so the zone is set before the module loads.
const zone = process.env.TZ;
let formatDate: (iso: string | null) => string | null;
beforeAll(async () => {
  process.env.TZ = 'America/New_York';
  ({ formatDate } = await import('../../../renderer/src/ui/relative-time'));
});
afterAll(() => {
  process.env.TZ = zone;
});

describe('the published date a reader sees, west of Greenwich', () => {
  it('is the day the page states when it states only a day', () => {
    expect(formatDate('2024-03-02T00:00:00.000Z')).toMatch(/March 2, 2024|2 March 2024/);
  });

  it('is the local day of a stated moment', () => {
    expect(formatDate('2024-03-02T03:00:00.000Z')).toMatch(/March 1, 2024|1 March 2024/);
    expect(formatDate('2024-03-02T17:00:00.000Z')).toMatch(/March 2, 2024|2 March 2024/);
  });

  it("is the day the page stated when the moment keeps the page's own offset", () => {
    expect(formatDate('2024-03-02T22:30:00.000-08:00')).toMatch(/March 2, 2024|2 March 2024/);
    expect(formatDate('2024-03-02T01:00:00.000+05:30')).toMatch(/March 2, 2024|2 March 2024/);
  });

  it('is nothing for a value that is not a date', () => {
    expect(formatDate(null)).toBeNull();
    expect(formatDate('someday')).toBeNull();
  });
});
