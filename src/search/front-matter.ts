/** Front matter at the top of a Markdown text: its lines (fences included), or 0 when there is none. */
export function frontMatterLines(text: string): number {
  const m = /^---\r?\n(?:[^\n]*\n)*?---[ \t]*(?:\r?\n|$)/.exec(text);
  return m ? m[0].split('\n').length - (m[0].endsWith('\n') ? 1 : 0) : 0;
}
