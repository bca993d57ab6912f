import { lineColumnAt } from '../text/positions.js';
import { readMessages, type EncodingProblem } from '../i18n/read-messages.js';

/**
 * Bytes → text for untrusted files. `readFileSync(…, 'utf8')` silently turns invalid bytes into
 * U+FFFD; a fatal decoder lets us say where the bad byte is instead.
 */
export type Decoded = { ok: true; text: string } | { ok: false; problem: EncodingProblem; message: string; line: number; column: number };

/** `message` is in English; readMessages(lang).encoding(problem) words it in another language. */
function refused(problem: EncodingProblem, line: number, column: number): Decoded {
  return { ok: false, problem, message: readMessages('en').encoding(problem), line, column };
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeUtf8(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return refused({ kind: 'utf16' }, 1, 1);
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    const { line, column } = lineColumnOfByte(bytes, at);
    return refused({ kind: 'invalid-utf8', offset: at }, line, column);
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const { line, column } = lineColumnAt(text, nul);
    return refused({ kind: 'nul' }, line, column);
  }
  // CRLF and lone CR behave exactly like LF; columns are unchanged because CR only ends lines.
  return { ok: true, text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text };
}

function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    try {
      decoder.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return Math.max(0, bytes.length - 1);
}

function lineColumnOfByte(bytes: Uint8Array, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++)
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  let column = 1;
  for (let i = lineStart; i < at; i++) if ((bytes[i]! & 0xc0) !== 0x80) column++;
  return { line, column };
}
