/**
 * `Обработать заявку {#request .x key=value key="two words"}` → the text and its attributes.
 * Used where CommonMark has no attribute syntax: headings, steps and option labels.
 */
export interface TrailingAttributes {
  text: string;
  id?: string;
  classes: string[];
  attributes: Map<string, string>;
  /** Offset of the `{` in the input, when attributes were found. */
  at?: number;
}

const block = /\s*\{([^{}\n]*)\}\s*$/;
const token = /\s*(?:#([^\s#.="'{}]+)|\.([^\s#.="'{}]+)|([A-Za-z_][\w-]*)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"'{}]+)))?)/y;

export function splitTrailingAttributes(input: string): TrailingAttributes {
  const empty: TrailingAttributes = { text: input.trim(), classes: [], attributes: new Map() };
  const match = block.exec(input);
  if (!match || match[1] === undefined) return empty;
  const inner = match[1];
  const result: TrailingAttributes = { text: input.slice(0, match.index).trim(), classes: [], attributes: new Map(), at: input.indexOf('{', match.index) };
  token.lastIndex = 0;
  while (token.lastIndex < inner.length) {
    if (/^\s*$/.test(inner.slice(token.lastIndex))) break;
    const t = token.exec(inner);
    if (!t) return empty; // not attribute syntax: leave the braces as text
    if (t[1] !== undefined) result.id = t[1];
    else if (t[2] !== undefined) result.classes.push(t[2]);
    else if (t[3] !== undefined) result.attributes.set(t[3], t[4] ?? t[5] ?? t[6] ?? '');
  }
  if (result.id === undefined && result.classes.length === 0 && result.attributes.size === 0) return empty;
  return result;
}
