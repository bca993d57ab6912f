import { afterEach, describe, expect, it } from 'vitest';
import { addDays, isValidTimeZone, systemTimeZone, localDate, offsetAt, parseIsoDate, startOfLocalDay, zonedToInstant } from './zone.js';

describe('wall-clock time in a zone', () => {
  it('converts local times to instants and back', () => {
    expect(new Date(zonedToInstant(Date.UTC(2026, 10, 27, 10, 0), 'Europe/Moscow')).toISOString()).toBe('2026-11-27T07:00:00.000Z');
    expect(localDate(Date.parse('2026-11-26T22:30:00Z'), 'Europe/Moscow')).toBe('2026-11-27');
    expect(localDate(Date.parse('2026-11-28T04:30:00Z'), 'America/New_York')).toBe('2026-11-27');
    expect(offsetAt(Date.parse('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(-4 * 3_600_000);
    expect(offsetAt(Date.parse('2026-12-01T00:00:00Z'), 'America/New_York')).toBe(-5 * 3_600_000);
  });

  it('finds where a local day starts, also on a DST day', () => {
    expect(new Date(startOfLocalDay('2026-03-08', 'America/New_York')).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(new Date(startOfLocalDay('2026-03-09', 'America/New_York')).toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('does date arithmetic over month ends and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(parseIsoDate('2027-02-29')).toBeNull();
    expect(parseIsoDate('2028-02-29')).toBe(Date.UTC(2028, 1, 29));
  });

  it('tells a real zone from a typo', () => {
    expect(isValidTimeZone('Europe/Moscow')).toBe(true);
    expect(isValidTimeZone('Europe/Mascow')).toBe(false);
  });
});

describe('systemTimeZone', () => {
  const saved = process.env['TZ'];
  afterEach(() => {
    if (saved === undefined) delete process.env['TZ'];
    else process.env['TZ'] = saved;
  });

  it('takes a zone named in TZ as named (also in a worker thread, where Intl’s default does not follow TZ)', () => {
    process.env['TZ'] = 'Asia/Tokyo';
    expect(systemTimeZone()).toBe('Asia/Tokyo');
    process.env['TZ'] = ':America/New_York';
    expect(systemTimeZone()).toBe('America/New_York');
  });

  it('falls back to Intl’s default for a TZ it cannot name (a POSIX rule)', () => {
    process.env['TZ'] = 'MSK-3';
    expect(systemTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  });
});
