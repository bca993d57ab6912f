import fc from 'fast-check';

/**
 * Random instruction-like Markdown: front matter that may be valid or not, sections, task
 * headings with and without ids, nested lists at random indentation, every directive (and
 * unknown ones) with random labels and attributes, emphasis, links, HTML, control characters.
 */
const word = fc.constantFrom(
  'Клиент',
  'счёт',
  'заявка',
  'client',
  'invoice',
  'step',
  'Да',
  'Нет',
  'то…',
  'TODO',
  '*',
  '_',
  '[x]',
  '`code`',
  '<b>',
  '&amp;',
  '\\',
  '{',
  '}',
  '#',
  ':',
  '::',
  '\u001b[31m',
  '\u0007',
  '\u009b',
  '€',
  '𝔸',
  '',
);
const text = fc.array(word, { minLength: 0, maxLength: 6 }).map((w) => w.join(' '));
const id = fc.oneof(
  fc.constantFrom('request', 'invoice', 'a', 'x-1', 'Bad_Id', '__proto__', 'constructor', '1abc', ''),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
);
const directiveName = fc.constantFrom('when', 'schedule', 'decision', 'goto', 'end', 'escalate', 'checkpoint', 'wait', 'unknown', 'Decision');
const attribute = fc.oneof(
  id.map((i) => `#${i}`),
  fc.constantFrom(
    'return',
    'status=done',
    'status=nope',
    'role=director',
    'role=__proto__',
    'deadline=P1W',
    'deadline=xx',
    'timeout=P3D',
    'value="Номер"',
    'rrule="FREQ=MONTHLY;BYDAY=-1FR"',
    'rrule="BAD"',
    'time="10:00"',
    'time=25:99',
    '.cls',
    'x=1',
  ),
);
const directive = fc
  .record({
    name: directiveName,
    label: fc.oneof(
      text,
      id.map((i) => `#${i}`),
      fc.constant('other.md#request'),
    ),
    attrs: fc.array(attribute, { maxLength: 3 }),
    colons: fc.constantFrom('::', ':', ':::'),
  })
  .map(({ name, label, attrs, colons }) => `${colons}${name}[${label}]${attrs.length ? `{${attrs.join(' ')}}` : ''}`);
const listItem = fc
  .record({ indent: fc.integer({ min: 0, max: 8 }), marker: fc.constantFrom('-', '*', '1.', '2)', '+'), body: fc.oneof(text, directive) })
  .map(({ indent, marker, body }) => `${' '.repeat(indent)}${marker} ${body}`);
const heading = fc
  .record({
    level: fc.integer({ min: 1, max: 4 }),
    title: text,
    id: fc.option(id),
    cls: fc.option(fc.constantFrom('.tasks', '.situations', '.schedule', '.norms', '.other')),
    extra: fc.option(fc.constantFrom('reviewed=2026-01-01', 'review=P3M', 'reviewed=2026-02-30', 'x=y')),
  })
  .map(({ level, title, id: i, cls, extra }) => {
    const attrs = [i === null ? null : `#${i}`, cls, extra].filter((a) => a !== null);
    return `${'#'.repeat(level)} ${title}${attrs.length ? ` {${attrs.join(' ')}}` : ''}`;
  });
const nested = (indent: string) =>
  fc
    .array(
      fc.oneof(
        listItem.map((l) => `${indent}${l.trimStart()}`),
        directive.map((d) => `${indent}${d}`),
      ),
      { minLength: 0, maxLength: 3 },
    )
    .map((l) => l.join('\n'));
const decisionBlock = fc
  .record({ question: text, options: fc.array(fc.record({ label: text, branch: nested('  ') }), { minLength: 0, maxLength: 4 }) })
  .map(({ question, options }) => `::decision[${question}]\n${options.map((o) => `- ${o.label}${o.branch ? `\n${o.branch}` : ''}`).join('\n')}`);
const taskBlock = fc
  .record({ title: text, id, flow: fc.array(fc.oneof(decisionBlock, directive, listItem), { maxLength: 6 }) })
  .map(({ title, id: i, flow }) => `## Tasks {.tasks}\n\n### ${title} {#${i}}\n\n${flow.join('\n\n')}`);
const block = fc.oneof(
  { weight: 6, arbitrary: taskBlock },
  { weight: 3, arbitrary: heading },
  { weight: 5, arbitrary: fc.array(listItem, { minLength: 1, maxLength: 6 }).map((l) => l.join('\n')) },
  { weight: 4, arbitrary: directive },
  { weight: 2, arbitrary: text },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '> quoted',
      '```\ncode\n```',
      '<!-- instr-disable vague -->',
      '---',
      '[link](../../etc/passwd)',
      '[t](templates/x.md)',
      '| a | b |',
      '   ',
    ),
  },
);
const frontMatter = fc.oneof(
  fc.constant('---\nid: doc\ntitle: Инструкция\nlang: ru\nowner: director\nroles:\n  director:\n    title: Директор\n    contacts:\n      phone: "1"\n---\n'),
  fc.constant('---\nid: doc\ntitle: Doc\nlang: en\n---\n'),
  fc.constant('---\nid: doc\ntitle: [unclosed\n---\n'),
  fc.constant('---\n__proto__: {x: 1}\nid: doc\ntitle: t\nlang: en\n---\n'),
  fc.constant('---\nid: doc\nid: again\n---\n'),
  fc.constant('---\na: &a [1]\nb: [*a, *a]\n---\n'),
  fc.constant(''),
);

export const instructionMarkdown = fc
  .record({
    head: frontMatter,
    blocks: fc.array(block, { maxLength: 25 }),
    separators: fc.array(fc.constantFrom('\n', '\n\n', '\n\n\n'), { minLength: 25, maxLength: 25 }),
  })
  .map(({ head, blocks, separators }) => head + blocks.map((b, i) => b + separators[i]!).join(''));
