import { describe, expect, it } from 'vitest';
import { nowFlagAtOrAfter, resolveNow } from './now.js';

describe('nowFlagAtOrAfter', () => {
  it("gives the instruction zone's wall-clock minute at or after an instant, which --now reads back", () => {
    const zone = 'Europe/Moscow';
    const instant = Date.parse('2026-12-14T06:40:30.500Z');
    const flag = nowFlagAtOrAfter(instant, zone);
    expect(flag).toBe('2026-12-14T09:41');
    expect(resolveNow(flag, zone, {})).toBeGreaterThanOrEqual(instant);
    expect(nowFlagAtOrAfter(Date.parse('2026-12-14T06:40:00.000Z'), zone)).toBe('2026-12-14T09:40');
  });
});
