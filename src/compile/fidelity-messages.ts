/**
 * Diagnostics for text that would otherwise vanish between the Markdown and the graph, in the
 * instruction's language. Each names where the text went and how to write it so it is kept.
 */
import { resolveLanguage } from '../i18n/language.js';
type Args = Record<string, string | number>;

const en = {
  orphanProse: 'This {what} comes after the last step of {where}, so nobody running it would see it: make it a numbered step, or move it above the step it belongs to',
  whereTask: 'the task',
  whereBranch: 'the branch “{option}”',
  whatParagraph: 'paragraph',
  whatHeading: 'heading',
  whatBlock: 'text',
  indentedCode: 'This {thing} is indented {n} spaces, so Markdown reads it as code and it is no step: {fix}',
  indentedCodeOption: 'indent it {k} spaces, under the option’s text',
  indentedCodeTop: 'start it at the left edge, or fence it with ``` if it really is a sample',
  thingStep: 'step',
  thingDirective: 'directive',
  thingText: 'text',
  headingWithoutId: '“{title}” holds {directive} but its heading has no id, so it is read as prose and nobody can run it: end the heading with {#{id}}',
  directiveOutsideTask: '::{name} stands outside any task, so nothing runs it: put it under a task heading such as “### Title {#task-id}”',
  optionLabelDirective: '“{line}” is read as part of the option’s label “{label}”: put it on its own line after a blank line, indented under the option, with two colons: ::{name}[…]',
  optionLabelLines: 'The option’s label runs onto a second line (“{line}”), and Markdown joins it into the label: keep the label on one line and put what follows after a blank line, indented under the option',
  stepDirective: '“{line}” is read as part of the step’s text: put it on its own line after a blank line, with two colons: ::{name}[…]',
  stepAttribute: 'A step takes only an id, {#id}; “{attr}” would be dropped: {fix}',
  optionAttribute: 'An option takes only an id, {#id}; “{attr}” would be dropped',
  sectionAttribute: 'A section heading takes only {#id} and a class such as {.norms}; “{attr}” would be dropped',
  deadlineFix: 'give the task its deadline with ::when[…]{deadline={value}}, or wait for an event with ::wait[…]{deadline={value}}',
  dropFix: 'remove it, or say it in the step’s words',
  optionIndent: 'This line is indented {n} spaces, so Markdown reads it as one more option of “{question}”: to put it under “{label}”, indent it {k} spaces',
  flushLeft: 'These steps start at the left edge right after the option “{label}”, so Markdown reads them as steps after the whole decision and the option stays empty: indent them {k} spaces, under the option’s text',
};

export type FidelityMessages = Record<keyof typeof en, string>;

const ru: FidelityMessages = {
  orphanProse: 'Этот {what} стоит после последнего шага {where}, и при прохождении его никто не увидит: сделайте его нумерованным шагом или перенесите выше, к шагу, к которому он относится',
  whereTask: 'задачи',
  whereBranch: 'ветки «{option}»',
  whatParagraph: 'абзац',
  whatHeading: 'заголовок',
  whatBlock: 'текст',
  indentedCode: 'Этот {thing} с отступом {n} пробелов, поэтому Markdown читает его как код, а не как шаг: {fix}',
  indentedCodeOption: 'сделайте отступ {k} пробела, под текстом варианта',
  indentedCodeTop: 'начните его с начала строки или оградите ``` , если это действительно образец',
  thingStep: 'шаг',
  thingDirective: 'элемент',
  thingText: 'текст',
  headingWithoutId: 'В «{title}» есть {directive}, но у заголовка нет id, поэтому это читается как обычный текст и пройти это нельзя: допишите в конце заголовка {#{id}}',
  directiveOutsideTask: '::{name} стоит вне задачи, и его никто не выполнит: поставьте его под заголовок задачи, например «### Название {#task-id}»',
  optionLabelDirective: '«{line}» читается как часть названия варианта «{label}»: вынесите на отдельную строку после пустой, с отступом под вариантом и двумя двоеточиями: ::{name}[…]',
  optionLabelLines: 'Название варианта продолжается на второй строке («{line}»), и Markdown склеивает её с названием: оставьте название в одной строке, а остальное — после пустой строки с отступом под вариантом',
  stepDirective: '«{line}» читается как часть текста шага: вынесите на отдельную строку после пустой, с двумя двоеточиями: ::{name}[…]',
  stepAttribute: 'У шага может быть только id, {#id}; «{attr}» потеряется: {fix}',
  optionAttribute: 'У варианта может быть только id, {#id}; «{attr}» потеряется',
  sectionAttribute: 'У заголовка раздела могут быть только {#id} и класс вроде {.norms}; «{attr}» потеряется',
  deadlineFix: 'задайте срок задачи в ::when[…]{deadline={value}} или ожидание события ::wait[…]{deadline={value}}',
  dropFix: 'уберите его или скажите это словами в тексте шага',
  optionIndent: 'У этой строки отступ {n} пробела, поэтому Markdown читает её как ещё один вариант решения «{question}»: чтобы она была под «{label}», сделайте отступ {k} пробела',
  flushLeft: 'Эти шаги начинаются с начала строки сразу после варианта «{label}», поэтому Markdown читает их как шаги после всего решения, а вариант остаётся пустым: сделайте отступ {k} пробела, под текстом варианта',
};

export function fidelityMessages(lang: string | undefined): (key: keyof FidelityMessages, args?: Args) => string {
  const catalogue = resolveLanguage(lang) === 'ru' ? ru : en;
  return (key, args = {}) => catalogue[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in args ? String(args[name]) : m));
}
