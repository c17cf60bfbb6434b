import { describe, expect, it } from 'vitest';
import { epochDay, isReadinessDate, parseReadinessDate } from '../../src/grammar/readiness-date.js';

describe('readiness dates', () => {
  it.each(['2026-12-31', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])('accepts %s', (text) => {
    expect(isReadinessDate(text)).toBe(true);
  });

  it.each(['2026-1-1', '2026-02-30', '2026-12-31T00:00:00Z', '31/12/2026', 'not-a-date', '', '1900-02-29', '2026-13-01', '2026-00-10', '+2026-01-01', ' 2026-01-01'])(
    'rejects %j',
    (text) => {
      expect(isReadinessDate(text)).toBe(false);
    },
  );

  it('counts days exactly, early years included', () => {
    expect(epochDay({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(epochDay({ year: 2026, month: 6, day: 9 }) - epochDay({ year: 2026, month: 6, day: 8 })).toBe(1);
    const early = parseReadinessDate('0050-03-01');
    const late = parseReadinessDate('0050-02-28');
    if (early === undefined || late === undefined) throw new Error('unparsed');
    expect(epochDay(early) - epochDay(late)).toBe(1);
    expect(epochDay({ year: 1, month: 1, day: 1 })).toBe(-719_162);
  });
});
