import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration.js';

describe('durations in words', () => {
  it('calendar time as ISO 8601', () => {
    expect(formatDuration('P1W', 'ru')).toBe('1 неделя');
    expect(formatDuration('PT30M', 'ru')).toBe('30 минут');
    expect(formatDuration('P3D', 'en')).toBe('3 days');
  });

  it('working time, as `show` and `run` print a wait (testers read «2wh» as a code)', () => {
    expect(formatDuration('2wh', 'ru')).toBe('2 рабочих часа');
    expect(formatDuration('1wd', 'ru')).toBe('1 рабочий день');
    expect(formatDuration('5wd', 'ru')).toBe('5 рабочих дней');
    expect(formatDuration('1wd4wh', 'ru')).toBe('1 рабочий день 4 рабочих часа');
    expect(formatDuration('90wm', 'ru')).toBe('1 рабочий час 30 рабочих минут');
    expect(formatDuration('3 рабочих дня', 'en')).toBe('3 working days');
    expect(formatDuration('1wh', 'en')).toBe('1 working hour');
  });

  it('anything else is shown as written', () => {
    expect(formatDuration('soon', 'ru')).toBe('soon');
  });
});
