import { describe, expect, it } from 'vitest';
import { colorLevel } from './io.js';

const stream = (isTTY: boolean) => ({ isTTY, getColorDepth: () => 8 }) as unknown as NodeJS.WriteStream;

describe('colorLevel', () => {
  it('colours a terminal, not a pipe', () => {
    expect(colorLevel(stream(true), {})).toBe(2);
    expect(colorLevel(stream(false), {})).toBe(0);
    expect(colorLevel(stream(true), { TERM: 'dumb' })).toBe(0);
  });

  it('honours NO_COLOR over everything, and FORCE_COLOR on a pipe', () => {
    expect(colorLevel(stream(true), { NO_COLOR: '1' })).toBe(0);
    expect(colorLevel(stream(true), { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(0);
    expect(colorLevel(stream(false), { FORCE_COLOR: '1' })).toBe(1);
    expect(colorLevel(stream(true), { FORCE_COLOR: '0' })).toBe(0);
    expect(colorLevel(stream(true), { NO_COLOR: '' })).toBe(2);
  });
});
