import { describe, expect, it } from 'vitest';
import { jsonText } from './json-text.js';

describe('jsonText', () => {
  it('escapes DEL, C1 controls and bidi overrides, and round-trips', () => {
    const value = { title: 'a\u009b31mb\u007fc\u202ed\u001b' };
    const text = jsonText(value);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
