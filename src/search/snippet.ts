/** A piece of a text, marked when it matched the query. */
export interface Piece {
  text: string;
  marked: boolean;
}

/**
 * The text cut to about `width` characters around its first match (… where cut), split into
 * marked and unmarked pieces.
 */
export function snippet(text: string, marks: ReadonlyArray<[number, number]>, width: number): Piece[] {
  let from = 0;
  let to = text.length;
  if (text.length > width) {
    const first = marks[0]?.[0] ?? 0;
    from = Math.max(0, Math.min(first - Math.floor(width / 3), text.length - width));
    if (from > 0) from = text.indexOf(' ', from) + 1 || from;
    to = Math.min(text.length, from + width);
    if (to < text.length) to = text.lastIndexOf(' ', to) > from ? text.lastIndexOf(' ', to) : to;
  }
  const pieces: Piece[] = [];
  if (from > 0) pieces.push({ text: '…', marked: false });
  let at = from;
  for (const [start, end] of marks) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (s > at) pieces.push({ text: text.slice(at, s), marked: false });
    pieces.push({ text: text.slice(s, e), marked: true });
    at = e;
  }
  if (at < to) pieces.push({ text: text.slice(at, to), marked: false });
  if (to < text.length) pieces.push({ text: '…', marked: false });
  return pieces;
}
