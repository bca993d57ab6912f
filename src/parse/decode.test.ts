import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from './decode.js';

const bytes = (...parts: Array<string | number[]>) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('decodeUtf8', () => {
  it('decodes UTF-8, drops the BOM and turns CRLF and CR into LF', () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'а\r\nб\rв'))).toEqual({ ok: true, text: 'а\nб\nв' });
  });

  it('reports the byte offset, line and column of invalid UTF-8', () => {
    expect(decodeUtf8(bytes('ок\nпри', [0xc3, 0x28]))).toEqual({
      ok: false,
      problem: { kind: 'invalid-utf8', offset: 11 },
      message: expect.stringContaining('byte offset 11'),
      line: 2,
      column: 4,
    });
  });

  it('refuses NUL bytes and UTF-16', () => {
    expect(decodeUtf8(bytes('a\nb', [0]))).toMatchObject({ ok: false, line: 2, column: 2 });
    expect(decodeUtf8(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toMatchObject({ ok: false, message: expect.stringContaining('UTF-16') });
  });
});
