import { defineRule, docsUrl } from '../rule.js';

/**
 * Unfinished text: an ellipsis where a branch should go on («Если входит, то…»), TODO, FIXME,
 * TBD, ???, a lone «уточнить» / "tbd", and options whose label is only a placeholder. The front
 * matter's values too: a contact named TBD or a phone like «+7 XXX» would be shown during an
 * escalation.
 */
export const rule = defineRule({
  meta: {
    id: 'placeholder',
    type: 'problem',
    description: 'unfinished text: «то…», «…», TODO, ???, «уточнить»',
    defaultSeverity: 'error',
    docs: docsUrl('placeholder'),
    schema: {},
    defaultOptions: {},
    messages: {
      placeholder: {
        ru: 'Заглушка «{{text}}»: эта часть инструкции не дописана. Напишите, что здесь делать',
        en: 'Placeholder "{{text}}": this part of the instruction is unfinished. Write out what to do here',
      },
      frontMatter: {
        ru: 'Заглушка «{{text}}» в front matter: её покажут сотруднику, например в контактах при эскалации. Впишите настоящее значение',
        en: 'Placeholder "{{text}}" in the front matter: it would be shown to the employee, for example among the contacts of an escalation. Write the real value',
      },
      breaksOff: {
        ru: 'Заглушка «{{text}}» (текст обрывается): эта часть инструкции не дописана. Напишите, что здесь делать',
        en: 'Placeholder "{{text}}" (the text breaks off): this part of the instruction is unfinished. Write out what to do here',
      },
    },
  },
  check(context) {
    for (const doc of context.graph.documents) {
      const source = context.source(doc.file);
      if (!source) continue;
      for (const m of findPlaceholders(source.prose)) {
        context.report({
          file: doc.file,
          at: { offset: m.offset, endOffset: m.endOffset },
          messageId: m.breaksOff ? 'breaksOff' : 'placeholder',
          data: { text: m.text },
        });
      }
      for (const m of frontMatterPlaceholders(source.text)) {
        context.report({ file: doc.file, at: { offset: m.offset, endOffset: m.endOffset }, messageId: 'frontMatter', data: { text: m.text } });
      }
    }
  },
});

export interface PlaceholderMatch {
  /** The placeholder as written. */
  text: string;
  /** An ellipsis where the text stops. */
  breaksOff: boolean;
  offset: number;
  endOffset: number;
}

// Each pattern is linear: fixed words, or a run of one character class.
const patterns: Array<{ pattern: RegExp; breaksOff?: boolean }> = [
  // an ellipsis that ends a line, a label or a bracket: «то…», "Если да, то ..."
  { pattern: /(?:…|(?<!\.)\.{3,}(?!\.))(?=[ \t]*(?:$|[\])]))/gmu, breaksOff: true },
  { pattern: /(?<![\p{L}\p{N}_])(?:TODO|FIXME|TBD|XXX)(?![\p{L}\p{N}_])/gu },
  { pattern: /(?<![\p{L}\p{N}_])(?:todo|fixme|tbd)(?=\s*:)/giu },
  { pattern: /\?{3,}/g },
  // «уточнить» standing alone as a note: in brackets, or the whole of a line / list item
  { pattern: /[([][ \t]?(?:уточнить|уточнится|to be confirmed|tbc)[?!.]*[ \t]?[)\]]/giu },
  { pattern: /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:уточнить|уточнится|to be confirmed)[?!.…]*[ \t]*$/gimu },
];

export function findPlaceholders(text: string): PlaceholderMatch[] {
  const out: PlaceholderMatch[] = [];
  for (const { pattern, breaksOff = false } of patterns) {
    const headings = breaksOff ? headingLines(text) : null;
    for (const m of text.matchAll(pattern)) {
      // «## Что делать, если…» is a title, not a branch that breaks off
      if (headings?.(m.index)) continue;
      const lead = m[0].length - m[0].trimStart().length;
      out.push({ text: m[0].trim(), breaksOff, offset: m.index + lead, endOffset: m.index + m[0].trimEnd().length });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** A phone number written with letters for digits: «+7 XXX», «8 (900) ХХХ-ХХ-ХХ». */
const phonePlaceholder = /\+?\d[\d \t().-]*[XxХх]{2,}[XxХх\d \t().-]*/gu;
/** A YAML line's value: after `key:` or a list dash; comments are not values. */
const yamlValue = /^[ \t]*(?:-[ \t]+)?(?:(?:"[^"\n]*"|'[^'\n]*'|[^\s#:"'][^:\n]*?)[ \t]*:(?=[ \t]|$))?[ \t]*/y;

/** Placeholders in the values of the front matter (the `---` block at the top), with offsets in the whole text. */
export function frontMatterPlaceholders(text: string): PlaceholderMatch[] {
  const head = /^---[ \t]*\r?\n/.exec(text);
  if (!head) return [];
  const out: PlaceholderMatch[] = [];
  let start = head[0].length;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (/^(?:---|\.\.\.)[ \t]*$/.test(line)) break;
    yamlValue.lastIndex = 0;
    const lead = yamlValue.exec(line)?.[0].length ?? 0;
    const value = line.slice(lead).replace(/[ \t]+#.*$/, '');
    if (value !== '' && !value.startsWith('#')) {
      const found = [
        ...findPlaceholders(value).filter((m) => !m.breaksOff),
        ...[...value.matchAll(phonePlaceholder)].map((m) => ({
          text: m[0].trim(),
          breaksOff: false,
          offset: m.index,
          endOffset: m.index + m[0].trimEnd().length,
        })),
      ];
      // the longer match first, so «XXX» inside «+7 XXX-XX-XX» is one finding
      for (const m of found.sort((a, b) => a.offset - b.offset || b.endOffset - a.endOffset)) {
        const offset = start + lead + m.offset;
        if (out.some((x) => x.offset <= offset && offset < x.endOffset)) continue;
        out.push({ ...m, offset: start + lead + m.offset, endOffset: start + lead + m.endOffset });
      }
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return out;
}

/** Whether an offset is on a heading line; offsets must be asked in increasing order (linear overall). */
function headingLines(text: string): (offset: number) => boolean {
  let pos = 0;
  let lineStart = 0;
  let heading: boolean | null = null;
  const headingAt = /[ \t]{0,3}#/y;
  return (offset) => {
    for (; pos < offset; pos++) {
      if (text.charCodeAt(pos) === 10) {
        lineStart = pos + 1;
        heading = null;
      }
    }
    if (heading === null) {
      headingAt.lastIndex = lineStart;
      heading = headingAt.test(text);
    }
    return heading;
  };
}
