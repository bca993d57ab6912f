/**
 * JSON for output. JSON.stringify escapes C0 controls but leaves DEL, the C1 controls
 * (U+0080–U+009F, which some terminals obey like ESC sequences), bidi overrides and the line
 * separators as they are; here they are escaped as \uXXXX too — the same data, safe to print.
 */
const unsafe = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function jsonText(value: unknown, indent: number | undefined = 2): string {
  return `${JSON.stringify(value, null, indent).replace(unsafe, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
