/**
 * Text from an instruction is untrusted: it must not move the cursor, clear the screen, set the
 * window title or reorder what is shown. `util.stripVTControlCharacters` leaves parts of OSC and
 * DCS sequences, BEL, BS and CR behind, so this removes whole escape sequences first and then
 * makes every remaining control character visible.
 */
const sequences =
  // eslint-disable-next-line no-control-regex
  /\u001b\][\s\S]*?(?:\u0007|\u001b\\|\u009c|$)|\u001b[P^_X][\s\S]*?(?:\u001b\\|\u009c|$)|\u009d[\s\S]*?(?:\u0007|\u009c|$)|[\u0090\u0098\u009e\u009f][\s\S]*?(?:\u009c|$)|\u001b\[[0-?]*[ -/]*[@-~]?|\u009b[0-?]*[ -/]*[@-~]?|\u001b[ -/]*[0-~]?/g;
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * terminalSafe for line-oriented output (diagnostics, reports, the CI log): a line break from
 * the input is shown as ␤, so no text can start a line of its own — a forged `::error file=…`
 * workflow command, a fake diagnostic — and U+2028 / U+2029 become spaces.
 */
export function terminalSafeLine(text: string): string {
  return terminalSafe(text)
    .replace(/\n/g, '\u2424')
    .replace(/[\u2028\u2029]/g, ' ');
}

export function terminalSafe(text: string): string {
  return text.replace(sequences, '').replace(controls, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\ufffd';
  });
}
